import { describe, expect, it } from "vitest";
import { type Exchange, exchangeEffects, exchangeProblem } from "../../src/domain/exchange";
import { d } from "./fixtures";

const call: Exchange = {
  client: "Cabinet Rousseau",
  invoices: ["F-1", "F-2"],
  date: d("2026-11-26"),
  channel: "Appel",
  contact: "Mme Rousseau",
  notes: "Virement promis",
  outcome: "promise",
  outcomeDate: d("2026-12-04"),
};

describe("exchanges", () => {
  it("a promise to pay suspends each invoice until its date, and is journaled", () => {
    const { journal, changes } = exchangeEffects(call, "marie");
    expect(changes).toEqual([
      { invoice: "F-1", suspendedUntil: "2026-12-04" },
      { invoice: "F-2", suspendedUntil: "2026-12-04" },
    ]);
    expect(journal).toMatchObject({
      step: "Échange",
      channel: "Appel",
      recipient: "Mme Rousseau",
      outcome: "Promesse de paiement au 04/12/2026",
      subject: "Échange du 26/11/2026 — Mme Rousseau : Virement promis",
    });
  });

  it("a dispute sets Litige; a signed acknowledgment sets Date reconnaissance; no answer changes nothing", () => {
    expect(exchangeEffects({ ...call, outcome: "dispute" }, "").changes[0]).toEqual({
      invoice: "F-1",
      disputed: true,
    });
    expect(
      exchangeEffects(
        { ...call, outcome: "acknowledgmentSigned", outcomeDate: d("2026-11-20") },
        "",
      ).changes[1],
    ).toEqual({ invoice: "F-2", acknowledgedOn: "2026-11-20" });
    expect(exchangeEffects({ ...call, outcome: "noAnswer" }, "").changes).toEqual([]);
  });

  it("refuses what cannot be true, in French", () => {
    const today = d("2026-11-26");
    expect(exchangeProblem(call, today)).toBeUndefined();
    expect(exchangeProblem({ ...call, date: d("2026-11-27") }, today)).toMatch(/futur/);
    expect(exchangeProblem({ ...call, outcomeDate: d("2026-11-01") }, today)).toMatch(/promise/);
    const { outcomeDate: _, ...noDate } = call;
    expect(exchangeProblem(noDate, today)).toMatch(/date promise/);
  });
});
