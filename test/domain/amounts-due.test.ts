import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimPenalties, recoveryIndemnity } from "../../src/domain/amounts-due";
import { latePenalties } from "../../src/domain/penalties";
import { DEFAULT_RATE_TABLE } from "../../src/domain/rates";
import { claimArb, todayArb } from "./arbitraries";
import { claim, d } from "./fixtures";

const table = DEFAULT_RATE_TABLE;

describe("the penalties and the 40 € of a claim (L441-10, D441-5)", () => {
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

describe("properties of the amounts due", () => {
  it("are zero for a consumer, a paid invoice or before the due date has passed", () => {
    fc.assert(
      fc.property(claimArb, todayArb, (c, today) => {
        const amount = claimPenalties(c, today, DEFAULT_RATE_TABLE).amount;
        if (c.clientType === "Particulier" || c.paid >= c.amount || today <= c.dueDate) {
          expect(amount).toBe(0);
        } else {
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
