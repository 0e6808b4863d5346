import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import {
  buildPartialSettlement,
  partialSettlementProblem,
} from "../../../src/domain/messages/partial-settlement";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { claim, d } from "../fixtures";

const settings = {
  ...DEFAULT_SETTINGS,
  creditor: { ...DEFAULT_SETTINGS.creditor, companyName: "Imprimerie Durand SARL", city: "Lyon" },
};
const today = d("2026-11-26");
const claims = [claim()];
const debtor = { name: "Boulangerie Martin", representative: "M. Paul Martin, gérant" };

describe("the protocole de remise partielle", () => {
  it("the remise partielle waives the rest only if paid in time", () => {
    expect(partialSettlementProblem(1000, 1000)).toMatch(/inférieur/);
    expect(partialSettlementProblem(1000, 0)).toMatch(/supérieur à 0/);
    const text = documentToText(
      buildPartialSettlement({
        debtor,
        claims,
        today,
        settings,
        settlement: 1500,
        payBy: d("2026-12-10"),
      }),
    );
    // 1 850 € + 33,87 € of penalties (55 days at 12,15 %) + 40 € = 1 923,87 €, less 1 500 €.
    expect(text).toMatch(/reconnaît devoir à Imprimerie Durand SARL la somme de 1\s923,87\s€/);
    expect(text).toMatch(
      /la remise du solde, soit 423,87\s€ \(remise de dette, article 1350 du Code civil\)/,
    );
    expect(text).toContain("caduque de plein droit");
    expect(text).not.toContain("2044");
  });
});
