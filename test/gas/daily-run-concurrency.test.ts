// Two runs at once, and a user sorting or inserting rows of « Créances » while a run sends:
// the second run does nothing and says so; « Dernière étape » lands on the right invoices.
import { describe, expect, it } from "vitest";
import {
  type Invoice,
  invoiceRow,
  journal,
  ledger,
  openLedger,
  type RunReport,
  runOn,
  TZ,
} from "./daily-run-harness";

const TODAY = "2026-11-26";
const INVOICES: Invoice[] = [
  { invoice: "F-1", client: "Alpha", email: "alpha@exemple.test", due: "2026-11-20", amount: 300 },
  { invoice: "F-2", client: "Bêta", email: "beta@exemple.test", due: "2026-11-19", amount: 900 },
  {
    invoice: "F-3",
    client: "Gamma",
    email: "gamma@exemple.test",
    due: "2026-11-10",
    amount: 500,
    lastStep: "Relance de courtoisie",
    lastStepDate: "2026-11-12",
  },
  { invoice: "F-4", client: "Delta", email: "delta@exemple.test", due: "2026-11-18", amount: 100 },
  {
    invoice: "F-5",
    client: "Paid",
    email: "paid@exemple.test",
    due: "2026-11-18",
    amount: 700,
    paid: 700,
  },
  { invoice: "F-6", client: "Later", email: "later@exemple.test", due: "2026-12-20", amount: 800 },
];

describe("two runs at once", () => {
  it("the trigger finds a manual run at work: it does nothing and says so, in the Journal too", () => {
    const sb = openLedger(INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` });
    sb.clock.set(`${TODAY}T09:00`, TZ);
    // Another execution (the user's « Lancer les relances du jour ») holds the document lock.
    sb.locks.holdElsewhere("document", sb.clock.nowMs() + 10 * 60_000);
    const before = journal(sb).length;
    const report = sb.execute<RunReport>("runDailyRelances", [{ triggerUid: "t" }], {
      kind: "trigger",
    });
    expect(report.stoppedBecause).toBe(
      "une autre exécution de Recouvra est en cours ; rien n'a été fait",
    );
    expect(report.actions).toEqual([]);
    expect(sb.mails).toEqual([]);
    expect(
      journal(sb)
        .slice(before)
        .map((l) => [l.channel, l.subject, l.outcome]),
    ).toEqual([
      [
        "Système",
        "une autre exécution de Recouvra est en cours ; rien n'a été fait",
        "Information",
      ],
    ]);
    expect([...ledger(sb).values()].map((l) => l.lastStep)).toEqual(
      INVOICES.map((i) => i.lastStep ?? ""),
    );
  });

  it("from the menu, the user is told another run is at work, not « 0 relance »", () => {
    const sb = openLedger(INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` });
    sb.locks.holdElsewhere("document", sb.clock.nowMs() + 10 * 60_000);
    sb.run("runDailyRelances");
    expect(sb.mails).toEqual([]);
    expect(sb.ui.alerts.at(-1)?.prompt).toBe(
      `Relances du ${TODAY.split("-").reverse().join("/")} : une autre exécution de Recouvra est en cours ; rien n'a été fait.`,
    );
  });

  it("once the other run is over, the next run does the work, once", () => {
    const sb = openLedger(INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` });
    sb.locks.holdElsewhere("document", sb.clock.nowMs() + 10_000);
    // The lock is released within the 30 s the run waits for it.
    const report = runOn(sb, TODAY, "08:00");
    expect(report.actions.map((a) => a.client)).toEqual(["Gamma", "Delta", "Bêta", "Alpha"]);
    expect(runOn(sb, TODAY, "10:00").actions).toEqual([]);
    expect(sb.mails).toHaveLength(4);
  });
});

describe("a user sorting the sheet in the middle of a run", () => {
  for (const edit of [
    "sort by amount",
    "sort by client, descending",
    "insert rows above",
  ] as const) {
    it(`« Dernière étape » lands on the right invoices (${edit} after the 2nd email)`, () => {
      const sb = openLedger(INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` });
      const rowsBefore = new Map([...ledger(sb)].map(([k, v]) => [k, v.values]));
      let sends = 0;
      sb.onServiceCall(({ key, phase }) => {
        if (key !== "MailApp.sendEmail" || phase !== "after" || ++sends !== 2) return;
        const sheet = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances");
        if (!sheet) throw new Error("no « Créances »");
        if (edit === "sort by amount") sheet.sort(7, true);
        else if (edit === "sort by client, descending") sheet.sort(2, false);
        else sheet.insertRowsAfter(1, 3);
      });
      const report = runOn(sb, TODAY);
      sb.onServiceCall(undefined);
      expect(report.actions).toHaveLength(4);
      const after = ledger(sb);
      const expected: Record<string, [string, string]> = {
        "F-1": ["Relance de courtoisie", TODAY],
        "F-2": ["Relance de courtoisie", TODAY],
        "F-3": ["Relance ferme", TODAY],
        "F-4": ["Relance de courtoisie", TODAY],
        "F-5": ["", ""],
        "F-6": ["", ""],
      };
      for (const [invoice, [step, date]] of Object.entries(expected)) {
        const row = after.get(invoice);
        expect([invoice, row?.lastStep, row?.lastStepDate]).toEqual([invoice, step, date]);
        // Nothing else of the row changed: every other column is the invoice's own.
        const { "Dernière étape": _s, "Date dernière étape": _d, ...others } = row?.values ?? {};
        const {
          "Dernière étape": _s0,
          "Date dernière étape": _d0,
          ...was
        } = rowsBefore.get(invoice) ?? {};
        for (const column of ["Client", "Email", "Montant TTC", "Échéance", "Montant payé"])
          expect([invoice, column, others[column]]).toEqual([invoice, column, was[column]]);
      }
      if (edit !== "insert rows above") {
        // The sort really moved rows under the run's feet.
        expect([...after.keys()]).not.toEqual(INVOICES.map((i) => i.invoice));
      }
    });
  }
});

describe("a user sorting the Journal in the middle of a run", () => {
  it("each confirmation lands on its own line, none on another's", () => {
    const sb = openLedger(INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` });
    let sends = 0;
    sb.onServiceCall(({ key, phase }) => {
      if (key !== "MailApp.sendEmail" || phase !== "after" || ++sends !== 2) return;
      // Between the 2nd send and its confirmation: the Journal sorted by client, A to Z.
      const sheet = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Journal");
      if (!sheet) throw new Error("no « Journal »");
      sheet.sort(3, true);
    });
    const report = runOn(sb, TODAY);
    sb.onServiceCall(undefined);
    expect(report.actions).toHaveLength(4);
    const lines = journal(sb).filter((l) => l.day === TODAY);
    // Every send is confirmed on the line of its own invoices and client; no intent is left.
    expect(lines.map((l) => [l.client, l.invoices, l.outcome]).sort()).toEqual(
      [
        ["Alpha", "F-1", "Envoyé"],
        ["Bêta", "F-2", "Envoyé"],
        ["Delta", "F-4", "Envoyé"],
        ["Gamma", "F-3", "Envoyé"],
      ].sort(),
    );
    for (const l of lines)
      expect(sb.mails.some((m) => m.subject === l.subject && m.to === l.recipient)).toBe(true);
    expect(runOn(sb, TODAY, "10:00").actions).toEqual([]);
  });
});
