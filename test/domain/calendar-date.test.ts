import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  dayOfWeek,
  daysBetween,
  formatFrenchDate,
  fromSerial,
  parseIsoDate,
  toSerial,
} from "../../src/domain/calendar-date";
import { d } from "./fixtures";

describe("calendar dates", () => {
  it("rejects days that do not exist", () => {
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(parseIsoDate("2026-13-01")).toBeUndefined();
  });

  it("counts across months, years and leap days", () => {
    expect(addDays(d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addDays(d("2024-02-28"), 1)).toBe("2024-02-29");
    expect(daysBetween(d("2025-06-30"), d("2025-07-01"))).toBe(1);
    expect(daysBetween(d("2024-01-01"), d("2025-01-01"))).toBe(366);
  });

  it("moves 29 February to 28 February in a common year", () => {
    expect(addYears(d("2024-02-29"), 5)).toBe("2029-02-28");
    expect(addYears(d("2024-02-29"), 4)).toBe("2028-02-29");
    expect(addYears(d("2026-11-26"), 2)).toBe("2028-11-26");
  });

  it("adds months, falling back to the month's last day", () => {
    expect(addMonths(d("2027-01-31"), 1)).toBe("2027-02-28");
    expect(addMonths(d("2027-01-31"), 2)).toBe("2027-03-31");
    expect(addMonths(d("2027-11-30"), 3)).toBe("2028-02-29");
    expect(addMonths(d("2026-12-31"), 2)).toBe("2027-02-28");
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek(d("2026-11-26"))).toBe(4); // a Thursday
    expect(dayOfWeek(d("1970-01-01"))).toBe(4);
    expect(dayOfWeek(d("2026-11-29"))).toBe(0);
  });

  it("converts to and from spreadsheet serial numbers", () => {
    expect(toSerial(d("1899-12-31"))).toBe(1);
    expect(toSerial(d("2026-11-26"))).toBe(46352);
    expect(fromSerial(46352.75)).toBe("2026-11-26");
  });

  it("writes dates the French way", () => {
    expect(formatFrenchDate(d("2026-01-05"))).toBe("05/01/2026");
  });
});
