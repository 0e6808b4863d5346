import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/calendar-date";
import { INSTALMENT_GRACE_DAYS, type PaymentPlan } from "../../src/domain/payment-plan";
import { dossierView, plansOfDebtor, planView } from "../../src/views/dossier";
import { claim, d } from "../domain/fixtures";
import { lines, sent, source, today } from "./fixtures";

const martin = [
  claim({
    invoiceNumber: "F-1",
    dueDate: d("2026-10-02"),
    lastStep: 1,
    lastStepDate: d("2026-10-05"),
  }),
  claim({ invoiceNumber: "F-2", dueDate: d("2026-11-20"), amount: 400.1, paid: 100 }),
  claim({ invoiceNumber: "F-3", dueDate: d("2026-09-01"), paid: 1850 }),
];
const dupont = claim({ invoiceNumber: "G-1", client: "Garage Dupont", email: "g@dupont.example" });

const plan: PaymentPlan = {
  id: "E-2026-11-01-F-2",
  client: "boulangerie martin",
  invoices: ["F-2"],
  agreedOn: d("2026-11-01"),
  paidAtAgreement: 100,
  instalments: [
    { number: 1, date: d("2026-11-15"), amount: 150.05 },
    { number: 2, date: d("2026-12-15"), amount: 150.05 },
  ],
};

describe("a debtor's dossier", () => {
  const view = dossierView(
    source({
      lines: lines(...martin, dupont),
      journal: [
        sent("2026-10-05 09:00", ["F-1"], "Relance de courtoisie"),
        sent("2026-10-06 09:00", ["G-1"], "Relance de courtoisie", "Garage Dupont"),
        sent("2026-11-23 09:00", ["F-2"], "Relance de courtoisie"),
      ],
      plans: [plan],
    }),
    "Boulangerie  MARTIN",
  );

  it("holds the debtor's invoices only, found whatever the spelling of the name", () => {
    expect(view.client).toBe("Boulangerie Martin");
    expect(view.invoices.map((i) => [i.invoice, i.status])).toEqual([
      ["F-1", "Relancée"],
      ["F-2", "Échue"],
      ["F-3", "Soldée"],
    ]);
    expect(view.status).toBe("Relancée");
  });

  it("adds up what is owed to the cent", () => {
    expect(view.totals.amount).toBe(4100.1);
    expect(view.totals.paid).toBe(1950);
    expect(view.totals.outstanding).toBe(2150.1);
    expect(view.totals.indemnity).toBe(80);
    expect(view.totals.total).toBe(
      Math.round((view.totals.outstanding + view.totals.penalties + view.totals.indemnity) * 100) /
        100,
    );
  });

  it("names the next step, its date and the invoices it covers", () => {
    expect(view.nextStep).toEqual({
      label: "Relance ferme",
      date: "2026-10-12",
      invoices: ["F-1"],
    });
  });

  it("shows the debtor's Journal lines, newest first, without the client repeated", () => {
    expect(view.timeline.map((e) => [e.at, e.invoices])).toEqual([
      ["2026-11-23 09:00", ["F-2"]],
      ["2026-10-05 09:00", ["F-1"]],
    ]);
    expect(view.timeline[0]).not.toHaveProperty("client");
    expect(view.timeline[0]?.outcome).toBe("Envoyé");
  });

  it("shows the debtor's échéancier with the state of each instalment", () => {
    expect(view.plans).toHaveLength(1);
    expect(view.plans[0]?.total).toBe(300.1);
    expect(view.plans[0]?.instalments.map((i) => i.state)).toEqual(["missed", "upcoming"]);
    expect(view.plans[0]?.defaulted).toBe(true);
  });

  it("refuses a name that has no invoice, in French", () => {
    expect(() => dossierView(source({ lines: lines(...martin) }), "Inconnu SA")).toThrow(
      "Aucune facture du client « Inconnu SA » dans « Créances ».",
    );
  });
});

describe("a payment plan's view", () => {
  it("counts what was paid since the agreement against the instalments in order", () => {
    const paid = [claim({ invoiceNumber: "F-2", amount: 400.1, paid: 250.05 })];
    const v = planView(plan, paid, today, [], 8);
    expect(v.paidSinceAgreement).toBe(150.05);
    expect(v.instalments.map((i) => i.state)).toEqual(["honoured", "upcoming"]);
    expect(v.defaulted).toBe(false);
    // the ladder waits for the next instalment and its grace days
    expect(v.suspendedUntil).toBe(addDays(d("2026-12-15"), INSTALMENT_GRACE_DAYS));
  });

  it("belongs to the debtor whose invoices it covers (a name may be two debtors')", () => {
    expect(plansOfDebtor([plan], [claim({ invoiceNumber: "F-2" })])).toEqual([plan]);
    expect(
      plansOfDebtor([plan], [claim({ invoiceNumber: "F-9", client: "boulangerie martin" })]),
    ).toEqual([]);
  });
});
