import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import { type LedgerLine, planDailyRun } from "../../src/domain/daily-plan";
import { actionKey, type JournalEntry, OUTCOMES } from "../../src/domain/journal";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

const today = d("2026-11-26");
let rowNumber = 1;
const line = (c: Claim): LedgerLine => ({
  row: ++rowNumber,
  invoiceText: c.invoiceNumber,
  reading: { kind: "claim", claim: c },
});
const entry = (fields: Partial<JournalEntry>): JournalEntry => ({
  at: "2026-11-20 09:00",
  invoices: [],
  client: "",
  step: "",
  channel: "Email",
  recipient: "",
  subject: "",
  outcome: OUTCOMES.sent,
  document: "",
  by: "Recouvra (automatique)",
  ...fields,
});
const plan = (claims: Claim[], journal: JournalEntry[] = []) =>
  planDailyRun(claims.map(line), journal, today, DEFAULT_SETTINGS);

describe("the daily plan", () => {
  it("groups one debtor's invoices due for the same step into one action", () => {
    const p = plan([
      claim({ invoiceNumber: "F-1", client: "Garage Petit", dueDate: d("2026-11-20") }),
      claim({ invoiceNumber: "F-2", client: "GARAGE petit ", dueDate: d("2026-11-24") }),
      claim({ invoiceNumber: "F-3", client: "Boulangerie Martin", dueDate: d("2026-11-24") }),
    ]);
    expect(p.actions.map((a) => [a.client, a.stepLabel, a.invoices])).toEqual([
      ["Garage Petit", "Relance de courtoisie", ["F-1", "F-2"]],
      ["Boulangerie Martin", "Relance de courtoisie", ["F-3"]],
    ]);
  });

  it("orders actions oldest due date first, then largest amount", () => {
    const p = plan([
      claim({ invoiceNumber: "A", client: "A", dueDate: d("2026-11-20"), amount: 100 }),
      claim({ invoiceNumber: "B", client: "B", dueDate: d("2026-11-10"), amount: 100 }),
      claim({ invoiceNumber: "C", client: "C", dueDate: d("2026-11-20"), amount: 900 }),
    ]);
    expect(p.actions.map((a) => a.client)).toEqual(["B", "C", "A"]);
  });

  it("chooses the channel: email, task without an address, letter, dossier", () => {
    const p = plan([
      claim({ invoiceNumber: "1", client: "Mail", dueDate: d("2026-11-20") }),
      claim({ invoiceNumber: "2", client: "NoMail", email: undefined, dueDate: d("2026-11-20") }),
      claim({
        invoiceNumber: "3",
        client: "Notice",
        dueDate: d("2026-10-20"),
        lastStep: 2,
        lastStepDate: d("2026-10-27"),
      }),
      claim({
        invoiceNumber: "4",
        client: "Handover",
        dueDate: d("2026-10-10"),
        lastStep: 3,
        lastStepDate: d("2026-11-02"),
      }),
    ]);
    expect(Object.fromEntries(p.actions.map((a) => [a.client, a.channel]))).toEqual({
      Mail: "email",
      NoMail: "task",
      Notice: "letter",
      Handover: "dossier",
    });
  });

  it("never contacts a debtor twice within the gap, whatever the channel", () => {
    const c = claim({ invoiceNumber: "F-9", client: "Garage Petit", dueDate: d("2026-11-10") });
    const call = entry({
      client: "Garage Petit",
      channel: "Appel",
      step: "Appel",
      outcome: "Promesse de paiement",
      at: "2026-11-23 15:00",
    });
    const p = plan([c], [call]);
    expect(p.actions).toEqual([]);
    expect(p.skipped).toEqual([
      {
        invoice: "F-9",
        reason:
          "Relance de courtoisie reportée : client contacté le 23/11/2026, délai minimal de 5 jours",
      },
    ]);
    expect(plan([c], [{ ...call, at: "2026-11-21 10:00" }]).actions).toHaveLength(1);
  });

  it("ends the gap on a business day: a reminder held back never goes out on a Sunday", () => {
    // F-1 reminded on Tuesday 24/11; F-2's courtesy reminder falls due meanwhile.
    const lines = [
      line(
        claim({
          invoiceNumber: "F-1",
          client: "Librairie Papyrus",
          dueDate: d("2026-11-17"),
          lastStep: 2,
          lastStepDate: d("2026-11-24"),
        }),
      ),
      line(claim({ invoiceNumber: "F-2", client: "Librairie Papyrus", dueDate: d("2026-11-24") })),
    ];
    const on = (day: string) =>
      planDailyRun(lines, [], d(day), DEFAULT_SETTINGS).actions.map((a) => a.invoices);
    expect(on("2026-11-28")).toEqual([]); // Saturday
    expect(on("2026-11-29")).toEqual([]); // Sunday, 5 days after
    expect(on("2026-11-30")).toEqual([["F-2"]]); // Monday
  });

  it("does not hold a dossier back for the gap, nor count a handover as a contact", () => {
    const noticeServed = claim({
      invoiceNumber: "F-2",
      client: "Librairie Papyrus",
      dueDate: d("2026-10-05"),
      lastStep: 3,
      lastStepDate: d("2026-11-16"),
    });
    const notice = entry({
      invoices: ["F-9"],
      client: "Librairie Papyrus",
      step: "Relance de courtoisie",
      channel: "Email",
      at: "2026-11-23 09:00",
    });
    // The dossier of F-2 is due (16/11 + 9 days = 25/11) though the debtor was written to on
    // 23/11 about another invoice.
    const p = plan([noticeServed], [notice]);
    expect(p.actions.map((a) => [a.stepLabel, a.invoices])).toEqual([
      ["Transmission à un professionnel", ["F-2"]],
    ]);
    // F-1, handed over on 24/11 and since paid: the handover was no contact.
    const paidSince = claim({
      invoiceNumber: "F-1",
      client: "Librairie Papyrus",
      dueDate: d("2026-10-02"),
      paid: 1850,
      lastStep: 4,
      lastStepDate: d("2026-11-24"),
    });
    const courtesy = claim({ invoiceNumber: "F-3", client: "Librairie Papyrus" });
    expect(plan([paidSince, courtesy]).actions.map((a) => a.invoices)).toEqual([["F-3"]]);
  });

  it("sends only one step per debtor per day, the most advanced", () => {
    const p = plan([
      claim({
        invoiceNumber: "F-1",
        client: "Garage Petit",
        dueDate: d("2026-10-01"),
        lastStep: 1,
        lastStepDate: d("2026-10-02"),
      }),
      claim({ invoiceNumber: "F-2", client: "Garage Petit", dueDate: d("2026-11-20") }),
    ]);
    expect(p.actions.map((a) => [a.stepLabel, a.invoices])).toEqual([["Relance ferme", ["F-1"]]]);
    expect(p.skipped.find((s) => s.invoice === "F-2")?.reason).toMatch(
      /un seul envoi par jour et par client/,
    );
  });

  it("trusts the Journal over a lagging ledger, and never redoes a journaled step", () => {
    const c = claim({ invoiceNumber: "F-1", client: "Garage Petit", dueDate: d("2026-11-10") });
    const sent = entry({
      invoices: ["F-1"],
      client: "Garage Petit",
      step: "Relance de courtoisie",
      at: "2026-11-11 09:00",
    });
    const p = plan([c], [sent]);
    expect(p.actions.map((a) => a.stepLabel)).toEqual(["Relance ferme"]);
    // The ledger typed the same step on a later day: the Journal's day counts (the gap runs
    // from the real contact), as the repaired columns will show.
    const typedLater = { ...c, lastStep: 1 as const, lastStepDate: d("2026-11-25") };
    expect(plan([typedLater], [sent]).actions.map((a) => a.stepLabel)).toEqual(["Relance ferme"]);
  });

  it("treats an intent never confirmed as possibly sent: not again, and flagged", () => {
    const c = claim({ invoiceNumber: "F-1", client: "Garage Petit", dueDate: d("2026-11-10") });
    const intent = entry({
      invoices: ["F-1"],
      client: "Garage Petit",
      step: "Relance de courtoisie",
      outcome: OUTCOMES.intent,
      at: "2026-11-26 09:00",
    });
    const p = plan([c], [intent]);
    expect(p.actions).toEqual([]);
    expect(p.unconfirmed).toEqual([intent]);
  });

  it("does not take a failed or postponed attempt for a step done", () => {
    const c = claim({ invoiceNumber: "F-1", client: "Garage Petit", dueDate: d("2026-11-10") });
    for (const outcome of [`${OUTCOMES.failed} : adresse refusée`, OUTCOMES.postponed]) {
      const failed = entry({
        invoices: ["F-1"],
        client: "Garage Petit",
        step: "Relance de courtoisie",
        outcome,
        at: "2026-11-26 09:00",
      });
      expect(plan([c], [failed]).actions.map((a) => a.key)).toEqual([
        actionKey(["F-1"], "Relance de courtoisie"),
      ]);
    }
  });

  it("reports bad rows and duplicates, and says why each other invoice waits", () => {
    const lines: LedgerLine[] = [
      {
        row: 2,
        invoiceText: "F-X",
        reading: { kind: "error", message: "Montant TTC : « abc » n'est pas un montant" },
      },
      { row: 3, invoiceText: "", reading: { kind: "blank" } },
      line(claim({ invoiceNumber: "F-1", paid: 1850 })),
      line(claim({ invoiceNumber: "F-1", client: "Autre" })),
      line(claim({ invoiceNumber: "F-2", disputed: true })),
      line(claim({ invoiceNumber: "F-3", dueDate: d("2026-12-15") })),
      line(
        claim({
          invoiceNumber: "F-4",
          client: "S",
          dueDate: d("2026-11-01"),
          suspendedUntil: d("2026-12-31"),
        }),
      ),
    ];
    const p = planDailyRun(lines, [], today, DEFAULT_SETTINGS);
    expect(p.errors.map((e) => [e.invoice, e.row, e.message])).toEqual([
      ["F-X", 2, "Montant TTC : « abc » n'est pas un montant"],
      [
        "F-1",
        lines[3]?.row,
        "N° facture : « F-1 » figure sur plusieurs lignes ; seule la première est suivie",
      ],
    ]);
    expect(Object.fromEntries(p.skipped.map((s) => [s.invoice, s.reason]))).toEqual({
      "F-1": "Soldée",
      "F-2": "En litige : relances arrêtées",
      "F-3": "Relance de courtoisie prévue le 16/12/2026",
      "F-4": "Suspendue jusqu'au 31/12/2026 ; Relance de courtoisie prévue le 04/01/2027",
    });
    expect(p.actions).toEqual([]);
  });
});
