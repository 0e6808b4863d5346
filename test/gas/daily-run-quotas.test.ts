// Daily quotas used up in the middle of a run (a Gmail account: 100 recipients, 250 Docs):
// the run stops sending cleanly, reports what is left, and the next day's run resumes in
// priority order — oldest due date first, then the largest amount.
import { describe, expect, it } from "vitest";
import {
  addDays,
  type Invoice,
  invoiceRow,
  journal,
  openLedger,
  type RunReport,
  runOn,
  TZ,
} from "./daily-run-harness";

const TODAY = "2026-11-26"; // a Thursday
const NEXT = "2026-11-27";

/** 103 debtors owed a courtesy reminder today: due dates spread over 20 days, and on
 * each day several amounts. */
function courtesyLedger(): Invoice[] {
  return Array.from({ length: 103 }, (_, i) => ({
    invoice: `F-${String(i + 1).padStart(3, "0")}`,
    client: `Client ${i + 1}`,
    email: `client${i + 1}@exemple.test`,
    due: addDays("2026-11-01", i % 20),
    amount: 100 + ((i * 37) % 900),
  }));
}

const priority = (a: Invoice, b: Invoice) => a.due.localeCompare(b.due) || b.amount - a.amount;

describe("the email quota of a Gmail account (100 recipients a day)", () => {
  it("sends the 100 first in priority order, postpones the rest, resumes them the next day", () => {
    const invoices = courtesyLedger();
    const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00` });
    const first = runOn(sb, TODAY);
    const ordered = [...invoices].sort(priority).map((i) => i.invoice);

    expect(sb.mails).toHaveLength(100);
    expect(first.actions.map((a) => a.invoices[0])).toEqual(ordered.slice(0, 100));
    expect(first.stoppedBecause).toBe("quota d'emails du jour atteint");
    expect(first.postponed.map((p) => [p.invoices[0], p.reason])).toEqual(
      ordered.slice(100).map((n) => [n, "quota d'emails du jour atteint"]),
    );
    // Journaled once, as a note of the run; no line of a send that did not happen.
    const lines = journal(sb);
    expect(lines.filter((l) => l.outcome === "Envoyé")).toHaveLength(100);
    expect(lines.filter((l) => l.channel === "Système").map((l) => l.subject)).toEqual([
      "3\u00a0actions reportées : quota d'emails du jour atteint",
    ]);
    expect(lines.some((l) => l.outcome === "En cours" || l.outcome === "À vérifier")).toBe(false);

    // The next morning the quota is new: the three left go first, in their order.
    const second = runOn(sb, NEXT);
    expect(second.actions.map((a) => a.invoices[0])).toEqual(ordered.slice(100));
    expect(second.postponed).toEqual([]);
    expect(sb.mails).toHaveLength(103);
    expect(new Set(sb.mails.map((m) => m.to)).size).toBe(103);
  });

  it("still does the tasks and dossiers that need no email once the quota is used up", () => {
    const invoices: Invoice[] = [
      ...courtesyLedger().slice(0, 101),
      // Due later than all the others: last in priority, after the quota ran out.
      { invoice: "T-1", client: "Sans Adresse", due: "2026-11-22", amount: 50 },
      {
        invoice: "D-1",
        client: "Dossier Prêt",
        email: "dossier@exemple.test",
        due: "2026-10-20",
        amount: 80,
        lastStep: "Mise en demeure",
        lastStepDate: "2026-11-10",
      },
    ];
    const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00` });
    const report = runOn(sb, TODAY);
    expect(report.actions.find((a) => a.client === "Sans Adresse")?.channel).toBe("task");
    expect(report.actions.find((a) => a.client === "Dossier Prêt")?.channel).toBe("dossier");
    const last = courtesyLedger().slice(0, 101).sort(priority).at(-1);
    expect(report.postponed.map((p) => p.client)).toEqual([last?.client]);
    expect(sb.mails).toHaveLength(100);
  });
});

describe("the documents quota", () => {
  /** Four debtors due for a mise en demeure, and two for a courtesy reminder. */
  const invoices: Invoice[] = [
    ...[1, 2, 3, 4].map(
      (n): Invoice => ({
        invoice: `M-${n}`,
        client: `Débiteur ${n}`,
        email: `debiteur${n}@exemple.test`,
        due: `2026-10-0${n}`,
        amount: 1000 * n,
        lastStep: "Relance ferme",
        lastStepDate: "2026-11-02",
      }),
    ),
    { invoice: "R-1", client: "Rappel 1", email: "r1@exemple.test", due: "2026-11-20", amount: 10 },
    { invoice: "R-2", client: "Rappel 2", email: "r2@exemple.test", due: "2026-11-21", amount: 20 },
  ];

  function run(): { first: RunReport; second: RunReport; sb: ReturnType<typeof openLedger> } {
    const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00` });
    // Other scripts of this Google account created 246 Docs today: 4 are left, two mises
    // en demeure (each an original to post and the copy emailed).
    sb.clock.set(`${TODAY}T09:00`, TZ);
    sb.runtime.quotas.add("docsCreated", 246);
    const first = sb.execute<RunReport>("runDailyRelances", [{ triggerUid: "t" }], {
      kind: "trigger",
    });
    const second = runOn(sb, NEXT);
    return { first, second, sb };
  }

  it("sends the letters that fit, postpones the others, still sends the reminders", () => {
    const { first, sb } = run();
    expect(first.actions.map((a) => a.invoices[0])).toEqual(["M-1", "M-2", "R-1", "R-2"]);
    expect(first.stoppedBecause).toBe("quota de documents du jour atteint");
    expect(first.postponed.map((p) => [p.invoices[0], p.reason])).toEqual([
      ["M-3", "quota de documents du jour atteint"],
      ["M-4", "quota de documents du jour atteint"],
    ]);
    // The letter Google refused is journaled « Reporté », not « À vérifier »: nothing went out.
    const m3 = journal(sb).filter((l) => l.invoices === "M-3" && l.day === TODAY);
    expect(m3.map((l) => l.outcome)).toEqual(["Reporté"]);
    const sentToday = sb.mails.filter((m) => m.date.toISOString().startsWith(TODAY));
    expect(sentToday.filter((m) => m.subject.includes("M-3"))).toEqual([]);
  });

  it("resumes the postponed letters the next day, oldest first", () => {
    const { second, sb } = run();
    expect(second.actions.map((a) => [a.invoices[0], a.channel])).toEqual([
      ["M-3", "letter"],
      ["M-4", "letter"],
    ]);
    expect(second.toCheck).toEqual([]);
    const letters = sb.mails.filter((m) => m.attachments.length === 1).map((m) => m.to);
    expect(letters).toEqual([1, 2, 3, 4].map((n) => `debiteur${n}@exemple.test`));
    expect(sb.documents).toHaveLength(8);
  });
});
