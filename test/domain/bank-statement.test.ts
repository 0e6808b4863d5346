import { describe, expect, it } from "vitest";
import {
  labelNamesClient,
  labelNamesInvoice,
  matchStatement,
  parseStatement,
} from "../../src/domain/bank-statement";
import { recordedPayments } from "../../src/domain/journal";
import { allocatePayment, paymentEffects, paymentProblem } from "../../src/domain/payments";
import { claim, d } from "./fixtures";

describe("a payment allocated", () => {
  const claims = [
    claim({ invoiceNumber: "F-3", dueDate: d("2026-10-30"), amount: 300 }),
    claim({ invoiceNumber: "F-1", dueDate: d("2026-09-30"), amount: 1000, paid: 400 }),
    claim({ invoiceNumber: "F-2", dueDate: d("2026-10-15"), amount: 500 }),
    claim({ invoiceNumber: "F-0", dueDate: d("2026-08-15"), amount: 100, paid: 100 }),
  ];
  it("goes to the oldest invoices first; the last one reached is partly paid and acknowledged", () => {
    const r = allocatePayment(claims, 900, d("2026-11-20"));
    expect(r.allocations).toEqual([
      { invoice: "F-1", client: "Boulangerie Martin", amount: 600, paidAfter: 1000, settled: true },
      {
        invoice: "F-2",
        client: "Boulangerie Martin",
        amount: 300,
        paidAfter: 300,
        settled: false,
        acknowledgedOn: "2026-11-20",
      },
    ]);
    expect(r.unallocated).toBe(0);
  });
  it("to the ones ticked only, and says what is left over", () => {
    const r = allocatePayment(
      claims.filter((c) => c.invoiceNumber === "F-3"),
      350.5,
      d("2026-11-20"),
    );
    expect(r.allocations.map((a) => [a.invoice, a.amount, a.settled])).toEqual([
      ["F-3", 300, true],
    ]);
    expect(r.unallocated).toBe(50.5);
  });
  it("keeps a later acknowledgment", () => {
    const later = claim({ amount: 1000, acknowledgedOn: d("2026-12-01") });
    expect(allocatePayment([later], 10, d("2026-11-20")).allocations[0]?.acknowledgedOn).toBe(
      "2026-12-01",
    );
  });
});

// As Crédit Agricole exports it: lines about the account, then Date;Libellé;Débit euros;Crédit euros.
const CA_STATEMENT = [
  "Compte courant n° 12345678901;",
  "Solde au 30/11/2026;12 345,67 €",
  "",
  "Date;Libellé;Débit euros;Crédit euros;",
  '02/11/2026;"VIR SEPA BOULANGERIE MARTIN REF F-2026-001";;1 850,00;',
  "05/11/2026;PRLV EDF;120,50;;",
  "06/11/2026;VIR HOTEL DU PORT FACT F2026-014 ET F-2026-015;;2 400,00;",
  "08/11/2026;VIR SEPA DURAND JEAN;;450,00;",
  "09/11/2026;VIR INCONNU SA;;999,99;",
  "12/11/2026;REMISE CHEQUE 1234567;;80,00;",
  "31/11/2026;VIR X;;10,00;",
].join("\r\n");

describe("a bank statement", () => {
  it("is read as French banks write it: account lines, a header, Débit and Crédit columns", () => {
    const s = parseStatement(CA_STATEMENT);
    expect(s.credits.map((c) => [c.line, c.date, c.amount])).toEqual([
      [5, "2026-11-02", 1850],
      [7, "2026-11-06", 2400],
      [8, "2026-11-08", 450],
      [9, "2026-11-09", 999.99],
      [10, "2026-11-12", 80],
    ]);
    expect(s.credits[0]?.label).toBe("VIR SEPA BOULANGERIE MARTIN REF F-2026-001");
    expect(s.debits).toBe(1);
    expect(s.problems).toEqual(["Ligne 11 : « 31/11/2026 » n'est pas une date (jj/mm/aaaa)."]);
  });
  it("reads one Montant column with signs, and no header at all", () => {
    const s = parseStatement("26/11/2026;VIR A;-1 234,56\n27/11/2026;VIR B;1 234,56\n");
    expect(s.credits.map((c) => [c.label, c.amount])).toEqual([["VIR B", 1234.56]]);
    expect(s.debits).toBe(1);
  });
  it("finds an invoice number whole, never inside a longer one", () => {
    expect(labelNamesInvoice("VIR FACT F2026-014", "F-2026-014")).toBe(true);
    expect(labelNamesInvoice("VIR FACTF-2026-0141", "F-2026-014")).toBe(false);
    expect(labelNamesInvoice("REMISE 12345", "1234")).toBe(false);
    expect(labelNamesClient("VIR SEPA M DURAND JEAN", "Jean Durand")).toBe(true);
    expect(labelNamesClient("VIR SEPA DURANDAL", "Durand")).toBe(false);
    expect(labelNamesClient("VIR HOTEL DU PORT", "SARL Hôtel du Port")).toBe(true);
  });

  it("matches by invoice number, else by exact amount and name; lists the rest, unguessed", () => {
    const ledger = [
      claim({ invoiceNumber: "F-2026-001", client: "Boulangerie Martin", amount: 1850 }),
      claim({
        invoiceNumber: "F-2026-014",
        client: "Hôtel du Port",
        dueDate: d("2026-10-01"),
        amount: 1200,
      }),
      claim({
        invoiceNumber: "F-2026-015",
        client: "Hôtel du Port",
        dueDate: d("2026-10-15"),
        amount: 1500,
      }),
      claim({
        invoiceNumber: "F-2026-020",
        client: "Jean Durand",
        clientType: "Particulier",
        amount: 450,
      }),
      claim({
        invoiceNumber: "F-2026-021",
        client: "Jean Durand",
        clientType: "Particulier",
        amount: 700,
      }),
      claim({ invoiceNumber: "F-2026-030", client: "Inconnu SA", amount: 1000 }),
    ];
    const { matched, unmatched } = matchStatement(parseStatement(CA_STATEMENT).credits, ledger);
    expect(
      matched.map((m) => [
        m.line.line,
        m.client,
        m.kind,
        m.allocations.map((a) => [a.invoice, a.amount, a.settled]),
      ]),
    ).toEqual([
      [5, "Boulangerie Martin", "invoice", [["F-2026-001", 1850, true]]],
      // 2 400 over the two invoices named, oldest first: 1 200 settles F-014, 1 200 of 1 500 on F-015.
      [
        7,
        "Hôtel du Port",
        "invoice",
        [
          ["F-2026-014", 1200, true],
          ["F-2026-015", 1200, false],
        ],
      ],
      [8, "Jean Durand", "amount", [["F-2026-020", 450, true]]],
    ]);
    // The name is there but 999,99 owes nothing exactly; a cheque says nothing: listed, not guessed.
    expect(unmatched.map((u) => [u.line.line, u.reason])).toEqual([
      [
        9,
        "Le client est reconnu, mais le montant ne correspond à aucune facture : à saisir dans son dossier.",
      ],
      [10, "Aucun numéro de facture ni client reconnu dans le libellé."],
    ]);
  });

  it("never pays the same invoice twice from two lines, and says so", () => {
    const ledger = [claim({ invoiceNumber: "F-9", amount: 100 })];
    const text = "01/11/2026;VIR F-9;100,00\n02/11/2026;VIR F-9;100,00\n";
    const { matched, unmatched } = matchStatement(parseStatement(text).credits, ledger);
    expect(matched).toHaveLength(1);
    expect(unmatched.map((u) => u.reason)).toEqual(["La facture F-9 est déjà soldée."]);
  });
});

