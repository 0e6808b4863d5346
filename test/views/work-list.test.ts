import { describe, expect, it } from "vitest";
import type { PaymentPlan } from "../../src/domain/payment-plan";
import { workList } from "../../src/views/work-list";
import { claim, d } from "../domain/fixtures";
import { lines, sent, source, today } from "./fixtures";

describe("today's work list", () => {
  it("lists a debtor with a step due, and not one with nothing to do", () => {
    const list = workList(
      source({
        lines: lines(
          claim({ invoiceNumber: "F-1", dueDate: d("2026-11-20") }),
          claim({
            invoiceNumber: "F-2",
            client: "Garage Dupont",
            email: "garage@dupont.example",
            dueDate: d("2026-12-20"),
          }),
        ),
      }),
    );
    expect(list.items.map((i) => i.client)).toEqual(["Boulangerie Martin"]);
    expect(list.items[0]?.reasons).toEqual([
      { kind: "step", label: "Relance de courtoisie à envoyer", detail: "F-1" },
    ]);
    expect(list.totals).toMatchObject({ debtors: 1, openInvoices: 2 });
  });

  it("asks for a call when the debtor has no email", () => {
    const list = workList(
      source({ lines: lines(claim({ email: undefined, dueDate: d("2026-11-20") })) }),
    );
    expect(list.items[0]?.reasons[0]).toMatchObject({
      kind: "task",
      label: "Relance de courtoisie : appeler le client",
    });
  });

  it("puts a prescription close at hand before a step due, whatever the amounts", () => {
    const list = workList(
      source({
        lines: lines(
          claim({ invoiceNumber: "F-1", dueDate: d("2026-11-20"), amount: 90_000 }),
          claim({
            invoiceNumber: "F-2",
            client: "Garage Dupont",
            email: "garage@dupont.example",
            invoiceDate: d("2021-11-01"),
            dueDate: d("2021-12-15"),
            amount: 100,
            lastStep: 2,
            lastStepDate: d("2026-11-24"),
          }),
        ),
      }),
    );
    expect(list.items.map((i) => [i.client, i.reasons[0]?.kind])).toEqual([
      ["Garage Dupont", "prescription"],
      ["Boulangerie Martin", "step"],
    ]);
    expect(list.items[0]?.reasons[0]?.label).toBe("Prescription le 15/12/2026");
  });

  it("does not list a step the Journal shows as already sent", () => {
    const list = workList(
      source({
        lines: lines(claim({ invoiceNumber: "F-1", dueDate: d("2026-11-20") })),
        journal: [sent("2026-11-23 09:00", ["F-1"], "Relance de courtoisie")],
      }),
    );
    expect(list.items).toEqual([]);
  });

  it("recalls a promise to pay that came due unpaid", () => {
    const list = workList(
      source({
        lines: lines(claim({ dueDate: d("2026-10-02"), suspendedUntil: d("2026-11-20") })),
      }),
    );
    const promise = list.items[0]?.reasons.find((r) => r.kind === "promiseDue");
    expect(promise?.label).toBe("Promesse du 20/11/2026 échue");
    expect(promise?.detail).toMatch(/^F-2026-001 : 1\s850,00\s€ toujours dus$/);
  });

  it("says an instalment was missed: its mise en demeure first, the déchéance after", () => {
    const plan: PaymentPlan = {
      id: "E-2026-10-01-F-1",
      client: "Boulangerie Martin",
      invoices: ["F-1"],
      agreedOn: d("2026-10-01"),
      paidAtAgreement: 0,
      instalments: [
        { number: 1, date: d("2026-10-15"), amount: 925 },
        { number: 2, date: d("2026-11-15"), amount: 925 },
      ],
    };
    const list = workList(
      source({
        lines: lines(
          claim({
            invoiceNumber: "F-1",
            dueDate: d("2026-09-15"),
            suspendedUntil: d("2026-10-15"),
          }),
        ),
        plans: [plan],
      }),
    );
    const missed = list.items[0]?.reasons.find((r) => r.kind === "planMissed");
    expect(missed?.label).toBe("Échéance 1/2 impayée");
    expect(missed?.detail).toBe("Prévue le 15/10/2026 : en défaut — mise en demeure à envoyer");
  });

  it("reports a repeated N° facture as an error of its row and counts the invoice once", () => {
    const list = workList(
      source({
        lines: lines(
          claim({ invoiceNumber: "F-1", dueDate: d("2026-11-20"), amount: 100.1 }),
          claim({ invoiceNumber: "F-1", dueDate: d("2026-11-20"), amount: 500 }),
        ),
      }),
    );
    expect(list.errors).toEqual([
      {
        row: 3,
        invoice: "F-1",
        message: "N° facture : « F-1 » figure sur plusieurs lignes ; seule la première est suivie",
      },
    ]);
    expect(list.totals.ledgerOutstanding).toBe(100.1);
    expect(list.today).toBe(today);
  });

  it("adds the sheet's problems and the missing rate note to its notes", () => {
    const list = workList(source({ today: d("2027-03-01"), problems: ["Paramètres : x"] }));
    expect(list.notes[0]).toBe("Paramètres : x");
    expect(list.notes[1]).toMatch(/^Le taux du semestre 2027-S1 n'est pas encore renseigné/);
  });
});
