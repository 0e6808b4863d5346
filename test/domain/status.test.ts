import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import { CLAIM_STATUSES, claimStatus } from "../../src/domain/status";
import { claimArb, todayArb } from "./arbitraries";
import { claim, d } from "./fixtures";

const today = d("2026-11-26");

describe("the status of an invoice", () => {
  const at = (c: Claim, on = today) => claimStatus(c, on);
  it("gives the first that applies", () => {
    expect(at(claim({ paid: 1850, disputed: true }))).toBe("Soldée");
    expect(at(claim({ disputed: true, suspendedUntil: d("2026-12-31") }))).toBe("Litige");
    expect(at(claim({ dueDate: d("2021-10-02"), invoiceDate: d("2021-09-02") }))).toBe("Prescrite");
    expect(
      at(claim({ suspendedUntil: d("2026-11-26"), lastStep: 3, lastStepDate: d("2026-11-01") })),
    ).toBe("Suspendue");
    expect(at(claim({ suspendedUntil: d("2026-11-25") }))).toBe("Échue");
    expect(at(claim({ lastStep: 4, lastStepDate: d("2026-11-20") }))).toBe("Transmise");
    expect(at(claim({ lastStep: 3, lastStepDate: d("2026-11-20") }))).toBe("Mise en demeure");
    expect(at(claim({ lastStep: 1, lastStepDate: d("2026-10-03") }))).toBe("Relancée");
    expect(at(claim({ lastStep: 2, lastStepDate: d("2026-10-09") }))).toBe("Relancée");
    expect(at(claim({ dueDate: d("2026-11-25") }))).toBe("Échue");
    expect(at(claim({ dueDate: d("2026-11-26") }))).toBe("Non échue");
  });
});

describe("properties of statuses", () => {
  it("every valid claim gets exactly one known status", () => {
    fc.assert(
      fc.property(claimArb, todayArb, (c, today) => {
        expect(CLAIM_STATUSES).toContain(claimStatus(c, today));
      }),
      { numRuns: 2000 },
    );
  });
});
