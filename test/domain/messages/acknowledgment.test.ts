import { describe, expect, it } from "vitest";
import { buildAcknowledgment, signerOf } from "../../../src/domain/messages/acknowledgment";
import { documentToText } from "../../../src/domain/messages/document";
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

describe("the reconnaissance de dette", () => {
  it("the reconnaissance de dette leaves the sum in figures and in letters to the debtor's hand, the parties, the schedule", () => {
    const text = documentToText(
      buildAcknowledgment({ debtor, claims, today, settings, total: 1850.5, instalments }),
    );
    expect(text).not.toContain("mille huit cent");
    expect(text).toMatch(/Somme en chiffres, de votre main :\n_{60}\n/);
    expect(text).toMatch(/Somme en lettres, de votre main :\n_{60}\n_{60}\n/);
    expect(text).toMatch(/1\s850,50\s€ en principal/);
    expect(text).toContain("M. Paul Martin, gérant, agissant pour le compte de Boulangerie Martin");
    expect(text).toContain("Imprimerie Durand SARL");
    expect(text).toContain("15/02/2027");
    expect(text).toContain("article 1376 du Code civil");
  });

  it("is signed by a person: for a company nobody named, a blank for the signer; a person once", () => {
    expect(signerOf({ name: "Association Les Amis du Parc" }, true)).toBe(
      `Je soussigné(e), ${"_".repeat(30)}, agissant pour le compte d'Association Les Amis du Parc`,
    );
    expect(
      signerOf({ name: "Camille Bernard", representative: "Mme Camille Bernard" }, false),
    ).toBe("Je soussignée, Mme Camille Bernard");
    expect(signerOf({ name: "M. Thomas Renaud" }, false)).toBe("Je soussigné, M. Thomas Renaud");
    expect(
      signerOf({ name: "Hôtel du Parc", representative: "Mme Julie Caron, directrice" }, true),
    ).toBe("Je soussignée, Mme Julie Caron, directrice, agissant pour le compte d'Hôtel du Parc");
  });
});
