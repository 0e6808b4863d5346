// The views the sidebar shows, built from what the shell read in bulk (ledger lines, the
// Journal, the plans, the settings) with the domain's own rules: nothing is recomputed
// here, only gathered per debtor.

import { claimAmounts } from "../domain/amounts-due";
import { type CalendarDate, formatFrenchDate } from "../domain/calendar-date";
import { type Claim, isPaid } from "../domain/claim";
import { claimNotes } from "../domain/claim-notes";
import { isHandedOver, type LedgerLine } from "../domain/daily-plan";
import { declarationDeadline, isUnderInsolvency } from "../domain/insolvency";
import { type JournalEntry, timelineOf } from "../domain/journal";
import { stepLabel } from "../domain/ladder";
import { debtorsOf, ledgerClaims, requireDebtor } from "../domain/ledger";
import { totalsOf } from "../domain/messages/common";
import { roundToCent } from "../domain/money";
import { nextStep } from "../domain/next-step";
import type { PaymentPlan } from "../domain/payment-plan";
import { planDefaultText, planStanding, planSuspendedUntil } from "../domain/plan-default";
import { isNearPrescription, lastDayToAct } from "../domain/prescription";
import { registeredLettersOf } from "../domain/registered-letter";
import type { RecoverySettings } from "../domain/settings";
import { missingRateNote } from "../domain/settings-table";
import { type ClaimStatus, claimStatus, debtorStatus } from "../domain/status";
import type { Dossier, DossierInvoice, PlanView, TimelineEntry } from "../sidebar-contract";

export interface ViewSource {
  lines: readonly LedgerLine[];
  journal: readonly JournalEntry[];
  plans: readonly PaymentPlan[];
  today: CalendarDate;
  settings: RecoverySettings;
  problems: readonly string[];
}

/** The debtor's payment plans: those over its invoices (a name may be two debtors'). */
export function plansOfDebtor(
  plans: readonly PaymentPlan[],
  claims: readonly Pick<Claim, "invoiceNumber">[],
): PaymentPlan[] {
  const mine = new Set(claims.map((c) => c.invoiceNumber));
  return plans.filter((p) => p.invoices.some((i) => mine.has(i)));
}

export function planView(
  plan: PaymentPlan,
  claims: readonly Claim[],
  today: CalendarDate,
  journal: readonly JournalEntry[],
  deadlineDays: number,
): PlanView {
  const { status, state } = planStanding(plan, claims, journal, today, deadlineDays);
  return {
    id: plan.id,
    agreedOn: plan.agreedOn,
    invoices: plan.invoices,
    total: roundToCent(plan.instalments.reduce((s, i) => s + i.amount, 0)),
    paidSinceAgreement: status.paidSinceAgreement,
    instalments: status.instalments.map((i) => ({
      number: i.number,
      date: i.date,
      amount: i.amount,
      state: i.state,
    })),
    defaulted: status.defaulted,
    defaultText: planDefaultText(state),
    completed: status.completed,
    suspendedUntil: planSuspendedUntil(status, state, today, deadlineDays),
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

export function dossierView(source: ViewSource, client: string): Dossier {
  const { today, settings } = source;
  const claims = requireDebtor(source.lines, client);
  const invoices = claims.map((c) => invoiceView(c, today, settings));
  const open = claims.filter((c) => !isPaid(c));
  const status = debtorStatus(invoices.map((i) => i.status as ClaimStatus));
  // After the handover Recouvra writes nothing more to the debtor: no next step to show.
  const handedOver = isHandedOver(claims);
  const scheduled = (handedOver ? [] : open)
    .map((c) => ({ c, next: nextStep(c, today, settings.ladder) }))
    .filter((x) => x.next !== undefined);
  const earliest = scheduled.map((x) => x.next?.date as string).sort()[0];
  const first = scheduled.find((x) => x.next?.date === earliest)?.next;
  const prescriptions = open.map(lastDayToAct).sort();
  const t = totalsOf(claims, today, settings);
  const notes = [...source.problems];
  const rateNote = missingRateNote(settings.rates, today);
  if (rateNote) notes.push(rateNote);
  if (handedOver)
    notes.push(
      "Client transmis à un professionnel : Recouvra ne lui écrit plus ; toute facture échue depuis est à ajouter au dossier.",
    );
  const judgment = claims.find((c) => isUnderInsolvency(c) && !isPaid(c))?.insolvencyJudgment;
  if (judgment !== undefined)
    notes.push(
      `Procédure collective ouverte le ${formatFrenchDate(judgment)} : aucune relance pour les factures antérieures, créance à déclarer au mandataire judiciaire avant le ${formatFrenchDate(declarationDeadline(judgment))}.`,
    );
  for (const c of claims) for (const n of claimNotes(c)) notes.push(`${c.invoiceNumber} : ${n}.`);
  const head = claims[0] as Claim;
  return {
    today,
    client:
      debtorsOf(ledgerClaims(source.lines)).find((d) => d.claims.includes(head))?.label ??
      head.client,
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
      head.email,
    )
      .reverse()
      .map(({ client: _client, ...entry }): TimelineEntry => entry),
    plans: plansOfDebtor(source.plans, claims).map((p) =>
      planView(p, claims, today, source.journal, settings.ladder.formalNoticeDeadlineDays),
    ),
    registeredLetters: registeredLettersOf(
      source.journal,
      claims.map((c) => c.invoiceNumber),
    ).map((l) => ({
      number: l.number,
      postedOn: l.postedOn,
      receivedOn: l.receivedOn ?? "",
      invoices: l.invoices,
    })),
    address: claims.find((c) => c.address)?.address ?? "",
    siren: claims.find((c) => c.siren)?.siren ?? "",
    notes,
  };
}
