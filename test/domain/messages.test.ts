import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import { documentToHtml, documentToText } from "../../src/domain/messages/document";
import { buildFormalNotice } from "../../src/domain/messages/formal-notice";
import { buildHandoverDossier } from "../../src/domain/messages/handover";
import { buildReminder } from "../../src/domain/messages/reminder";
import { DEFAULT_SETTINGS, type RecoverySettings } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

const settings: RecoverySettings = {
  ...DEFAULT_SETTINGS,
  creditor: {
    ...DEFAULT_SETTINGS.creditor,
    companyName: "Imprimerie Durand SARL",
    address: "12 rue des Presses\n69002 Lyon",
    city: "Lyon",
    siren: "512345678",
    email: "compta@imprimerie-durand.example",
    signature: "Claire Durand, gérante",
    iban: "FR76 3000 4000 0100 0012 3456 789",
    bic: "BNPAFRPPXXX",
    paymentLink: "https://paiement.example/durand",
  },
};
const today = d("2026-11-26");
const nbsp = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");
const textOf = (c: Claim[], step: 1 | 2) =>
  nbsp(
    documentToText(buildReminder({ step, client: c[0]?.client ?? "", claims: c, today, settings })),
  );

describe("reminders", () => {
  it("a courtesy reminder is courteous: no penalty figures, the payment details", () => {
    const t = textOf([claim({ dueDate: d("2026-11-24") })], 1);
    expect(t).toContain("Sauf erreur de notre part");
    expect(t).toContain("si votre paiement est déjà en cours");
    expect(t).not.toMatch(/Pénalités/);
    expect(t).toContain("FR76 3000 4000 0100 0012 3456 789");
    expect(t).toContain("Référence à rappeler : Facture F-2026-001");
    expect(t).toContain("Montant à régler : 1 850,00 €");
  });

  it("a firm reminder to a professional states penalties and the 40 € per invoice", () => {
    const t = textOf([claim({ dueDate: d("2026-10-27") })], 2);
    expect(t).toContain("article L441-10 du Code de commerce");
    expect(t).toContain("40 € par facture");
    // 1850 × 12.15 % × 30 / 365 = 18.47, + 40
    expect(t).toContain("Montant à régler : 1 908,47 €");
    expect(t).toContain("au plus tard le 04/12/2026");
  });

  it("never mentions a fee to a consumer", () => {
    const t = textOf([claim({ clientType: "Particulier", dueDate: d("2026-10-27") })], 2);
    expect(t).not.toMatch(/L441-10|40 €|Pénalités|Indemnité/);
    expect(t).toContain("Montant à régler : 1 850,00 €");
  });

  it("takes the tone of the profile", () => {
    expect(textOf([claim({ profile: "Fidèle" })], 1)).toContain(
      "nous trouverons ensemble une solution",
    );
    expect(textOf([claim({ profile: "En difficulté" })], 2)).toMatch(
      /échéancier.*règlement partiel/,
    );
    expect(textOf([claim({ profile: "Récalcitrant" })], 2)).toContain("sans délai");
  });

  it("lists several invoices of one debtor in one message", () => {
    const c = [claim({ invoiceNumber: "F-1" }), claim({ invoiceNumber: "F-2", amount: 150 })];
    const r = buildReminder({ step: 1, client: "Boulangerie Martin", claims: c, today, settings });
    expect(r.title).toBe("Imprimerie Durand SARL — Factures F-1, F-2 : rappel de paiement");
    expect(nbsp(documentToText(r))).toMatch(/^Total +\|.*\| +2 000,00 €$/m);
    expect(nbsp(documentToText(r))).not.toContain("Déjà réglé");
    expect(documentToText(r)).toContain("le règlement des factures F-1 et F-2, arrivées");
    const one = buildReminder({ step: 1, client: "B", claims: c.slice(0, 1), today, settings });
    expect(documentToText(one)).toContain("le règlement de la facture F-1, arrivée à");
  });

  it("escapes what comes from the sheet in HTML", () => {
    const c = [claim({ client: "<img src=x onerror=alert(1)>", invoiceNumber: "<b>F</b>" })];
    const html = documentToHtml(
      buildReminder({ step: 1, client: c[0]?.client ?? "", claims: c, today, settings }),
    );
    expect(html).not.toContain("<b>F</b>");
    expect(html).toContain("&lt;b&gt;F&lt;/b&gt;");
  });
});

