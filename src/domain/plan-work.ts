// What the payment plans ask of a run, decided once for the morning run and for « Envoyer
// maintenant »'s preview alike: the suspensions to move (to the next instalment, or to the
// deadline of a missed instalment's mise en demeure: plan-default.ts), the instalment
// reminders due, and the mises en demeure of missed instalments due today or held back.
import { type CalendarDate, formatFrenchDate } from "./calendar-date";
import { type Claim, debtorKey, debtorOf } from "./claim";
import { type DailyPlan, isHandedOver, type PlannedTask, registeredLetterTask } from "./daily-plan";
import type { LedgerChange } from "./exchange";
import { actionKey, type JournalEntry, takenActionKeys } from "./journal";
import type { LedgerLine } from "./ledger";
import type { MessageDocument } from "./messages/document";
import type { FormalNotice } from "./messages/formal-notice";
import { buildInstalmentReminder } from "./messages/payment-plan-proposal";
import { buildPlanDefaultNotice } from "./messages/plan-notice";
import {
  type Instalment,
  instalmentReminderStep,
  instalmentToRecall,
  type PaymentPlan,
  planNoticeStep,
} from "./payment-plan";
import {
  heldByPlanNotices,
  planNoticeHoldBack,
  planStanding,
  planSuspendedUntil,
} from "./plan-default";
import type { RecoverySettings } from "./settings";

/** A plan's mise en demeure for a missed instalment, due today (domain/plan-default.ts). */
export interface PlanNoticeWork {
  plan: PaymentPlan;
  /** The Journal « Étape »: once per plan and missed instalment. */
  step: string;
  claims: Claim[];
  email: string | undefined;
  notice: FormalNotice;
  /** Its « Poster en LRAR » task. */
  lrarTask: PlannedTask;
}

/** What the échéanciers ask of a run: the suspensions to move (to each running plan's next
 * instalment, or to the deadline of its mise en demeure), the instalment reminders and the
 * mises en demeure of missed instalments due today (sent through the action path), and the
 * mises en demeure held back, with why. */
export interface PlansWork {
  changes: LedgerChange[];
  reminders: { plan: PaymentPlan; step: string; email: string; message: MessageDocument }[];
  notices: PlanNoticeWork[];
  held: { plan: PaymentPlan; step: string; reason: string }[];
}

export function paymentPlanWork(
  plans: readonly PaymentPlan[],
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  settings: RecoverySettings,
  debtor?: string,
): PlansWork {
  const work: PlansWork = { changes: [], reminders: [], notices: [], held: [] };
  const taken = takenActionKeys(journal);
  const days = settings.ladder.formalNoticeDeadlineDays;
  const noticedToday = new Set<string>();
  for (const plan of plans) {
    // `debtor` is a debtorOf (name|addresses): the plan's client is its name.
    if (debtor !== undefined && !debtor.startsWith(`${debtorKey(plan.client)}|`)) continue;
    const planClaims = plan.invoices
      .map((i) => claims.find((c) => c.invoiceNumber === i))
      .filter((c): c is Claim => c !== undefined);
    const head = planClaims[0];
    const debtorClaims = head ? claims.filter((c) => debtorOf(c) === debtorOf(head)) : [];
    // After the handover the professional is in charge: Recouvra leaves the plan alone.
    if (isHandedOver(debtorClaims)) continue;
    const { status, state, balance } = planStanding(plan, claims, journal, today, days);
    if (status.completed) continue;
    const until = planSuspendedUntil(status, state, today, days);
    for (const claim of planClaims)
      if (claim.suspendedUntil !== until)
        work.changes.push({ invoice: claim.invoiceNumber, suspendedUntil: until });
    const email = planClaims.find((c) => c.email)?.email;
    if (state.kind === "noticeDue" && head) {
      const first = state.missed[0] as Instalment;
      const step = planNoticeStep(plan, first.number);
      const who = debtorOf(head);
      const reason = noticedToday.has(who)
        ? "client déjà contacté aujourd'hui, un seul contact par jour"
        : planNoticeHoldBack(planClaims, debtorClaims, journal, today, settings);
      if (reason !== undefined) {
        work.held.push({ plan, step, reason });
        continue;
      }
      noticedToday.add(who);
      const notice = buildPlanDefaultNotice({
        plan,
        claims: planClaims,
        missed: state.missed,
        balance,
        today,
        settings,
      });
      const about = `échéance ${first.number}/${plan.instalments.length} de l'échéancier du ${formatFrenchDate(plan.agreedOn)}`;
      const address = planClaims.find((c) => c.address)?.address;
      work.notices.push({
        plan,
        step,
        claims: planClaims,
        email,
        notice,
        lrarTask: registeredLetterTask(plan.client, plan.invoices, address, { step, about }),
      });
      continue;
    }
    const recall = instalmentToRecall(status, today);
    if (!recall || !email) continue;
    const step = instalmentReminderStep(recall, plan.instalments.length);
    if (taken.has(actionKey(plan.invoices, step))) continue;
    const message = buildInstalmentReminder({
      client: plan.client,
      invoices: plan.invoices,
      instalment: recall,
      count: plan.instalments.length,
      settings,
    });
    work.reminders.push({ plan, step, email, message });
  }
  return work;
}

/** The ledger lines as the plans leave them: each plan's invoices suspended as planned, so
 * that the ladder sees who keeps up, who is under a plan's mise en demeure, who defaulted. */
export function withPlanSuspensions(
  lines: readonly LedgerLine[],
  changes: readonly LedgerChange[],
): LedgerLine[] {
  const moved = new Map(changes.map((c) => [c.invoice, c.suspendedUntil]));
  return lines.map((line) => {
    if (line.reading.kind !== "claim") return line;
    const until = moved.get(line.reading.claim.invoiceNumber);
    if (until === undefined) return line;
    return {
      ...line,
      reading: { ...line.reading, claim: { ...line.reading.claim, suspendedUntil: until } },
    };
  });
}

/** Today's ladder as the plans leave it: a plan's mise en demeure is today's contact with its
 * debtor, so the ladder's messages to that debtor wait (a dossier goes: it is written to no
 * debtor); a mise en demeure held back says why on each of its invoices. */
export function ladderUnderPlans(plan: DailyPlan, work: PlansWork): DailyPlan {
  const noticed = work.notices.flatMap((n) => n.claims.slice(0, 1));
  const { kept, held } = heldByPlanNotices(plan.actions, noticed);
  const skipped = [...plan.skipped];
  for (const a of held)
    for (const invoice of a.invoices)
      skipped.push({
        invoice,
        reason: `${a.stepLabel} reportée : un seul envoi par jour et par client (mise en demeure de l'échéancier aujourd'hui)`,
      });
  for (const h of work.held)
    for (const invoice of h.plan.invoices)
      skipped.push({
        invoice,
        reason: `Mise en demeure de l'échéancier (échéance impayée) reportée : ${h.reason}`,
      });
  return { ...plan, actions: kept, skipped };
}
