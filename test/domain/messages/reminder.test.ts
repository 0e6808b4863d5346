import { describe, expect, it } from "vitest";
import { documentToHtml, documentToText } from "../../../src/domain/messages/document";
import { buildReminder } from "../../../src/domain/messages/reminder";
import { claim, d } from "../fixtures";
import { nbsp, settings, textOf, today } from "./fixtures";

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
