import { describe, expect, it } from "vitest";
import {
  easterSunday,
  frenchPublicHolidays,
  isBusinessDay,
  nextBusinessDay,
} from "../../src/domain/holidays";
import { d } from "./fixtures";

describe("French public holidays and business days", () => {
  it("computes Easter", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("lists the eleven jours fériés of 2026", () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });

  it("moves a holiday or a weekend to the next business day", () => {
    expect(nextBusinessDay(d("2026-04-06"))).toBe("2026-04-07"); // lundi de Pâques
    expect(nextBusinessDay(d("2026-05-14"))).toBe("2026-05-15"); // Ascension
    expect(nextBusinessDay(d("2026-05-23"))).toBe("2026-05-26"); // Sat, Sun, lundi de Pentecôte
    expect(nextBusinessDay(d("2026-12-25"))).toBe("2026-12-28"); // Noël, a Friday
    expect(nextBusinessDay(d("2027-05-01"))).toBe("2027-05-03"); // 1er mai on a Saturday
    expect(nextBusinessDay(d("2026-11-26"))).toBe("2026-11-26"); // already a business day
  });

  it("treats 24 and 31 December as ordinary days", () => {
    expect(isBusinessDay(d("2026-12-24"))).toBe(true);
    expect(isBusinessDay(d("2026-12-31"))).toBe(true);
  });
});
