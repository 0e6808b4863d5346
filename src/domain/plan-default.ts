// A missed instalment of a payment plan, by the plan's own clause (ACCELERATION_CLAUSE,
// messages/payment-plan-proposal.ts: « huit jours après une mise en demeure restée sans
// effet »). The déchéance du terme is contractual — the parties' agreement has the force of
// law between them (C. civ. 1103) —, so it follows the clause, not the ladder: first a mise
// en demeure (C. civ. 1344) for the missed instalment(s), once per plan and missed
// instalment; the ladder stays asleep on the plan's invoices until its deadline has run
// out; then, still unpaid, the whole balance is due and the ladder takes over (its next
// step: the dossier, the plan's mise en demeure being the invoices'). A debtor who catches
// up within the deadline keeps the plan; a later missed instalment gets its own notice.
// (C. civ. 1305-4, the debtor's insolvency or lost securities, is another ground, not this.)
import { addDays, type CalendarDate, formatFrenchDate, maxDate } from "./calendar-date";
import { type Claim, debtorOf, shareAnAddress } from "./claim";
import { type PlannedAction, whyNoMessageToday } from "./daily-plan";
import { isUnderInsolvency } from "./insolvency";
import { entryDate, isStepTaken, type JournalEntry } from "./journal";
import { paidOf } from "./ledger";
import { roundToCent } from "./money";
import {
  INSTALMENT_GRACE_DAYS,
  type Instalment,
  type PaymentPlan,
  type PlanStatus,
  parsePlanNoticeStep,
  planStatus,
} from "./payment-plan";
import { registeredLettersOf } from "./registered-letter";
import type { RecoverySettings } from "./settings";

/** A mise en demeure the Journal shows sent (or possibly sent) for a plan. */
export interface PlanNoticeSent {
  /** The first missed instalment it is about. */
  number: number;
  date: CalendarDate;
  /** The day its registered letter was received, once recorded: its deadline runs from it. */
  receivedOn?: CalendarDate;
}

/** The plan's mises en demeure in the Journal: sent, or possibly sent (an intent never
 * confirmed, « À vérifier »): never sent twice. Each takes the receipt of the first
 * registered letter about the plan's invoices posted from its day on. */
export function planNoticesSent(
  journal: readonly JournalEntry[],
  plan: Pick<PaymentPlan, "id" | "invoices">,
): PlanNoticeSent[] {
  const byNumber = new Map<number, CalendarDate>();
  for (const e of journal) {
    const about = parsePlanNoticeStep(e.step);
    const date = entryDate(e);
    if (about?.planId !== plan.id || date === undefined || !isStepTaken(e.outcome)) continue;
    const known = byNumber.get(about.number);
    if (known === undefined || date < known) byNumber.set(about.number, date);
  }
  const letters = registeredLettersOf(journal, plan.invoices);
  return [...byNumber.entries()].map(([number, date]) => {
    const receivedOn = letters.find((l) => l.postedOn >= date)?.receivedOn;
    return receivedOn ? { number, date, receivedOn } : { number, date };
  });
}

/** A notice demands the instalments already missed on its day, from its own on. */
export function noticeCovers(notice: PlanNoticeSent, instalment: Instalment): boolean {
  return (
    instalment.number >= notice.number &&
    addDays(instalment.date, INSTALMENT_GRACE_DAYS) < notice.date
  );
}

export type PlanDefault =
  /** Nothing missed (an instalment may be late, within its grace days). */
  | { kind: "running" }
  /** An instalment missed and no mise en demeure for it yet: one goes today. */
  | { kind: "noticeDue"; missed: Instalment[] }
  /** The mise en demeure went; its deadline runs (noticed) or ran out unpaid (accelerated:
   * the whole balance is due, the ladder takes over). */
  | {
      kind: "noticed" | "accelerated";
      missed: Instalment[];
      notice: PlanNoticeSent;
      /** Its receipt (or, until recorded, its day) + its deadline. */
      deadline: CalendarDate;
      /** The day after: the déchéance du terme, the ladder's first day. */
      lapsesOn: CalendarDate;
    };