describe("a payment's effects", () => {
  const claims = [
    claim({ invoiceNumber: "F-1", dueDate: d("2026-09-30"), amount: 1000 }),
    claim({ invoiceNumber: "F-2", dueDate: d("2026-10-15"), amount: 500 }),
  ];
  const payment = {
    client: "Boulangerie Martin",
    date: d("2026-11-20"),
    amount: 1200,
    means: "Chèque" as const,
  };

  it("one Journal line per invoice, « Montant payé », and the partial one acknowledged with a note", () => {
    const e = paymentEffects(payment, claims, "marie@exemple.fr (panneau)");
    const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
    expect(
      e.journal.map((j) => [j.invoices, j.step, j.channel, plain(j.subject), j.outcome]),
    ).toEqual([
      [
        ["F-1"],
        "Paiement reçu",
        "Chèque",
        "Paiement du 20/11/2026 : 1 000,00 €",
        "Encaissé — facture soldée",
      ],
      [
        ["F-2"],
        "Paiement reçu",
        "Chèque",
        "Paiement du 20/11/2026 : 200,00 €",
        "Encaissé — paiement partiel (reconnaissance de dette, C. civ. 2240)",
      ],
    ]);
    expect(e.changes).toEqual([
      { invoice: "F-1", paid: 1000 },
      { invoice: "F-2", paid: 200, acknowledgedOn: "2026-11-20" },
    ]);
    expect(e.notes.map((n) => [n.invoice, n.text.replace(/[\u00a0\u202f]/g, " ")])).toEqual([
      [
        "F-2",
        "Paiement partiel de 200,00 € reçu le 20/11/2026 : il vaut reconnaissance de dette, la prescription repart de cette date (C. civ. 2240).",
      ],
    ]);
    // Read back from the Journal, as the dashboard does.
    expect(recordedPayments(e.journal).map((p) => [p.invoice, p.date, p.amount, p.means])).toEqual([
      ["F-1", "2026-11-20", 1000, "Chèque"],
      ["F-2", "2026-11-20", 200, "Chèque"],
    ]);
  });

  it("is refused in French: a future date, more than what is owed", () => {
    expect(paymentProblem({ ...payment, date: d("2026-11-27") }, claims, d("2026-11-26"))).toBe(
      "La date du paiement ne peut pas être dans le futur.",
    );
    expect(
      paymentProblem({ ...payment, amount: 1600 }, claims, d("2026-11-26"))?.replace(
        /[\u00a0\u202f]/g,
        " ",
      ),
    ).toBe(
      "Le paiement (1 600,00 €) dépasse ce que doivent les factures choisies (1 500,00 €) : cochez d'autres factures ou corrigez le montant.",
    );
    expect(paymentProblem(payment, claims, d("2026-11-26"))).toBeUndefined();
  });

  it("a statement imported twice: its lines already in the Journal are not proposed again", () => {
    const e = paymentEffects({ ...payment, amount: 1000, bankLabel: "VIR F-1" }, claims, "moi");
    const lines = parseStatement("20/11/2026;VIR F-1;1 000,00\n").credits;
    const { matched, unmatched } = matchStatement(lines, claims, recordedPayments(e.journal));
    expect(matched).toEqual([]);
    expect(unmatched.map((u) => u.reason)).toEqual(["Déjà enregistrée (voir le Journal)."]);
  });
});
