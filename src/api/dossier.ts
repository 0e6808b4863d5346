// The views the sidebar shows, built from what the shell read in bulk (ledger lines, the
// Journal, the plans, the settings) with the domain's own rules: nothing is recomputed
// here, only gathered per debtor.
import type { Dossier, DossierInvoice, PlanView, TimelineEntry } from "../api";
import { claimAmounts } from "../domain/amounts-due";
import type { CalendarDate } from "../domain/calendar-date";
import { type Claim, debtorKey, isPaid } from "../domain/claim";
import type { LedgerLine } from "../domain/daily-plan";
import { type JournalEntry, timelineOf } from "../domain/journal";
import { stepLabel } from "../domain/ladder";
import { totalsOf } from "../domain/messages/common";
import { nextStep } from "../domain/next-step";
import { type PaymentPlan, planStatus } from "../domain/payment-plan";
import { isNearPrescription, lastDayToAct } from "../domain/prescription";
import type { RecoverySettings } from "../domain/settings";
import { missingRateNote } from "../domain/settings-sheet";
import { type ClaimStatus, claimStatus } from "../domain/status";

export interface ViewSource {
  lines: readonly LedgerLine[];
  journal: readonly JournalEntry[];
  plans: readonly PaymentPlan[];
  today: CalendarDate;
  settings: RecoverySettings;
  problems: readonly string[];
}

export class ApiError extends Error {}

/** The valid claims of the ledger, first occurrence of each N° facture. */
export function ledgerClaims(lines: readonly LedgerLine[]): Claim[] {
  const seen = new Set<string>();
  const claims: Claim[] = [];
  for (const { reading } of lines) {
    if (reading.kind !== "claim" || seen.has(reading.claim.invoiceNumber)) continue;
    seen.add(reading.claim.invoiceNumber);
    claims.push(reading.claim);
  }
  return claims;
}

export function claimsOfDebtor(lines: readonly LedgerLine[], client: string): Claim[] {
  const key = debtorKey(client);
  return ledgerClaims(lines).filter((c) => debtorKey(c.client) === key);
}

/** The debtor's claims, or a French refusal when the name matches none. */
export function requireDebtor(lines: readonly LedgerLine[], client: string): Claim[] {
  const claims = claimsOfDebtor(lines, client);
  if (claims.length === 0)
    throw new ApiError(`Aucune facture du client « ${client} » dans « Créances ».`);
  return claims;
}

/** The named invoices of the debtor, in ledger order; refuses an invoice not theirs. */
export function selectInvoices(claims: readonly Claim[], invoices: readonly string[]): Claim[] {
  const wanted = new Set(invoices);
  const chosen = claims.filter((c) => wanted.has(c.invoiceNumber));
  const unknown = invoices.filter((i) => !claims.some((c) => c.invoiceNumber === i));
  if (unknown.length > 0)
    throw new ApiError(`Facture(s) inconnue(s) pour ce client : ${unknown.join(", ")}.`);
  return chosen;
}

export function paidOf(claims: readonly Claim[], invoices: readonly string[]): number {
  const wanted = new Set(invoices);
  return claims.filter((c) => wanted.has(c.invoiceNumber)).reduce((s, c) => s + c.paid, 0);
}

export function plansOfDebtor(plans: readonly PaymentPlan[], client: string): PaymentPlan[] {
  const key = debtorKey(client);
  return plans.filter((p) => debtorKey(p.client) === key);
}

export function planView(
  plan: PaymentPlan,
  claims: readonly Claim[],
  today: CalendarDate,
): PlanView {
  const status = planStatus(plan, paidOf(claims, plan.invoices), today);
  return {
    id: plan.id,
    agreedOn: plan.agreedOn,
    invoices: plan.invoices,
    total: Math.round(plan.instalments.reduce((s, i) => s + i.amount, 0) * 100) / 100,
    paidSinceAgreement: status.paidSinceAgreement,
    instalments: status.instalments.map((i) => ({
      number: i.number,
      date: i.date,
      amount: i.amount,
      state: i.state,
    })),
    defaulted: status.defaulted,
    completed: status.completed,
    suspendedUntil: status.suspendedUntil,
  };
}

