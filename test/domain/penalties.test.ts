import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/calendar-date";
import { latePenalties } from "../../src/domain/penalties";
import { DEFAULT_RATE_TABLE, halfYearOf, ratesForHalfYear } from "../../src/domain/rates";
import { day } from "./arbitraries";
import { d } from "./fixtures";

const table = DEFAULT_RATE_TABLE;

describe("late penalties (L441-10)", () => {
  it("1 850 € outstanding, 30 days late at 12.15 % → 18.47 €", () => {
    const p = latePenalties(1850, d("2025-09-30"), d("2025-10-30"), table);
    expect(p.segments).toEqual([
      { from: "2025-10-01", to: "2025-10-30", days: 30, rate: 12.15, official: true },
    ]);
    expect(p.amount).toBe(18.47);
    expect(p.official).toBe(true);
  });

  it("splits a delay spanning 30 June / 1 July between two rates", () => {
    const p = latePenalties(1850, d("2025-06-15"), d("2025-07-15"), table);
    expect(p.segments.map((s) => [s.from, s.to, s.days, s.rate])).toEqual([
      ["2025-06-16", "2025-06-30", 15, 13.15],
      ["2025-07-01", "2025-07-15", 15, 12.15],
    ]);
    // 1850 × (13.15 % × 15 + 12.15 % × 15) / 365 = 19.2349…
    expect(p.amount).toBe(19.23);
  });

  it("divides by 365 in a leap year too", () => {
    // 2024-01-01 … 2024-12-31: 182 days at 14.50 %, 184 days at 14.25 %.
    const p = latePenalties(10000, d("2023-12-31"), d("2024-12-31"), table);
    expect(p.segments.map((s) => s.days)).toEqual([182, 184]);
    expect(p.amount).toBe(Math.round((10000 * (0.145 * 182 + 0.1425 * 184) * 100) / 365) / 100);
  });

  it("is nothing on the due date itself, and starts the day after", () => {
    expect(latePenalties(1850, d("2025-10-01"), d("2025-10-01"), table).amount).toBe(0);
    expect(latePenalties(36500, d("2025-10-01"), d("2025-10-02"), table).amount).toBe(12.15);
  });

  it("uses the last known rate past the table and says it is an estimate", () => {
    const p = latePenalties(1850, d("2026-06-20"), d("2026-07-20"), table);
    expect(p.segments.map((s) => [s.rate, s.official])).toEqual([
      [12.15, true],
      [12.15, false],
    ]);
    expect(p.official).toBe(false);
    expect(ratesForHalfYear(table, halfYearOf(d("2027-03-01"))).official).toBe(false);
  });
});

describe("properties of penalties", () => {
  it("grow with the days and with the amount", () => {
    fc.assert(
      fc.property(
        day("2021-01-01", "2027-12-31"),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100),
        fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100),
        (due, days, more, a, extra) => {
          const today = addDays(due, days);
          const base = latePenalties(a, due, today, DEFAULT_RATE_TABLE).amount;
          expect(
            latePenalties(a, due, addDays(today, more), DEFAULT_RATE_TABLE).amount,
          ).toBeGreaterThanOrEqual(base);
          expect(
            latePenalties(a + extra, due, today, DEFAULT_RATE_TABLE).amount,
          ).toBeGreaterThanOrEqual(base);
          expect(base).toBeGreaterThanOrEqual(0);
          expect(Math.round(base * 100)).toBeCloseTo(base * 100, 6);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
