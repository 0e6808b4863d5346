// Today's work: every debtor that needs a person, most urgent first. The steps due are the
// daily plan's own (planDailyRun: gap, idempotence, one contact a day); the rest —
// promises come due, plans in default, instalments to recall, prescription close — come
// from the domain's rules on each claim.

import { addDays, type CalendarDate, formatFrenchDate } from "../domain/calendar-date";
import { type Claim, debtorOf, isPaid, outstanding } from "../domain/claim";
import { notesByKind } from "../domain/claim-notes";
import { HANDED_OVER_REASON, planDailyRun } from "../domain/daily-plan";
import { entryDate, type JournalEntry, OUTCOMES } from "../domain/journal";
import { type Debtor, debtorsOf, ledgerClaims } from "../domain/ledger";
import { formatEuros, roundToCent } from "../domain/money";
import { instalmentToRecall } from "../domain/payment-plan";
import { planDefaultText, planStanding } from "../domain/plan-default";
import { isNearPrescription, lastDayToAct } from "../domain/prescription";
import { missingRateNote } from "../domain/settings-table";
import type {
  DoneToday,
  WorkItem,
  WorkList,
  WorkReason,
  WorkReasonKind,
} from "../sidebar-contract";
import type { ViewSource } from "./dossier";

/** A promise to pay is worth chasing for this long after its date. */
const PROMISE_WATCH_DAYS = 30;

const URGENCY: readonly WorkReasonKind[] = [
  "prescription",
  "handover",
  "planMissed",
  "promiseDue",
  "step",
  "task",
  "instalment",
  "error",
];