describe("the mise en demeure", () => {
  const notice = (c: Claim[]) =>
    buildFormalNotice({
      client: "Garage Petit",
      claims: c,
      today,
      settings,
      previousReminders: [d("2026-10-28"), d("2026-11-03")],
    });

  it("has every element the law expects", () => {
    const n = notice([claim({ dueDate: d("2026-10-27") })]);
    const t = nbsp(documentToText(n.letter));
    expect(t).toContain("Imprimerie Durand SARL");
    expect(t).toContain("SIREN 512345678");
    expect(t).toContain("Garage Petit");
    expect(t).toContain("Lyon, le 26 novembre 2026");
    expect(t).toContain("mise en demeure de payer");
    expect(t).toContain(
      "Par la présente, nous vous mettons en demeure de nous régler la somme de 1 908,47 €",
    );
    expect(t).toContain("dans un délai de 8 jours");
    expect(t).toContain("soit au plus tard le 04/12/2026");
    expect(t).toContain("Principal restant dû : 1 850,00 €");
    expect(t).toMatch(/Pénalités de retard au 26\/11\/2026 .*: 18,47 €/);
    expect(t).toMatch(/Indemnité forfaitaire .*: 40,00 €/);
    expect(t).toContain("Malgré nos relances des 28/10/2026 et 03/11/2026");
    expect(t).toContain("F-2026-001 | 02/09/2026 | 27/10/2026");
    expect(t).toMatch(/commissaire de justice/);
    expect(t).not.toMatch(/prescription/i);
    expect(n.deadline).toBe("2026-12-04");
  });

  it("for a consumer: the principal only, and legal interest from the notice", () => {
    const t = nbsp(
      documentToText(
        notice([claim({ clientType: "Particulier", dueDate: d("2026-10-27") })]).letter,
      ),
    );
    expect(t).toContain("la somme de 1 850,00 €");
    expect(t).toContain("articles 1231-6 et 1344-1 du Code civil");
    expect(t).not.toMatch(/L441-10|Indemnité forfaitaire/);
  });
});

describe("the handover dossier", () => {
  it("holds the parties, the amounts, the prescription and the timeline", () => {
    const doc = buildHandoverDossier({
      client: "Garage Petit",
      email: "garage@petit.example",
      claims: [claim({ dueDate: d("2026-10-10"), paid: 350 })],
      today,
      settings,
      timeline: [
        {
          at: "2026-10-12 09:00",
          invoices: ["F-2026-001"],
          client: "Garage Petit",
          step: "Relance de courtoisie",
          channel: "Email",
          recipient: "",
          subject: "Rappel",
          outcome: "Envoyé",
          document: "",
          by: "",
        },
        {
          at: "2026-11-02 09:00",
          invoices: ["F-2026-001"],
          client: "Garage Petit",
          step: "Mise en demeure",
          channel: "Courrier + email",
          recipient: "",
          subject: "MED",
          outcome: "Envoyé",
          document: "https://docs.example/med",
          by: "",
        },
      ],
    });
    const t = nbsp(documentToText(doc));
    expect(doc.title).toBe("Dossier de recouvrement — Garage Petit — F-2026-001 — 2026-11-26");
    expect(t).toContain("DOSSIER DE RECOUVREMENT — GARAGE PETIT");
    expect(t).toContain("Principal restant dû : 1 500,00 €");
    expect(t).toContain("Dernier jour pour agir : 10/10/2031");
    expect(t).toMatch(
      /^12\/10\/2026 09:00 \| Relance de courtoisie +\| Email +\| Rappel +\| Envoyé$/m,
    );
    expect(t).toContain("https://docs.example/med");
  });
});

describe("tables on A4", () => {
  it("puts the charges of a partly paid professional invoice in a second table, not eight columns", () => {
    const n = buildFormalNotice({
      client: "Garage Petit",
      claims: [claim({ dueDate: d("2026-10-27"), paid: 350 })],
      today,
      settings,
      previousReminders: [],
    });
    const tables = n.letter.blocks.filter((b) => b.kind === "table");
    expect(tables.map((t) => t.kind === "table" && t.header.length)).toEqual([6, 5]);
    const t = nbsp(documentToText(n.letter));
    expect(t).toMatch(/^F-2026-001 +\| +1 500,00 € \| +14,98 € \| +40,00 € \| +1 554,98 €$/m);
  });
});
