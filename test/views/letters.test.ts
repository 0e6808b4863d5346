import { describe, expect, it } from "vitest";
import { documentToText } from "../../src/domain/messages/document";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { composeLetter } from "../../src/views/letters";
import { claim, d } from "../domain/fixtures";
import { sent, today } from "./fixtures";

const settings = {
  ...DEFAULT_SETTINGS,
  creditor: {
    ...DEFAULT_SETTINGS.creditor,
    companyName: "Imprimerie Durand SARL",
    address: "12 rue des Presses\n69002 Lyon",
    city: "Lyon",
  },
};
const f1 = claim({ invoiceNumber: "F-1", dueDate: d("2026-10-02") });
const request = (kind: "courtesy" | "firm" | "formalNotice" | "handover", invoices = ["F-1"]) => ({
  client: "Boulangerie Martin",
  kind,
  invoices,
});
const text = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");

describe("a letter composed in the sidebar", () => {
  it("a firm reminder recalls the last reminder the Journal shows, as the daily run's does", () => {
    // « Dernière étape » not yet written back: the Journal is the truth.
    const journal = [
      sent("2026-10-05 09:00", ["F-1"], "Relance de courtoisie"),
      sent("2026-10-12 09:00", ["F-1"], "Relance ferme"),
    ];
    const letter = composeLetter(request("firm"), { claims: [f1], journal, today, settings });
    expect(letter.step).toBe("Relance ferme");
    expect(letter.ladderStep).toBe(2);
    expect(letter.recipient).toBe("compta@boulangerie-martin.example");
    expect(text(documentToText(letter.document))).toContain(
      "Malgré notre précédent message du 12/10/2026",
    );
  });

  it("recalls no earlier message when none was sent, whatever « Dernière étape » was", () => {
    const handedOver = claim({ invoiceNumber: "F-1", lastStep: 4, lastStepDate: d("2026-11-20") });
    const letter = composeLetter(request("courtesy"), {
      claims: [handedOver],
      journal: [],
      today,
      settings,
    });
    expect(text(documentToText(letter.document))).not.toContain("précédent message");
    // The invoice is further on the ladder: the letter is journaled, the step stays.
    expect(letter.warnings).toEqual([
      "Aucune étape n'est prévue pour ces factures.",
      "F-1 (Transmission à un professionnel) : déjà à cette étape ou plus loin. Le courrier sera noté au Journal ; « Dernière étape » ne change pas.",
    ]);
  });

  it("warns when the letter is not the ladder's next step, naming the one expected", () => {
    const letter = composeLetter(request("formalNotice"), {
      claims: [f1],
      journal: [],
      today,
      settings,
    });
    expect(letter.step).toBe("Mise en demeure");
    expect(letter.warnings).toContain(
      "Ce n'est pas l'étape prévue par l'échelle : la prochaine est « Relance de courtoisie ».",
    );
  });

  it("warns about a paid or disputed invoice among those chosen", () => {
    const letter = composeLetter(request("firm", ["F-1", "F-2"]), {
      claims: [f1, claim({ invoiceNumber: "F-2", paid: 1850, disputed: true })],
      journal: [],
      today,
      settings,
    });
    expect(letter.warnings).toEqual(
      expect.arrayContaining([
        "Une facture choisie est déjà soldée.",
        "Une facture choisie est en litige : vérifiez avant d'envoyer.",
      ]),
    );
  });

  it("sends no email to a debtor without an address", () => {
    const letter = composeLetter(request("firm"), {
      claims: [claim({ invoiceNumber: "F-1", email: undefined })],
      journal: [],
      today,
      settings,
    });
    expect(letter.email).toBeNull();
    expect(letter.recipient).toBe("");
  });

  it("refuses a letter with no invoice, in French", () => {
    expect(() =>
      composeLetter(request("firm", []), { claims: [], journal: [], today, settings }),
    ).toThrow("Choisissez au moins une facture.");
  });

  it("schedules the proposed échéancier, or refuses it in French beyond 24 months", () => {
    const ctx = { claims: [f1], journal: [], today, settings };
    const plan = { count: 3, firstDate: "2026-12-15", frequency: "monthly" as const };
    const proposal = composeLetter({ ...request("firm"), kind: "paymentPlan", plan }, ctx);
    expect(text(documentToText(proposal.document))).toMatch(/3 échéances/);
    const signed = composeLetter({ ...request("firm"), kind: "acknowledgment", plan }, ctx);
    expect(text(documentToText(signed.document))).toContain("15/02/2027");
    expect(() =>
      composeLetter({ ...request("firm"), kind: "paymentPlan", plan: { ...plan, count: 30 } }, ctx),
    ).toThrow(/limite un échéancier amiable à 24 mois \(.*article 1343-5 du Code civil\)/);
    expect(() => composeLetter({ ...request("firm"), kind: "paymentPlan" }, ctx)).toThrow(
      "Indiquez le nombre d'échéances, la première date et la périodicité.",
    );
  });
});
