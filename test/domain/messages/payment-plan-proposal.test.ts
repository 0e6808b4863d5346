import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import { buildPaymentPlanProposal } from "../../../src/domain/messages/payment-plan-proposal";
import { schedulePaymentPlan } from "../../../src/domain/payment-plan";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { claim, d } from "../fixtures";

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

describe("the proposition d'échéancier", () => {
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
});
