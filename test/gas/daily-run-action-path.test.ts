// The one action path, seen as a user would: the Journal is the truth and the ledger its view;
// what may have left is never sent again; a refused address is said in French and not
// retried; a letter that fails leaves no orphan Doc; nothing leaves on a weekend or a
// holiday; Google's quota is the truth; whatever throws is told.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../sandbox/model";
import {
  editInvoice,
  type Invoice,
  invoiceRow,
  journal,
  LEDGER_HEADERS,
  ledger,
  openLedger,
  type RunReport,
  runOn,
  sheet,
  TZ,
} from "./daily-run-harness";

const TODAY = "2026-11-26"; // a Thursday

/** The note on an invoice's « Statut » cell, as the user hovering it reads it. */
function statusNoteOf(sb: ReturnType<typeof openLedger>, invoice: string): string {
  const s = sheet(sb, "Créances");
  const status = (s.values[0] ?? []).map(String).indexOf("Statut");
  const row = s.values.findIndex((r) => r[0] === invoice);
  return s.notes?.[row]?.[status] ?? "";
}

const due = (invoice: string, client: string, email?: string): Invoice => ({
  invoice,
  client,
  ...(email ? { email } : {}),
  due: "2026-11-20",
  amount: 500,
});

describe("the Journal is the truth", () => {
  it("invoice numbers Sheets would retype are written and matched as text: confirmed, never resent", () => {
    const numbers = ["00123", "2026-12-01", "VRAI", "1E3"];
    const sb = openLedger(
      numbers.map((n, i) => invoiceRow(due(n, `Client ${i}`, `c${i}@exemple.test`))),
      { now: `${TODAY}T08:00` },
    );
    const first = runOn(sb, TODAY);
    expect(first.actions.map((a) => a.invoices)).toEqual(numbers.map((n) => [n]));
    const lines = journal(sb);
    expect(lines.map((l) => [l.cells[1], l.outcome])).toEqual(numbers.map((n) => [n, "Envoyé"]));
    expect(new Set([...ledger(sb).values()].map((r) => r.lastStep))).toEqual(
      new Set(["Relance de courtoisie"]),
    );
    // A week later: the firm reminder, never the courtesy one again.
    const week = runOn(sb, "2026-12-03");
    expect(week.actions.map((a) => a.step)).toEqual(numbers.map(() => "Relance ferme"));
    expect(sb.mails).toHaveLength(8);
  });

  it("a ledger without « Dernière étape » and its date works from the Journal alone", () => {
    const sb = openLedger([invoiceRow(due("F-1", "Alpha", "alpha@exemple.test"))], {
      now: `${TODAY}T08:00`,
    });
    const s = sheet(sb, "Créances");
    const drop = [
      LEDGER_HEADERS.indexOf("Dernière étape"),
      LEDGER_HEADERS.indexOf("Date dernière étape"),
    ];
    s.values = s.values.map((r) => r.filter((_, c) => !drop.includes(c)));
    sb.recalculate({ reload: true });
    const days = [
      "2026-11-26",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-08",
      "2026-12-16",
    ];
    const steps = days.map((d) =>
      runOn(sb, d)
        .actions.map((a) => a.step)
        .join(),
    );
    // J+7 falls in the 5-day gap after the courtesy reminder: the firm one on 1/12.
    expect(steps).toEqual([
      "Relance de courtoisie",
      "Relance ferme",
      "",
      "",
      "",
      "Mise en demeure",
    ]);
  });

  it("repairs a row whose step lost its date, and never touches a user's formula or text elsewhere", () => {
    const sb = openLedger(
      [
        invoiceRow(due("F-1", "Alpha", "alpha@exemple.test")),
        invoiceRow({ ...due("F-2", "Bêta", "beta@exemple.test"), due: "2026-12-20" }),
        invoiceRow({ ...due("F-3", "Gamma", "gamma@exemple.test"), due: "2026-12-20" }),
      ],
      { now: `${TODAY}T08:00` },
    );
    runOn(sb, TODAY);
    const s = sheet(sb, "Créances");
    const stepCol = LEDGER_HEADERS.indexOf("Dernière étape");
    const dateCol = LEDGER_HEADERS.indexOf("Date dernière étape");
    // A half-written row (the date lost), a user's formula and a text that looks like one.
    (s.values[1] as CellValue[])[dateCol] = "";
    s.formulas[2] = [];
    (s.formulas[2] as string[])[stepCol] = '=IF(B3="";"";"")';
    (s.values[3] as CellValue[])[stepCol] = '=HYPERLINK("https://exemple.test";"voir")';
    sb.recalculate({ reload: true });
    runOn(sb, "2026-11-27");
    const rows = ledger(sb);
    expect([rows.get("F-1")?.lastStep, rows.get("F-1")?.lastStepDate]).toEqual([
      "Relance de courtoisie",
      TODAY,
    ]);
    expect(s.formulas[2]?.[stepCol]).toBe('=IF(B3="";"";"")');
    expect(s.values[3]?.[stepCol]).toBe('=HYPERLINK("https://exemple.test";"voir")');
    expect(s.formulas[3]?.[stepCol] ?? "").toBe("");
    expect(sb.mails).toHaveLength(1);
  });
});

