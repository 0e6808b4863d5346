import { describe, expect, it } from "vitest";
import { computeDashboard, outstandingOn } from "../../src/domain/dashboard";
import { isFirstBusinessDayOfWeek, weekStart } from "../../src/domain/digest";
import { type JournalEntry, PAYMENT_STEP, paymentSubject } from "../../src/domain/journal";
import { DEFAULT_LADDER } from "../../src/domain/ladder";
import { claim, d } from "./fixtures";

// A small ledger whose every figure is computed by hand below, on Thursday 26/11/2026.
const today = d("2026-11-26");
const claims = [
  // Alpha: 87 days late after a Relance ferme; a second invoice 12 days late, partly paid.
  claim({
    invoiceNumber: "A1",
    client: "Alpha SARL",
    invoiceDate: d("2026-08-01"),
    dueDate: d("2026-08-31"),
    amount: 1000,
    lastStep: 2,
    lastStepDate: d("2026-09-07"),
  }),
  claim({
    invoiceNumber: "A2",
    client: "Alpha SARL",
    invoiceDate: d("2026-10-15"),
    dueDate: d("2026-11-14"),
    amount: 600,
    paid: 200,
  }),
  // Bêta (a consumer): one not yet due, one disputed and 148 days late, 500 € paid on an unknown day.
  claim({
    invoiceNumber: "B1",
    client: "Bêta",
    clientType: "Particulier",
    invoiceDate: d("2026-11-01"),
    dueDate: d("2026-12-01"),
    amount: 500,
  }),
  claim({
    invoiceNumber: "B2",
    client: "BETA",
    clientType: "Particulier",
    invoiceDate: d("2026-06-01"),
    dueDate: d("2026-07-01"),
    amount: 2000,
    paid: 500,
    disputed: true,
  }),
  // Gamma: one paid on 20/10, one 37 days late after the mise en demeure.
  claim({
    invoiceNumber: "C1",
    client: "Gamma",
    invoiceDate: d("2026-09-01"),
    dueDate: d("2026-10-01"),
    amount: 300,
    paid: 300,
  }),
  claim({
    invoiceNumber: "C2",
    client: "Gamma",
    invoiceDate: d("2026-09-20"),
    dueDate: d("2026-10-20"),
    amount: 800,
    lastStep: 3,
    lastStepDate: d("2026-11-10"),
  }),
  // Delta: not yet due. Epsilon: prescribed (due 30/06/2021, 5 years).
  claim({
    invoiceNumber: "D1",
    client: "Delta",
    invoiceDate: d("2026-11-20"),
    dueDate: d("2026-12-20"),
    amount: 1200,
  }),
  claim({
    invoiceNumber: "E1",
    client: "Epsilon",
    invoiceDate: d("2021-05-31"),
    dueDate: d("2021-06-30"),
    amount: 250,
  }),
];

function line(over: Partial<JournalEntry>): JournalEntry {
  return {
    at: "2026-11-12 10:00",
    invoices: [],
    client: "",
    step: "",
    channel: "",
    recipient: "",
    subject: "",
    outcome: "",
    document: "",
    by: "moi",
    ...over,
  };
}
const journal: JournalEntry[] = [
  line({
    at: "2026-10-21 09:00",
    invoices: ["C1"],
    client: "Gamma",
    step: PAYMENT_STEP,
    channel: "Virement",
    subject: paymentSubject(d("2026-10-20"), 300),
    outcome: "Encaissé — facture soldée",
  }),
  line({
    at: "2026-11-12 09:00",
    invoices: ["A2"],
    client: "Alpha SARL",
    step: PAYMENT_STEP,
    channel: "Chèque",
    subject: paymentSubject(d("2026-11-10"), 200),
    outcome: "Encaissé — paiement partiel",
  }),
  // A line edited out of shape counts for nothing; a reminder is not a payment.
  line({
    invoices: ["D1"],
    client: "Delta",
    step: PAYMENT_STEP,
    channel: "Virement",
    subject: "Paiement : beaucoup",
    outcome: "Encaissé",
  }),
  line({
    invoices: ["A1"],
    client: "Alpha SARL",
    step: "Relance ferme",
    channel: "Email",
    subject: "Facture A1 : 1 000,00 €",
    outcome: "Envoyé",
  }),
];

