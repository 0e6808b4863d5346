import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import { previewTemplate, templateSample } from "../../../src/domain/messages/template-preview";
import type { MessageTemplate } from "../../../src/domain/messages/templates";
import { DEFAULT_SETTINGS, type RecoverySettings } from "../../../src/domain/settings";
import { claim, d } from "../fixtures";

const creditor = {
  ...DEFAULT_SETTINGS.creditor,
  companyName: "Imprimerie Durand SARL",
  signature: "Claire Durand, gérante",
  iban: "FR76 3000 4000 0100 0012 3456 789",
  paymentLink: "https://paiement.example/durand",
};
const today = d("2026-11-26");
const firm = (overrides: Partial<MessageTemplate> = {}): MessageTemplate => ({
  step: 2,
  profile: "Standard",
  subject: "{{entreprise}} : {{factures}}, {{montant_du}} à régler",
  body: "Bonjour {{client}},\n\nVotre règlement de {{montant_du}} se fait attendre depuis le {{echeances}}. Merci de régler avant le {{date_limite}}.\n\n{{detail}}\n\nÀ bientôt,\n{{signature}}",
  ...overrides,
});
const withTemplates = (...templates: MessageTemplate[]): RecoverySettings => ({
  ...DEFAULT_SETTINGS,
  creditor,
  templates,
});

describe("the live preview", () => {
  const ledger = [
    claim({ invoiceNumber: "F-0", client: "Pas encore", dueDate: d("2026-12-01") }),
    claim({ invoiceNumber: "F-1", client: "Mme Roux", clientType: "Particulier" }),
    claim({ invoiceNumber: "F-2", client: "Garage Petit", paid: 1850 }),
    claim({
      invoiceNumber: "F-3",
      client: "Garage Petit",
      lastStep: 1,
      lastStepDate: d("2026-11-03"),
    }),
    claim({ invoiceNumber: "F-4", client: "Garage Petit", disputed: true }),
    claim({ invoiceNumber: "F-5", client: "Garage Petit", dueDate: d("2026-10-20") }),
  ];

  it("takes the first professional debtor with open overdue invoices as its sample", () => {
    expect(templateSample(ledger, today)).toEqual({
      client: "Garage Petit",
      claims: [ledger[3], ledger[5]],
      today,
      lastContact: "2026-11-03",
    });
    expect(templateSample(ledger.slice(0, 2), today)?.client).toBe("Mme Roux");
    expect(templateSample(ledger.slice(0, 1), today)).toBeNull();
  });

  it("shows the sample's email for the template's step and profile, with its problems", () => {
    const sample = templateSample(ledger, today);
    if (!sample) throw new Error("no sample");
    const settings = withTemplates();
    const p = previewTemplate(
      sample,
      settings,
      firm({ profile: "Récalcitrant", body: "{{clien}} {{lien_paiement}}" }),
    );
    expect(p.problems.join()).toContain("{{clien}} n'est pas une variable connue");
    expect(p.blanks).toEqual([]);
    expect(documentToText(p.email)).toMatch(/^\{\{clien\}\} https:\/\/paiement\.example\/durand\n/);
    const notice = previewTemplate(
      sample,
      { ...settings, creditor: { ...creditor, paymentLink: "" } },
      {
        step: 3,
        profile: "Fidèle",
        subject: "",
        body: "Relance du {{derniere_relance}}, lien {{lien_paiement}}",
      },
    );
    expect(notice.problems).toEqual([]);
    expect(notice.blanks).toEqual(["lien_paiement"]);
    expect(notice.email.title).toContain("Mise en demeure de payer");
    expect(documentToText(notice.email)).toContain("Relance du 03/11/2026, lien");
  });
});
