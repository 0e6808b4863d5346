// The mise en demeure of a missed instalment, as its reader reads it: the plan, what is
// missed, the deadline from receipt, the clause and what it makes due — and, for a consumer,
// no penalties nor 40 €, legal interest from the notice.
import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import { buildPlanDefaultNotice, planSituation } from "../../../src/domain/messages/plan-notice";
import type { PaymentPlan } from "../../../src/domain/payment-plan";
import { planStanding } from "../../../src/domain/plan-default";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { claim, d } from "../fixtures";

const settings = {
  ...DEFAULT_SETTINGS,
  creditor: { ...DEFAULT_SETTINGS.creditor, companyName: "Imprimerie Durand SARL", city: "Lyon" },
};
const plan: PaymentPlan = {
  id: "E-2026-10-19-F-1",
  client: "Jean Dupont",
  invoices: ["F-1", "F-2"],
  agreedOn: d("2026-10-19"),
  paidAtAgreement: 0,
  instalments: [
    { number: 1, date: d("2026-11-02"), amount: 400 },
    { number: 2, date: d("2026-11-09"), amount: 400 },
    { number: 3, date: d("2026-11-16"), amount: 400.5 },
  ],
};
const today = d("2026-11-17");
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");

function notice(clientType: "Particulier" | "Professionnel") {
  const claims = [
    claim({ invoiceNumber: "F-1", client: "Jean Dupont", clientType, amount: 700 }),
    claim({ invoiceNumber: "F-2", client: "Jean Dupont", clientType, amount: 500.5 }),
  ];
  return buildPlanDefaultNotice({
    plan,
    claims,
    missed: plan.instalments.slice(1),
    balance: 800.5,
    today,
    settings,
  });
}

describe("the mise en demeure of missed instalments", () => {
  it("names both missed instalments, their total, the deadline from receipt and the balance", () => {
    const n = notice("Professionnel");
    const text = plain(documentToText(n.letter));
    expect(text).toContain(
      "Par accord du 19/10/2026, nous sommes convenus d'un échéancier pour le règlement des factures F-1 et F-2 : 3 échéances, pour un total de 1 200,50 €.",
    );
    expect(text).toContain(
      "Les échéances n° 2 et 3 (des 09/11/2026 et 16/11/2026), d'un montant total de 800,50 €, restent impayées à ce jour",
    );
    expect(text).toContain(
      "au sens de l'article 1344 du Code civil, de nous régler la somme de 800,50 € dans un délai de 8 jours à compter de la réception de la présente.",
    );
    expect(text).toContain("article 1103 du Code civil");
    expect(text).toContain("soit 800,50 €, deviendra immédiatement exigible");
    expect(text).toContain("(articles L441-10 et D441-5 du Code de commerce) restent réservées");
    expect(text).not.toMatch(/1305-4|1343-5/);
    expect(n.total).toBe(800.5);
    expect(n.deadline).toBe("2026-11-25");
    expect(plain(n.email.title)).toBe(
      "Imprimerie Durand SARL — Mise en demeure — échéancier du 19/10/2026 — factures F-1, F-2",
    );
    expect(plain(documentToText(n.email))).toContain(
      ": elles relèvent de l'échéancier convenu le 19/10/2026",
    );
  });

  it("to a consumer: no penalties nor 40 €, legal interest from the mise en demeure", () => {
    const text = plain(documentToText(notice("Particulier").letter));
    expect(text).not.toMatch(/L441-10|D441-5|40,00 €|pénalités/i);
    expect(text).toContain(
      "Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir sur le principal de 800,50 € les intérêts au taux de l'intérêt légal",
    );
  });

  it("the dossier tells the plan, its default, the notice and the déchéance", () => {
    const claims = [
      claim({ invoiceNumber: "F-1", amount: 700, paid: 400 }),
      claim({ invoiceNumber: "F-2", amount: 500.5 }),
    ];
    const journal = [
      {
        at: "2026-11-17 09:00",
        invoices: ["F-1", "F-2"],
        client: "Jean Dupont",
        step: "Mise en demeure — échéancier E-2026-10-19-F-1, échéance 2/3",
        channel: "Courrier",
        recipient: "",
        subject: "",
        outcome: "Courrier prêt — LRAR à poster",
        document: "",
        by: "",
      },
    ];
    const standing = planStanding(plan, claims, journal, d("2026-11-26"), 8);
    const text = plain(documentToText({ title: "", blocks: [planSituation(standing, 8)] }));
    expect(text).toContain(
      "Échéancier convenu le 19/10/2026 pour les factures F-1 et F-2 : 3 échéances, 1 200,50 € ; réglé depuis l'accord : 400,00 €.",
    );
    expect(text).toContain("mise en demeure du 17/11/2026");
    expect(text).toContain("Déchéance du terme acquise le 26/11/2026");
    expect(text).toContain("le solde de l'échéancier, 800,50 €, est devenu immédiatement exigible");
  });
});