/** Where a plan stands after a missed instalment, from its status and the notices sent. */
export function planDefault(
  status: PlanStatus,
  notices: readonly PlanNoticeSent[],
  today: CalendarDate,
  deadlineDays: number,
): PlanDefault {
  const unpaid = status.instalments.filter((i) => i.state !== "honoured");
  const first = unpaid[0];
  if (first === undefined || first.state !== "missed") return { kind: "running" };
  const notice = notices.find((n) => noticeCovers(n, first));
  if (notice === undefined)
    return { kind: "noticeDue", missed: unpaid.filter((i) => i.state === "missed").map(plain) };
  // The deadline runs from receipt (C. civ. 1344: the letter says so): from the notice's day
  // until a later receipt is recorded.
  const from = maxDate(notice.date, notice.receivedOn);
  const deadline = addDays(from, deadlineDays);
  const lapsesOn = addDays(deadline, 1);
  return {
    kind: today >= lapsesOn ? "accelerated" : "noticed",
    missed: unpaid.filter((i) => noticeCovers(notice, i)).map(plain),
    notice,
    deadline,
    lapsesOn,
  };
}

function plain({ number, date, amount }: Instalment): Instalment {
  return { number, date, amount };
}

/** « Suspendu jusqu'au » of the plan's invoices: the next instalment + grace while the plan
 * runs; once one is missed, the notice's deadline (the ladder wakes the day after) — and
 * while the notice has not gone yet (held back, a quota), the deadline it would have if it
 * went today, so that the ladder never wakes before the plan's mise en demeure expired. */
export function planSuspendedUntil(
  status: PlanStatus,
  state: PlanDefault,
  today: CalendarDate,
  deadlineDays: number,
): CalendarDate {
  if (state.kind === "running") return status.suspendedUntil;
  if (state.kind === "noticeDue") return addDays(today, deadlineDays);
  return state.deadline;
}

/** What the plan still asks: its total less what was paid since the agreement — what the
 * déchéance du terme makes due at once. */
export function planBalance(plan: PaymentPlan, status: PlanStatus): number {
  const total = plan.instalments.reduce((s, i) => s + i.amount, 0);
  return Math.max(0, roundToCent(total - status.paidSinceAgreement));
}

/** The sum of some instalments, to the cent. */
export function instalmentsTotal(instalments: readonly Instalment[]): number {
  return roundToCent(instalments.reduce((s, i) => s + i.amount, 0));
}

/** Why the plan's mise en demeure may not go today, in French; undefined when it may. The
 * guards of every message: no letter about a disputed invoice or one under a procédure
 * collective (L622-7: its payment is forbidden), nothing after the handover, one contact a
 * day and the gap between two (contact-rule.ts). */
export function planNoticeHoldBack(
  planClaims: readonly Claim[],
  debtorClaims: readonly Claim[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  settings: RecoverySettings,
): string | undefined {
  if (planClaims.some((c) => c.disputed))
    return "une facture de l'échéancier est en litige : pas de mise en demeure";
  if (planClaims.some(isUnderInsolvency))
    return "procédure collective : paiement interdit, pas de mise en demeure";
  return whyNoMessageToday(debtorClaims, journal, today, settings);
}

/** Where a plan in default stands, as the sidebar's dossier and work list say it: « en défaut —
 * mise en demeure du 12/01/2027, déchéance le 21/01/2027 »; "" while it runs. */
export function planDefaultText(state: PlanDefault): string {
  if (state.kind === "running") return "";
  if (state.kind === "noticeDue") return "en défaut — mise en demeure à envoyer";
  const text = `en défaut — mise en demeure du ${formatFrenchDate(state.notice.date)}, déchéance le ${formatFrenchDate(state.lapsesOn)}`;
  return state.kind === "accelerated" ? `${text} : tout le solde est dû` : text;
}

/** Ladder actions that would write to a debtor (or to one of its addresses) already
 * receiving a plan's mise en demeure today: they wait (one contact a day); a dossier,
 * written to no debtor, goes. */
export function heldByPlanNotices(
  actions: readonly PlannedAction[],
  noticed: readonly Pick<Claim, "client" | "email">[],
): { kept: PlannedAction[]; held: PlannedAction[] } {
  const kept: PlannedAction[] = [];
  const held: PlannedAction[] = [];
  for (const a of actions) {
    const to = { client: a.client, email: a.email };
    const clash =
      a.channel !== "dossier" &&
      noticed.some((n) => debtorOf(n) === debtorOf(to) || shareAnAddress(n.email, a.email));
    (clash ? held : kept).push(a);
  }
  return { kept, held };
}

/** Where a plan stands today: its instalments, its default, what it still asks. */
export interface PlanStanding {
  plan: PaymentPlan;
  status: PlanStatus;
  state: PlanDefault;
  balance: number;
}

export function planStanding(
  plan: PaymentPlan,
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  deadlineDays: number,
): PlanStanding {
  const status = planStatus(plan, paidOf(claims, plan.invoices), today);
  const state = planDefault(status, planNoticesSent(journal, plan), today, deadlineDays);
  return { plan, status, state, balance: planBalance(plan, status) };
}