export function workList(source: ViewSource): WorkList {
  const { today, settings } = source;
  const plan = planDailyRun(source.lines, source.journal, today, settings);
  const claims = ledgerClaims(source.lines);
  const byDebtor = new Map<
    string,
    { label: string; claims: Claim[]; reasons: WorkReason[]; rank: number }
  >();
  for (const d of debtorsOf(claims))
    byDebtor.set(d.key, { label: d.label, claims: d.claims, reasons: [], rank: URGENCY.length });
  const debtorOfInvoice = new Map(claims.map((c) => [c.invoiceNumber, debtorOf(c)]));
  /** The debtor is found by its invoice: a name alone may stand for two debtors. */
  const add = (invoice: string | undefined, reason: WorkReason) => {
    const entry = byDebtor.get(debtorOfInvoice.get(invoice ?? "") ?? "");
    if (!entry) return;
    entry.reasons.push(reason);
    entry.rank = Math.min(entry.rank, URGENCY.indexOf(reason.kind));
  };

  for (const a of plan.actions) {
    const invoices = a.invoices.join(", ");
    if (a.channel === "dossier")
      add(a.invoices[0], {
        kind: "handover",
        label: "Dossier de transmission à préparer",
        detail: invoices,
      });
    else if (a.channel === "task")
      add(a.invoices[0], {
        kind: "task",
        label: `${a.stepLabel} : appeler le client`,
        detail: `Pas d'adresse email — ${invoices}`,
      });
    else add(a.invoices[0], { kind: "step", label: `${a.stepLabel} à envoyer`, detail: invoices });
  }
  for (const t of plan.tasks) add(t.invoices[0], { kind: "task", label: t.step, detail: t.text });
  for (const s of plan.skipped)
    if (s.reason === HANDED_OVER_REASON)
      add(s.invoice, { kind: "task", label: s.reason, detail: s.invoice });

  const planned = new Set(source.plans.flatMap((p) => p.invoices));
  for (const c of claims) {
    if (isPaid(c) || c.disputed) continue;
    if (isNearPrescription(c, today))
      add(c.invoiceNumber, {
        kind: "prescription",
        label: `Prescription le ${formatFrenchDate(lastDayToAct(c))}`,
        detail: `${c.invoiceNumber} : agir avant cette date`,
      });
    const promised = c.suspendedUntil;
    if (
      promised !== undefined &&
      !planned.has(c.invoiceNumber) &&
      today > promised &&
      addDays(promised, PROMISE_WATCH_DAYS) >= today
    )
      add(c.invoiceNumber, {
        kind: "promiseDue",
        label: `Promesse du ${formatFrenchDate(promised)} échue`,
        detail: `${c.invoiceNumber} : ${formatEuros(outstanding(c))} toujours dus`,
      });
  }

  for (const p of source.plans) {
    const { status, state } = planStanding(
      p,
      claims,
      source.journal,
      today,
      settings.ladder.formalNoticeDeadlineDays,
    );
    if (status.completed) continue;
    const missed = status.instalments.find((i) => i.state === "missed");
    if (missed)
      add(p.invoices[0], {
        kind: "planMissed",
        label: `Échéance ${missed.number}/${p.instalments.length} impayée`,
        detail: `Prévue le ${formatFrenchDate(missed.date)} : ${planDefaultText(state)}`,
      });
    const recall = instalmentToRecall(status, today);
    if (recall)
      add(p.invoices[0], {
        kind: "instalment",
        label: `Échéance ${recall.number}/${p.instalments.length} le ${formatFrenchDate(recall.date)}`,
        detail: `${formatEuros(recall.amount)} — rappel à envoyer`,
      });
  }

  const items: (WorkItem & { rank: number })[] = [];
  for (const entry of byDebtor.values()) {
    if (entry.reasons.length === 0) continue;
    const open = entry.claims.filter((c) => !isPaid(c));
    entry.reasons.sort((a, b) => URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind));
    items.push({
      client: entry.label,
      invoices: open.map((c) => c.invoiceNumber),
      outstanding: roundToCent(open.reduce((s, c) => s + outstanding(c), 0)),
      oldestDue: open.map((c) => c.dueDate).sort()[0] ?? "",
      reasons: entry.reasons,
      rank: entry.rank,
    });
  }
  items.sort(
    (a, b) =>
      a.rank - b.rank || a.oldestDue.localeCompare(b.oldestDue) || b.outstanding - a.outstanding,
  );
  const notes = [...source.problems, ...notesByKind(plan.notes)];
  const rateNote = missingRateNote(settings.rates, today);
  if (rateNote) notes.push(rateNote);
  const open = claims.filter((c) => !isPaid(c));
  return {
    today,
    items: items.map(({ rank: _rank, ...item }) => item),
    done: doneToday(source.journal, today, debtorsOf(claims)),
    errors: plan.errors.map((e) => ({ row: e.row, invoice: e.invoice, message: e.message })),
    totals: {
      debtors: items.length,
      outstanding: roundToCent(items.reduce((s, i) => s + i.outstanding, 0)),
      ledgerOutstanding: roundToCent(open.reduce((s, c) => s + outstanding(c), 0)),
      openInvoices: open.length,
    },
    notes,
  };
}

function doneKind(outcome: string): DoneToday["kind"] {
  if (outcome === OUTCOMES.task || /poster|tâche/i.test(outcome)) return "task";
  if (outcome === OUTCOMES.sent || outcome.startsWith(OUTCOMES.sent)) return "sent";
  if (outcome === OUTCOMES.prepared) return "prepared";
  return "other";
}

/** The Journal's lines of the day about a debtor (not the run's own notes), oldest first,
 * each naming its debtor as the dossier does (found by invoice: a name alone may stand for
 * two debtors at different addresses). */
export function doneToday(
  journal: readonly JournalEntry[],
  today: CalendarDate,
  debtors: readonly Debtor[] = [],
): DoneToday[] {
  const labelOf = new Map(
    debtors.flatMap((d) => d.claims.map((c) => [c.invoiceNumber, d.label] as const)),
  );
  return journal
    .filter((e) => e.client !== "" && e.channel !== "Système" && entryDate(e) === today)
    .map((e) => ({
      at: e.at,
      client: labelOf.get(e.invoices[0] ?? "") ?? e.client,
      invoices: e.invoices,
      step: e.step,
      channel: e.channel,
      recipient: e.recipient,
      outcome: e.outcome,
      kind: doneKind(e.outcome),
    }));
}