describe("the dashboard, against figures computed by hand", () => {
  const board = computeDashboard(claims, journal, today, DEFAULT_LADDER);

  it("encours, dont échu, open invoices and debtors", () => {
    // 1000 + 400 + 500 + 1500 + 800 + 1200 + 250; not yet due: B1 500 + D1 1200.
    expect(board.outstanding).toBe(5650);
    expect(board.pastDue).toBe(3950);
    expect(board.openInvoices).toBe(7);
    expect(board.debtors).toBe(5);
  });

  it("the ageing balance per debtor (Bêta and BETA are one) and in total", () => {
    expect(board.ageingTotal).toEqual([1700, 400, 800, 1000, 1750]);
    expect(board.ageing.map((r) => [r.client, r.ageing, r.outstanding, r.pastDue])).toEqual([
      ["Bêta", [500, 0, 0, 0, 1500], 2000, 1500],
      ["Alpha SARL", [0, 400, 0, 1000, 0], 1400, 1400],
      ["Delta", [1200, 0, 0, 0, 0], 1200, 0],
      ["Gamma", [0, 0, 800, 0, 0], 800, 800],
      ["Epsilon", [0, 0, 0, 0, 250], 250, 250],
    ]);
  });

  it("the DSO today, 30 and 60 days ago", () => {
    // Today: 5 650 open ÷ 3 400 invoiced since 28/08 (A2, B1, C1, C2, D1) × 90.
    expect(board.dso.today).toMatchObject({ openBalance: 5650, invoiced: 3400, days: 149.6 });
    // 27/10: A1 1000 + A2 600 (paid 10/11, later) + B2 1500 (500 paid on an unknown day,
    // taken as its due date 01/07) + C2 800 + E1 250; C1 paid 20/10. Invoiced since 29/07:
    // A1, A2, C1, C2 = 2 700.
    expect(board.dso.days30Ago).toMatchObject({
      date: "2026-10-27",
      openBalance: 4150,
      invoiced: 2700,
      days: 138.3,
    });
    // 27/09: A1 1000 + B2 1500 + C1 300 + C2 800 + E1 250; invoiced since 29/06: A1, C1, C2.
    expect(board.dso.days60Ago).toMatchObject({
      date: "2026-09-27",
      openBalance: 3850,
      invoiced: 2100,
      days: 165,
    });
  });

  it("recovered this month and last month, from the payments the Journal records", () => {
    expect(board.recovered).toEqual({ thisMonth: 200, lastMonth: 300 });
  });

  it("the amount under each status", () => {
    expect(board.byStatus).toEqual([
      { status: "Relancée", amount: 1000, invoices: 1 },
      { status: "Mise en demeure", amount: 800, invoices: 1 },
      { status: "Transmise", amount: 0, invoices: 0 },
      { status: "Litige", amount: 1500, invoices: 1 },
      { status: "Procédure collective", amount: 0, invoices: 0 },
      { status: "Prescrite", amount: 250, invoices: 1 },
    ]);
  });

  it("the largest past-due debtors with their next step", () => {
    expect(board.topPastDue.map((t) => [t.client, t.pastDue, t.nextStep, t.nextStepDate])).toEqual([
      // B2 is disputed; B1 falls due on 01/12, its courtesy reminder the next day.
      ["Bêta", 1500, "Relance de courtoisie", "2026-12-02"],
      // A1's mise en demeure at J+20 = Sunday 20/09, hence Monday 21/09 (overdue).
      ["Alpha SARL", 1400, "Mise en demeure", "2026-09-21"],
      // C2: J+30 = 19/11, also the mise en demeure's 8 days + 1.
      ["Gamma", 800, "Transmission à un professionnel", "2026-11-19"],
      ["Epsilon", 250, "— (Prescrite)", ""],
    ]);
  });

  it("keeps ten debtors at most, largest first", () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      claim({ invoiceNumber: `M${i}`, client: `Client ${i}`, amount: 100 + i }),
    );
    const top = computeDashboard(many, [], today, DEFAULT_LADDER).topPastDue;
    expect(top).toHaveLength(10);
    expect(top[0]?.client).toBe("Client 11");
    expect(top[9]?.client).toBe("Client 2");
  });

  it("two debtors whose names differ only by case and accents, at two addresses, are two rows named as the sidebar names them", () => {
    const board = computeDashboard(
      [
        claim({
          invoiceNumber: "E-1",
          client: "Élise Durand",
          email: "elise@exemple.fr",
          amount: 320,
        }),
        claim({
          invoiceNumber: "E-2",
          client: "elise durand",
          email: "e.durand@autre.fr",
          amount: 150,
        }),
      ],
      [],
      today,
      DEFAULT_LADDER,
    );
    expect(board.debtors).toBe(2);
    expect(board.ageing.map((r) => [r.client, r.outstanding])).toEqual([
      ["Élise Durand (elise@exemple.fr)", 320],
      ["elise durand (e.durand@autre.fr)", 150],
    ]);
  });

  it("an empty ledger gives zeros and no DSO", () => {
    const empty = computeDashboard([], [], today, DEFAULT_LADDER);
    expect(empty.outstanding).toBe(0);
    expect(empty.dso.today.days).toBeUndefined();
    expect(empty.topPastDue).toEqual([]);
  });
});

describe("a past balance", () => {
  it("counts a recorded payment from its date, and never more than Montant payé", () => {
    const c = claim({
      amount: 1000,
      paid: 300,
      invoiceDate: d("2026-09-01"),
      dueDate: d("2026-12-31"),
    });
    const payments = [
      {
        invoice: c.invoiceNumber,
        client: c.client,
        date: d("2026-10-10"),
        amount: 500,
        means: "Virement",
      },
    ];
    expect(outstandingOn(c, payments, d("2026-10-09"), today)).toBe(1000);
    // The Journal says 500, the ledger 300 (a user corrected it): the ledger wins.
    expect(outstandingOn(c, payments, d("2026-10-10"), today)).toBe(700);
    expect(outstandingOn(c, payments, d("2026-08-31"), today)).toBe(0);
  });
  it("takes a payment of unknown date as received on the due date, or today if later", () => {
    const c = claim({
      amount: 1000,
      paid: 400,
      invoiceDate: d("2026-11-01"),
      dueDate: d("2026-12-01"),
    });
    expect(outstandingOn(c, [], d("2026-11-25"), today)).toBe(1000);
    expect(outstandingOn(c, [], today, today)).toBe(600);
  });
});

describe("the week's first business day", () => {
  it("is Monday, or Tuesday after Easter Monday; never a weekend", () => {
    expect(isFirstBusinessDayOfWeek(d("2026-11-30"))).toBe(true);
    expect(isFirstBusinessDayOfWeek(d("2026-12-01"))).toBe(false);
    expect(isFirstBusinessDayOfWeek(d("2027-03-29"))).toBe(false); // Easter Monday
    expect(isFirstBusinessDayOfWeek(d("2027-03-30"))).toBe(true);
    expect(isFirstBusinessDayOfWeek(d("2026-11-29"))).toBe(false);
    expect(weekStart(d("2026-12-06"))).toBe("2026-11-30");
  });
});
