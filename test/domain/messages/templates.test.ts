import { describe, expect, it } from "vitest";
import type { Claim } from "../../../src/domain/claim";
import { documentToHtml, documentToText } from "../../../src/domain/messages/document";
import { buildFormalNotice } from "../../../src/domain/messages/formal-notice";
import { buildReminder } from "../../../src/domain/messages/reminder";
import {
  type MessageTemplate,
  renderTemplate,
  STARTER_TEMPLATES,
  type TemplateValues,
  templateValues,
  unknownPlaceholders,
  validateTemplate,
} from "../../../src/domain/messages/templates";
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
const nbsp = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");
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
const values: TemplateValues = {
  client: "Boulangerie Martin",
  factures: "F-1, F-2",
  montant_du: "1 850,00 €",
  echeances: "02/10/2026",
  date_limite: "04/12/2026",
  entreprise: "Imprimerie Durand SARL",
  signature: "Claire Durand",
  iban: "FR76",
  reference: "Facture F-1, F-2",
  lien_paiement: "",
  derniere_relance: "",
};

describe("renderTemplate", () => {
  it("substitutes every placeholder, whatever its case, accents or spacing", () => {
    const r = renderTemplate(
      firm({ subject: "{{ Montant dû }} — {{CLIENT}}", body: "Réf. {{reference}}" }),
      values,
    );
    expect(r.subject).toBe("1 850,00 € — Boulangerie Martin");
    expect(r.before).toEqual(["Réf. Facture F-1, F-2"]);
    expect(r.problems).toEqual([]);
  });

  it("splits paragraphs on blank lines and places the detail where {{detail}} stands", () => {
    const r = renderTemplate(firm(), values);
    expect(r.before).toEqual([
      "Bonjour Boulangerie Martin,",
      "Votre règlement de 1 850,00 € se fait attendre depuis le 02/10/2026. Merci de régler avant le 04/12/2026.",
    ]);
    expect(r.after).toEqual(["À bientôt,\nClaire Durand"]);
  });

  it("reports an unknown placeholder in French and leaves it visible, never blank", () => {
    const r = renderTemplate(firm({ body: "Bonjour {{clien}}, {{ montant }}" }), values);
    expect(r.before).toEqual(["Bonjour {{clien}}, {{ montant }}"]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(
      /^Modèle « Relance ferme — Standard », texte : \{\{clien\}\}, \{\{montant\}\} ne sont pas des variables connues \(variables : \{\{client\}\}/,
    );
  });

  it("names the known placeholders that are blank for this dossier", () => {
    const r = renderTemplate(firm({ body: "Payez en ligne : {{lien_paiement}}" }), values);
    expect(r.blanks).toEqual(["lien_paiement"]);
    expect(r.problems).toEqual([]);
  });
});

describe("validateTemplate", () => {
  it("accepts the starter texts", () => {
    for (const step of [1, 2, 3] as const)
      expect(validateTemplate({ step, profile: "Fidèle", ...STARTER_TEMPLATES[step] })).toEqual([]);
  });

  it("lists unknown placeholders, stray braces, a misplaced or repeated {{detail}}", () => {
    expect(unknownPlaceholders("{{client}} {{nom}} {{ Date Limite }} {{x}}")).toEqual(["nom", "x"]);
    const problems = validateTemplate(
      firm({ subject: "{{detail}} {{client", body: "{{detail}}\n\n{{detail}}" }),
    );
    expect(problems).toEqual([
      "Modèle « Relance ferme — Standard », objet : accolades « {{ » et « }} » non appariées",
      "Modèle « Relance ferme — Standard », objet : {{detail}} n'a sa place que dans le texte",
      "Modèle « Relance ferme — Standard », texte : {{detail}} une seule fois",
    ]);
  });

  it("refuses a fee written in the text: it would reach consumers too", () => {
    for (const body of [
      "Des pénalités de retard s'appliquent.",
      "Une indemnité forfaitaire est due.",
      "Plus 40 € de frais.",
      "Article L441-10.",
    ])
      expect(validateTemplate(firm({ body })).join()).toMatch(/ne les écrivez pas dans le modèle/);
  });
});

describe("templateValues", () => {
  it("gives the invoices, the dates and the creditor's details in French", () => {
    const v = templateValues({
      client: "Boulangerie Martin",
      claims: [
        claim({ invoiceNumber: "F-1", dueDate: d("2026-10-02") }),
        claim({ invoiceNumber: "F-2", dueDate: d("2026-10-15") }),
      ],
      creditor,
      amountDue: 1850,
      deadline: d("2026-12-04"),
      lastContact: d("2026-11-12"),
    });
    expect(nbsp(v.montant_du)).toBe("1 850,00 €");
    expect(v).toMatchObject({
      factures: "F-1, F-2",
      echeances: "02/10/2026 et 15/10/2026",
      date_limite: "04/12/2026",
      derniere_relance: "12/11/2026",
      reference: "Facture F-1, F-2",
      lien_paiement: "https://paiement.example/durand",
      entreprise: "Imprimerie Durand SARL",
    });
  });
});

describe("the builders with a template", () => {
  const reminder = (c: Claim[], settings: RecoverySettings, step: 1 | 2 = 2) =>
    buildReminder({ step, client: c[0]?.client ?? "", claims: c, today, settings });

  it("a firm reminder takes the template's subject and wording, keeps table, mention, payment", () => {
    const doc = reminder([claim({ dueDate: d("2026-10-27") })], withTemplates(firm()));
    expect(nbsp(doc.title)).toBe("Imprimerie Durand SARL : F-2026-001, 1 908,47 € à régler");
    const t = nbsp(documentToText(doc));
    expect(t).toMatch(/^Bonjour Boulangerie Martin,\n/);
    expect(t).toContain("Merci de régler avant le 04/12/2026.");
    expect(t).not.toContain("Madame, Monsieur");
    expect(t).toContain("F-2026-001 | 02/09/2026 | 27/10/2026");
    expect(t).toContain("Montant à régler : 1 908,47 €");
    expect(t).toContain("article L441-10 du Code de commerce");
    expect(t).toContain("40 € par facture (article D441-5)");
    expect(t).toContain("IBAN FR76 3000 4000 0100 0012 3456 789");
    // The detail sits where {{detail}} stands: before the closing.
    expect(t.indexOf("Montant à régler")).toBeLessThan(t.indexOf("À bientôt"));
    // Then who writes (raison sociale, address, SIREN) and the privacy notice close it.
    expect(t).toContain("À bientôt,\nClaire Durand, gérante");
    expect(t.indexOf("À bientôt")).toBeLessThan(t.indexOf("Données personnelles"));
    expect(t.trimEnd()).toMatch(/saisir la CNIL \(cnil\.fr\)\.$/);
  });

  it("to a consumer: the same template, no fee, no L441-10, the principal only", () => {
    const doc = reminder(
      [claim({ clientType: "Particulier", dueDate: d("2026-10-27") })],
      withTemplates(firm()),
    );
    const t = nbsp(`${doc.title}\n${documentToText(doc)}`);
    expect(t).toContain("1 850,00 € à régler");
    expect(t).not.toMatch(/L441-10|D441-5|40 €|Pénalités|Indemnité/);
  });

  it("without {{detail}}, the detail follows the text; a courtesy reminder has no mention", () => {
    const courtesy: MessageTemplate = {
      step: 1,
      profile: "Standard",
      subject: "",
      body: "Un petit rappel, {{client}}.",
    };
    const doc = reminder([claim({ dueDate: d("2026-10-27") })], withTemplates(courtesy), 1);
    expect(doc.title).toBe("Imprimerie Durand SARL — Facture F-2026-001 : rappel de paiement");
    expect(doc.blocks[0]).toEqual({
      kind: "paragraph",
      runs: [{ text: "Un petit rappel, Boulangerie Martin." }],
    });
    expect(doc.blocks[1]?.kind).toBe("table");
    const t = nbsp(documentToText(doc));
    expect(t).toContain("Montant à régler : 1 850,00 €");
    expect(t).not.toMatch(/L441-10/);
  });

  it("only for its step and profile: other profiles keep the built-in text", () => {
    const settings = withTemplates(firm());
    const t = documentToText(
      reminder([claim({ profile: "Récalcitrant", dueDate: d("2026-10-27") })], settings),
    );
    expect(t).toContain("Madame, Monsieur,");
    expect(t).toContain("sans délai");
    expect(documentToText(reminder([claim({ dueDate: d("2026-10-27") })], settings, 1))).toContain(
      "Sauf erreur de notre part",
    );
  });

  it("a subject-only template keeps the built-in wording", () => {
    const doc = reminder(
      [claim({ dueDate: d("2026-10-27") })],
      withTemplates(firm({ subject: "Relance {{factures}}", body: "" })),
    );
    expect(doc.title).toBe("Relance F-2026-001");
    expect(documentToText(doc)).toContain("reste impayée à ce jour");
  });

  it("what comes from the sheet or the template stays text in HTML", () => {
    const doc = reminder(
      [claim({ client: "<img src=x onerror=alert(1)>", dueDate: d("2026-10-27") })],
      withTemplates(firm({ body: "<b>Bonjour</b> {{client}}" })),
    );
    const html = documentToHtml(doc);
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain("&lt;b&gt;Bonjour&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;");
  });

  it("the formal notice's email in the user's words still says what is demanded; the letter is unchanged", () => {
    const template: MessageTemplate = {
      step: 3,
      profile: "Standard",
      subject: "Dernier avis avant poursuites : {{factures}}",
      body: "Bonjour,\n\nMalgré notre relance du {{derniere_relance}}, rien n'est arrivé.\n\n{{detail}}\n\n{{signature}}",
    };
    const input = {
      client: "Garage Petit",
      claims: [claim({ dueDate: d("2026-10-27") })],
      today,
      previousReminders: [d("2026-11-03"), d("2026-10-28")],
    };
    const plain = buildFormalNotice({ ...input, settings: withTemplates() });
    const n = buildFormalNotice({ ...input, settings: withTemplates(template) });
    expect(n.email.title).toBe("Dernier avis avant poursuites : F-2026-001");
    const t = nbsp(documentToText(n.email));
    expect(t).toContain("Malgré notre relance du 03/11/2026, rien n'est arrivé.");
    expect(t).toContain(
      "Vous trouverez ci-joint copie de notre mise en demeure de payer la somme de 1 908,47 € dans un délai de 8 jours à compter de la réception de la présente. L'original vous est adressé par lettre recommandée avec accusé de réception.",
    );
    expect(t).toContain("F-2026-001 | 02/09/2026 | 27/10/2026");
    expect(t).toContain("Référence à rappeler : Facture F-2026-001");
    expect(n.letter).toEqual(plain.letter);
  });
});