describe("ambiguous is never retried", () => {
  it("an email whose call failed after it ran is « À vérifier », never « Échec », never resent", () => {
    const sb = openLedger([invoiceRow(due("F-1", "Alpha", "alpha@exemple.test"))], {
      now: `${TODAY}T08:00`,
    });
    sb.onServiceCall(({ key, phase }) => {
      if (key === "MailApp.sendEmail" && phase === "after") throw new Error("Délai dépassé");
    });
    const first = runOn(sb, TODAY);
    sb.onServiceCall(undefined);
    expect(sb.mails).toHaveLength(1);
    expect(journal(sb).map((l) => l.outcome)).toEqual(["À vérifier"]);
    expect(first.toCheck.map((t) => t.invoices)).toEqual([["F-1"]]);
    expect(first.errors.map((e) => e.message)).toEqual([
      "Relance de courtoisie : interrompu, peut-être parti : à vérifier avant toute relance (Délai dépassé)",
    ]);
    runOn(sb, TODAY, "10:00");
    runOn(sb, "2026-11-27");
    expect(sb.mails).toHaveLength(1);
  });

  it("an address Google refuses is said in French and not retried until the row's address changes", () => {
    const sb = openLedger(
      [
        invoiceRow(due("F-1", "Alpha", "alpha@exemple.test")),
        invoiceRow(due("F-2", "Bêta", "beta@exemple.test")),
      ],
      { now: `${TODAY}T08:00` },
    );
    let sends = 0;
    sb.onServiceCall(({ key, phase }) => {
      if (key === "MailApp.sendEmail" && phase === "before" && ++sends === 1)
        throw new Error("Invalid email: alpha@exemple.test");
    });
    const first = runOn(sb, TODAY);
    sb.onServiceCall(undefined);
    expect(sb.mails.map((m) => m.to)).toEqual(["beta@exemple.test"]);
    expect(first.errors.map((e) => e.message)).toEqual([
      "Relance de courtoisie : adresse refusée par Google (alpha@exemple.test) : corrigez l'email dans « Créances »",
    ]);
    const again = runOn(sb, "2026-11-27");
    expect(sb.mails).toHaveLength(1);
    expect(again.postponed.map((p) => p.reason)).toEqual([
      "adresse refusée par Google (alpha@exemple.test) : corrigez l'email dans « Créances »",
    ]);
    // The row says it where the user looks: the note of its Statut cell.
    expect(statusNoteOf(sb, "F-1")).toBe(
      "Adresse refusée par Google le 26/11/2026 (alpha@exemple.test) : corrigez « Email » ; rien n'est renvoyé à cette adresse",
    );
    expect(statusNoteOf(sb, "F-2")).toBe("");
    editInvoice(sb, "F-1", "Email", "compta@alpha.example");
    runOn(sb, "2026-11-30");
    expect(sb.mails.map((m) => m.to)).toEqual(["beta@exemple.test", "compta@alpha.example"]);
    expect(statusNoteOf(sb, "F-1")).toBe("");
  });

  for (const [call, phase] of [
    ["DriveApp.File.getAs", "before"],
    ["DocumentApp.create", "after"],
    ["DriveApp.Folder.createFile", "after"],
  ] as const) {
    it(`a letter failing midway (${call}, ${phase}) leaves no orphan Doc: one letter in the end`, () => {
      const sb = openLedger(
        [
          invoiceRow({
            ...due("F-1", "Delta", "delta@exemple.test"),
            due: "2026-10-30",
            lastStep: "Relance ferme",
            lastStepDate: "2026-11-09",
          }),
        ],
        { now: `${TODAY}T08:00` },
      );
      let failed = false;
      sb.onServiceCall(({ key, phase: p }) => {
        if (key === call && p === phase && !failed) {
          failed = true;
          throw new Error("Erreur interne de Google");
        }
      });
      const first = runOn(sb, TODAY);
      sb.onServiceCall(undefined);
      expect(sb.mails).toEqual([]);
      expect(journal(sb)[0]?.outcome).toBe("Échec : Erreur interne de Google");
      expect(first.errors).toHaveLength(1);
      const second = runOn(sb, TODAY, "10:00");
      expect(second.actions.map((a) => a.step)).toEqual(["Mise en demeure"]);
      // One letter: the original to post and the copy the email carries, each once.
      const kept = sb.documents.filter((d) => !d.trashed).map((d) => d.name);
      expect(kept).toHaveLength(2);
      expect(kept.filter((n) => n.endsWith("(copie)"))).toHaveLength(1);
      const files = sb.drive.files.filter((f) => !f.trashed).map((f) => f.name);
      expect(files.filter((f) => f.endsWith(".pdf"))).toHaveLength(2);
      expect(sb.mails).toHaveLength(1);
    });
  }
});

