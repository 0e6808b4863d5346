// Date cells ⇄ calendar dates through Utilities.formatDate, with the offsets it learns:
// every answer must be the one formatDate itself would give, in zones with DST at 2 a.m.,
// at midnight (Santiago), by 30 minutes (Lord Howe), or none.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "../../sandbox/index";
import { calendarDateIn, midnightIn } from "../../sandbox/tz";
import { type CalendarDate, fromDayNumber, toDayNumber } from "../../src/domain/calendar-date";
import { sheetDates } from "../../src/gas/sheet-dates";

const ZONES = [
  "Europe/Paris",
  "Pacific/Noumea",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "America/New_York",
];
const g = globalThis as { Utilities?: unknown };

describe("sheetDates", () => {
  beforeAll(() => {
    g.Utilities = createSandbox({ scripts: [{ name: "Code.js", code: "" }] }).services.Utilities;
  });
  afterAll(() => {
    delete g.Utilities;
  });

  it("reads and writes date cells exactly as formatDate would, whatever the order", () => {
    const day = fc.integer({
      min: toDayNumber("2020-01-01" as CalendarDate),
      max: toDayNumber("2030-12-31" as CalendarDate),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(fc.tuple(day, fc.boolean()), { minLength: 1, maxLength: 60 }),
        (zone, ops) => {
          const dates = sheetDates(zone);
          for (const [n, read] of ops) {
            const d = fromDayNumber(n);
            const cell = midnightIn(d, zone);
            if (read) expect(dates.calendarDateOf(cell)).toBe(d);
            else expect(calendarDateIn(dates.dateCellOf(d), zone)).toBe(d);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a date-time cell as its calendar day", () => {
    const dates = sheetDates("Europe/Paris");
    dates.calendarDateOf(midnightIn("2026-11-25", "Europe/Paris"));
    dates.calendarDateOf(midnightIn("2026-11-27", "Europe/Paris"));
    expect(dates.calendarDateOf(new Date("2026-11-26T22:30:00Z"))).toBe("2026-11-26");
    expect(dates.calendarDateOf(new Date("2026-11-26T23:30:00Z"))).toBe("2026-11-27");
  });
});
