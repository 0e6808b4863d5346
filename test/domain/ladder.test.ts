import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import { DEFAULT_LADDER, stepLabel } from "../../src/domain/ladder";
import { nextStep } from "../../src/domain/next-step";
import { lastDayToAct } from "../../src/domain/prescription";
import { claimStatus } from "../../src/domain/status";
import { claim, d } from "./fixtures";

const today = d("2026-11-26");
const next = (c: Claim, on = today) => {
  const n = nextStep(c, on, DEFAULT_LADDER);
  return n && [stepLabel(n.step), n.date];
};

describe("the next step of the ladder", () => {
  it("starts with the courtesy reminder at J+1", () => {
    expect(next(claim({ dueDate: d("2026-11-02") }))).toEqual([
      "Relance de courtoisie",
      "2026-11-03",
    ]);
  });

  it("moves a step that falls on a holiday or a weekend to the next business day", () => {
    // J+1 = 11 November (Armistice)
    expect(next(claim({ dueDate: d("2026-11-10") }))).toEqual([
      "Relance de courtoisie",
      "2026-11-12",
    ]);
    // J+1 = Saturday 28 November
    expect(next(claim({ dueDate: d("2026-11-27") }))).toEqual([
      "Relance de courtoisie",
      "2026-11-30",
    ]);
  });

  it("never skips a step: an invoice found late with nothing done starts at step 1", () => {
    expect(next(claim({ dueDate: d("2026-06-01") }))).toEqual([
      "Relance de courtoisie",
      "2026-06-02",
    ]);
  });

  it("keeps the gap of 5 days after the last contact", () => {
    const c = claim({ dueDate: d("2026-11-02"), lastStep: 1, lastStepDate: d("2026-11-20") });
    expect(next(c)).toEqual(["Relance ferme", "2026-11-25"]);
    // without the gap it would be J+7 = 9 November
    const early = claim({ dueDate: d("2026-11-02"), lastStep: 1, lastStepDate: d("2026-11-03") });
    expect(next(early)).toEqual(["Relance ferme", "2026-11-09"]);
  });

  it("waits for the mise en demeure's 8 days before the handover", () => {
    // J+30 = 19 November; gap → 2 December; deadline: 27/11 + 9 = Sunday 6 December → Monday 7
    const c = claim({ dueDate: d("2026-10-20"), lastStep: 3, lastStepDate: d("2026-11-27") });
    expect(next(c)).toEqual(["Transmission à un professionnel", "2026-12-07"]);
  });

  it("goes straight to the firm reminder at J+1 for a recalcitrant debtor", () => {
    const c = claim({ profile: "Récalcitrant", dueDate: d("2026-11-02") });
    expect(next(c)).toEqual(["Relance ferme", "2026-11-03"]);
    const noticed = claim({
      profile: "Récalcitrant",
      dueDate: d("2026-11-02"),
      lastStep: 2,
      lastStepDate: d("2026-11-03"),
    });
    expect(next(noticed)).toEqual(["Mise en demeure", "2026-11-12"]);
  });

  it("schedules nothing before the day after a suspension, even once it is over", () => {
    const c = claim({ dueDate: d("2026-11-02"), suspendedUntil: d("2026-12-10") });
    expect(next(c)).toEqual(["Relance de courtoisie", "2026-12-11"]);
    const over = claim({ dueDate: d("2026-11-02"), suspendedUntil: d("2026-11-05") });
    expect(next(over)).toEqual(["Relance de courtoisie", "2026-11-06"]);
  });

  it("schedules nothing for a paid, disputed or prescribed invoice, nor after step 4", () => {
    expect(next(claim({ paid: 1850 }))).toBeUndefined();
    expect(next(claim({ paid: 2000 }))).toBeUndefined();
    expect(next(claim({ disputed: true }))).toBeUndefined();
    expect(next(claim({ dueDate: d("2021-01-10"), invoiceDate: d("2020-12-10") }))).toBeUndefined();
    expect(next(claim({ lastStep: 4, lastStepDate: d("2026-11-20") }))).toBeUndefined();
  });

  it("leaves a date in the past when a step is overdue", () => {
    expect(
      next(claim({ dueDate: d("2026-10-02"), lastStep: 1, lastStepDate: d("2026-10-05") })),
    ).toEqual(["Relance ferme", "2026-10-12"]);
  });
});

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