function invoiceView(
  claim: Claim,
  today: CalendarDate,
  settings: RecoverySettings,
): DossierInvoice {
  const a = claimAmounts(claim, today, settings);
  const next = nextStep(claim, today, settings.ladder);
  return {
    invoice: claim.invoiceNumber,
    invoiceDate: claim.invoiceDate,
    dueDate: claim.dueDate,
    dueDateDefaulted: claim.dueDateDefaulted,
    amount: claim.amount,
    paid: claim.paid,
    outstanding: a.outstanding,
    penalties: a.penalties,
    indemnity: a.indemnity,
    status: claimStatus(claim, today),
    nextStep: next ? stepLabel(next.step) : "\u2014",
    nextStepDate: next?.date ?? "",
    prescription: lastDayToAct(claim),
    suspendedUntil: claim.suspendedUntil ?? "",
    disputed: claim.disputed,
    acknowledgedOn: claim.acknowledgedOn ?? "",
    lastStep: claim.lastStep ? stepLabel(claim.lastStep) : "",
    lastStepDate: claim.lastStepDate ?? "",
  };
}

/** The debtor's status: the one that says most about the open invoices. */
const DEBTOR_STATUS_ORDER: readonly ClaimStatus[] = [
  "Litige",
  "Prescrite",
  "Transmise",
  "Mise en demeure",
  "Relancée",
  "Suspendue",
  "Échue",
  "Non échue",
];

export function dossierView(source: ViewSource, client: string): Dossier {
  const { today, settings } = source;
  const claims = requireDebtor(source.lines, client);
  const invoices = claims.map((c) => invoiceView(c, today, settings));
  const open = claims.filter((c) => !isPaid(c));
  const statuses = new Set(invoices.map((i) => i.status));
  const status = DEBTOR_STATUS_ORDER.find((s) => statuses.has(s)) ?? "Soldée";
  const scheduled = open
    .map((c) => ({ c, next: nextStep(c, today, settings.ladder) }))
    .filter((x) => x.next !== undefined);
  const earliest = scheduled.map((x) => x.next?.date as string).sort()[0];
  const first = scheduled.find((x) => x.next?.date === earliest)?.next;
  const prescriptions = open.map(lastDayToAct).sort();
  const t = totalsOf(claims, today, settings);
  const notes = [...source.problems];
  const rateNote = missingRateNote(settings.rates, today);
  if (rateNote) notes.push(rateNote);
  const head = claims[0] as Claim;
  return {
    today,
    client: head.client,
    email: claims.find((c) => c.email)?.email ?? "",
    clientType: head.clientType,
    profile: head.profile,
    status,
    invoices,
    totals: {
      amount: t.amount,
      paid: t.paid,
      outstanding: t.outstanding,
      penalties: t.penalties,
      indemnity: t.indemnity,
      total: t.total,
      penaltiesOfficial: t.penaltiesOfficial,
    },
    nextStep: first
      ? {
          label: stepLabel(first.step),
          date: first.date,
          invoices: scheduled
            .filter((x) => x.next?.date === earliest && x.next?.step === first.step)
            .map((x) => x.c.invoiceNumber),
        }
      : null,
    prescription: prescriptions[0] ?? "",
    prescriptionSoon: open.some((c) => isNearPrescription(c, today)),
    timeline: timelineOf(
      source.journal,
      head.client,
      claims.map((c) => c.invoiceNumber),
    )
      .reverse()
      .map(
        (e): TimelineEntry => ({
          at: e.at,
          invoices: e.invoices,
          step: e.step,
          channel: e.channel,
          recipient: e.recipient,
          subject: e.subject,
          outcome: e.outcome,
          document: e.document,
          by: e.by,
        }),
      ),
    plans: plansOfDebtor(source.plans, head.client).map((p) => planView(p, claims, today)),
    notes,
  };
}
