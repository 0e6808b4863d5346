import { describe, expect, it } from "vitest";
import { lastDayToAct } from "../../src/domain/prescription";
import { claimStatus } from "../../src/domain/status";
import { claim, d } from "./fixtures";

describe("prescription", () => {
  it("is 5 years from the due date between professionals, 2 years from the invoice date for a consumer", () => {
    expect(lastDayToAct(claim({ dueDate: d("2026-10-02") }))).toBe("2031-10-02");
    // invoice of 02/09/2026, due 02/10/2026: L218-2 runs from the service, the invoice date
    expect(lastDayToAct(claim({ dueDate: d("2026-10-02"), clientType: "Particulier" }))).toBe(
      "2028-09-02",
    );
    // a later acknowledgment restarts it for a consumer too
    expect(
      lastDayToAct(claim({ clientType: "Particulier", acknowledgedOn: d("2027-01-15") })),
    ).toBe("2029-01-15");
  });

  it("restarts from a later acknowledgment, not from an earlier one", () => {
    expect(lastDayToAct(claim({ dueDate: d("2022-03-01"), acknowledgedOn: d("2024-02-29") }))).toBe(
      "2029-02-28",
    );
    expect(lastDayToAct(claim({ dueDate: d("2022-03-01"), acknowledgedOn: d("2021-01-01") }))).toBe(
      "2027-03-01",
    );
  });

  it("is prescribed the day after the last day to act", () => {
    const c = claim({ dueDate: d("2021-11-26"), invoiceDate: d("2021-10-27") });
    expect(claimStatus(c, d("2026-11-26"))).not.toBe("Prescrite");
    expect(claimStatus(c, d("2026-11-27"))).toBe("Prescrite");
  });
});
