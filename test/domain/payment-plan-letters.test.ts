import { describe, expect, it } from "vitest";
import { buildAcknowledgment } from "../../src/domain/messages/acknowledgment";
import { documentToText } from "../../src/domain/messages/document";
import {
  buildPartialSettlement,
  partialSettlementProblem,
} from "../../src/domain/messages/partial-settlement";
import { buildPaymentPlanProposal } from "../../src/domain/messages/payment-plan-proposal";
import { schedulePaymentPlan } from "../../src/domain/payment-plan";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

const settings = {
  ...DEFAULT_SETTINGS,
  creditor: { ...DEFAULT_SETTINGS.creditor, companyName: "Imprimerie Durand SARL", city: "Lyon" },
};
const today = d("2026-11-26");
const claims = [claim()];
const debtor = { name: "Boulangerie Martin", representative: "M. Paul Martin, gérant" };
const schedule = schedulePaymentPlan({
  total: 1850.5,
  count: 3,
  firstDate: d("2026-12-15"),
  frequency: "monthly",
  agreedOn: today,
});
const instalments = schedule.ok ? schedule.instalments : [];

describe("the letters of the sidebar", () => {
  it("the reconnaissance de dette states the sum in figures and in words, the parties, the schedule", () => {
    const text = documentToText(
      buildAcknowledgment({ debtor, claims, today, settings, total: 1850.5, instalments }),
    );
    expect(text).toContain("mille huit cent cinquante euros et cinquante centimes");
    expect(text).toMatch(/1\s850,50\s€/);
    expect(text).toContain("M. Paul Martin, gérant, agissant pour le compte de Boulangerie Martin");
    expect(text).toContain("Imprimerie Durand SARL");
    expect(text).toContain("15/02/2027");
    expect(text).toContain("article 1376 du Code civil");
  });

  it("the proposition d'échéancier carries its schedule and the acceleration clause", () => {
    const text = documentToText(
      buildPaymentPlanProposal({
        debtor,
        claims,
        today,
        settings,
        total: 1850.5,
        frequency: "monthly",
        instalments,
      }),
    );
    expect(text).toContain("Clause de déchéance du terme");
    expect(text).toContain("la totalité des sommes restant dues deviendra immédiatement exigible");
    expect(text).toContain("24 mois");
    expect(text).toMatch(/3 échéances/);
  });

  it("the remise partielle waives the rest only if paid in time", () => {
    expect(partialSettlementProblem(1000, 1000)).toMatch(/inférieur/);
    expect(partialSettlementProblem(1000, 0)).toMatch(/supérieur à 0/);
    const text = documentToText(
      buildPartialSettlement({
        debtor,
        claims,
        today,
        settings,
        owed: 1850,
        settlement: 1500,
        payBy: d("2026-12-10"),
      }),
    );
    expect(text).toMatch(/renonce au solde de 350,00\s€/);
    expect(text).toContain("caduque de plein droit");
    expect(text).toContain("2044 du Code civil");
  });
});
