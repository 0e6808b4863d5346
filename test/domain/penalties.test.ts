import { describe, expect, it } from "vitest";
import { claimPenalties, recoveryIndemnity } from "../../src/domain/amounts-due";
import { latePenalties } from "../../src/domain/penalties";
import { DEFAULT_RATE_TABLE, halfYearOf, ratesForHalfYear } from "../../src/domain/rates";
import { claim, d } from "./fixtures";

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

  it("charges penalties and the 40 € only to a late, unpaid professional", () => {
    const today = d("2026-11-01");
    const late = claim({ dueDate: d("2026-10-02") });
    expect(claimPenalties(late, today, table).amount).toBe(
      Math.round((1850 * 0.1215 * 30 * 100) / 365) / 100,
    );
    expect(recoveryIndemnity(late, today)).toBe(40);
    const consumer = claim({ clientType: "Particulier" });
    expect(claimPenalties(consumer, today, table).amount).toBe(0);
    expect(recoveryIndemnity(consumer, today)).toBe(0);
    const paid = claim({ paid: 1850 });
    expect(claimPenalties(paid, today, table).amount).toBe(0);
    expect(recoveryIndemnity(paid, today)).toBe(0);
    const notYet = claim({ dueDate: today });
    expect(recoveryIndemnity(notYet, today)).toBe(0);
  });

  it("counts penalties on what remains after a partial payment", () => {
    const partly = claim({ paid: 850, dueDate: d("2025-09-30") });
    expect(claimPenalties(partly, d("2025-10-30"), table).amount).toBe(
      latePenalties(1000, d("2025-09-30"), d("2025-10-30"), table).amount,
    );
  });

  it("keeps accruing on a disputed or suspended professional invoice", () => {
    const today = d("2026-11-01");
    for (const c of [claim({ disputed: true }), claim({ suspendedUntil: d("2026-12-31") })]) {
      expect(claimPenalties(c, today, table).amount).toBeGreaterThan(0);
      expect(recoveryIndemnity(c, today)).toBe(40);
    }
  });
});
