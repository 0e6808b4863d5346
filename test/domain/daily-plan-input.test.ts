import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import { type LedgerLine, planDailyRun } from "../../src/domain/daily-plan";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

const line = (c: Claim, row: number): LedgerLine => ({
  row,
  invoiceText: c.invoiceNumber,
  reading: { kind: "claim", claim: c },
});

describe("the daily plan on a row typed ahead of today", () => {
  it("a Date dernière étape after today is a row error in the run summary; the others go", () => {
    const ahead = claim({
      invoiceNumber: "F-AHEAD",
      client: "Garage Petit",
      dueDate: d("2026-10-02"),
      lastStep: 1,
      lastStepDate: d("2026-12-15"),
    });
    const fine = claim({ invoiceNumber: "F-OK", dueDate: d("2026-11-20") });
    const p = planDailyRun([line(ahead, 2), line(fine, 3)], [], d("2026-11-26"), DEFAULT_SETTINGS);
    expect(p.errors).toEqual([
      {
        invoice: "F-AHEAD",
        row: 2,
        message: "Date dernière étape : 15/12/2026 est après aujourd'hui (26/11/2026)",
      },
    ]);
    expect(p.actions.map((a) => a.invoices)).toEqual([["F-OK"]]);
  });
});