describe("sending days", () => {
  for (const [date, said] of [
    ["2026-11-28", "samedi : aucun envoi aujourd'hui, les relances reprennent le lundi 30/11/2026"],
    [
      "2026-11-29",
      "dimanche : aucun envoi aujourd'hui, les relances reprennent le lundi 30/11/2026",
    ],
    [
      "2026-12-25",
      "jour férié : aucun envoi aujourd'hui, les relances reprennent le lundi 28/12/2026",
    ],
    [
      "2027-01-01",
      "jour férié : aucun envoi aujourd'hui, les relances reprennent le lundi 04/01/2027",
    ],
  ] as const) {
    it(`${date}: nothing leaves, not even an overdue step; the run says it waits`, () => {
      const sb = openLedger([invoiceRow(due("F-1", "Alpha", "alpha@exemple.test"))], {
        now: `${date}T08:00`,
      });
      const report = runOn(sb, date);
      expect(sb.mails).toEqual([]);
      expect(report.actions).toEqual([]);
      expect(report.stoppedBecause).toBe(said);
      expect(journal(sb).map((l) => [l.channel, l.subject, l.outcome])).toEqual([
        ["Système", said, "Information"],
      ]);
    });
  }
});

describe("quotas from Google", () => {
  it("a Workspace account with the default « Type de compte » sends past 100", () => {
    const invoices = Array.from({ length: 120 }, (_, i) =>
      due(`F-${i + 1}`, `Client ${i + 1}`, `c${i + 1}@exemple.test`),
    );
    const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00` });
    runOn(sb, TODAY);
    expect(sb.mails).toHaveLength(100);
    // The same ledger on a Workspace account, « Type de compte » left at Gmail.
    const ws = openWorkspace(invoices);
    runOn(ws, TODAY);
    expect(ws.mails).toHaveLength(120);
  });

  it("an action that does not fit today's quota waits; the smaller ones after it still go", () => {
    const sb = openLedger(
      [
        invoiceRow({
          ...due("F-1", "Gros", "a@gros.example, b@gros.example, c@gros.example"),
          due: "2026-11-01",
        }),
        invoiceRow(due("F-2", "Petit 1", "p1@exemple.test")),
        invoiceRow(due("F-3", "Petit 2", "p2@exemple.test")),
      ],
      { now: `${TODAY}T08:00` },
    );
    // 98 of the day's 100 recipients already used (Google's day: midnight in California).
    sb.clock.set(`${TODAY}T09:30`, TZ);
    for (let i = 0; i < 98; i++) sb.services.MailApp.sendEmail(`x${i}@exemple.test`, "autre", ".");
    const report = runOn(sb, TODAY, "10:00");
    expect(report.actions.map((a) => a.invoices[0])).toEqual(["F-2", "F-3"]);
    expect(report.postponed.map((p) => [p.invoices[0], p.reason])).toEqual([
      ["F-1", "quota d'emails du jour atteint"],
    ]);
  });
});

function openWorkspace(invoices: Invoice[]) {
  // The sandbox's account is Workspace; « Paramètres » keeps its default (Gmail).
  const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00`, account: "workspace" });
  const settings = sheet(sb, "Paramètres");
  const row = settings.values.find((r) => r[0] === "Type de compte");
  if (row) row[1] = "Gmail";
  return sb;
}

describe("no silent failure", () => {
  for (const [call, said] of [
    ["LockService.Lock.tryLock", "verrou du document indisponible : Erreur transitoire"],
    ["SpreadsheetApp.Spreadsheet.getSpreadsheetTimeZone", undefined],
    ["LockService.Lock.releaseLock", "verrou non libéré : Erreur transitoire"],
    [
      "PropertiesService.Properties.setProperty",
      "rapport de l'exécution non enregistré : Erreur transitoire",
    ],
  ] as const) {
    it(`a failure of ${call} ends in the Journal or the last-run report`, () => {
      const sb = openLedger([invoiceRow(due("F-1", "Alpha", "alpha@exemple.test"))], {
        now: `${TODAY}T08:00`,
      });
      let thrown = false;
      sb.onServiceCall(({ key, phase }) => {
        if (key === call && phase === "before" && !thrown) {
          thrown = true;
          throw new Error("Erreur transitoire");
        }
      });
      const report: RunReport = runOn(sb, TODAY);
      sb.onServiceCall(undefined);
      expect(thrown).toBe(true);
      const lines = journal(sb).filter((l) => l.channel === "Système");
      if (said) expect(lines.map((l) => l.subject)).toContain(said);
      // The time zone: the script's zone stands in, and the day's work is done.
      else expect(sb.mails).toHaveLength(1);
      if (call === "LockService.Lock.tryLock") {
        expect(report.failure).toBe(said);
        expect(sb.properties.document.get("recouvra.lastRun")).toContain(said);
      }
    });
  }

  it("a lock held by another run: said in the Journal, and the next wake-up does the work", () => {
    const sb = openLedger([invoiceRow(due("F-1", "Alpha", "alpha@exemple.test"))], {
      now: `${TODAY}T08:00`,
    });
    sb.run("enableAutoRelances");
    sb.clock.set(`${TODAY}T08:59`, TZ);
    sb.locks.holdElsewhere("document", sb.clock.nowMs() + 40 * 60_000);
    sb.fireDueTriggers(`${TODAY}T09:59`);
    expect(sb.mails).toEqual([]);
    expect(journal(sb).map((l) => l.subject)).toEqual([
      "une autre exécution de Recouvra est en cours ; rien n'a été fait",
    ]);
    sb.fireDueTriggers(`${TODAY}T10:59`);
    expect(sb.mails).toHaveLength(1);
  });
});
