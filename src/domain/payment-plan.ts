// The échéancier: a debt paid in instalments, agreed between the parties. Recouvra caps it
// at 24 months as its own rule, after the délai de grâce a judge may grant (C. civ. 1343-5,
// « dans la limite de deux années »), which binds the judge, not an amicable plan. It
// carries the acceleration clause: an instalment missed, then a mise en demeure left
// unanswered for its deadline, makes the whole balance due at once.
//
// How a plan runs without anyone ticking boxes: the ledger's « Montant payé » is the only
// truth about payments. A plan remembers what was already paid when it was agreed; an
// instalment is honoured once the payments since then cover it and every earlier one.
// « Suspendu jusqu'au » is the first instalment not yet honoured + the grace days while the
// debtor keeps up; once one is missed, the plan's own clause decides what follows — a mise
// en demeure for the missed instalment, the ladder only once it expired (plan-default.ts).
import { addDays, addMonths, type CalendarDate } from "./calendar-date";
import { formatEuros, roundToCent } from "./money";

export const MAX_PLAN_MONTHS = 24;
export const MAX_INSTALMENTS = 104;
/** A transfer takes a few days to arrive and to be entered in the ledger. */
export const INSTALMENT_GRACE_DAYS = 5;
/** Each instalment is recalled by email this many days before its date. */
export const INSTALMENT_REMINDER_DAYS_BEFORE = 3;

export const FREQUENCIES = {
  monthly: "mensuelle",
  weekly: "hebdomadaire",
  quarterly: "trimestrielle",
} as const;
export type Frequency = keyof typeof FREQUENCIES;

export interface PlanTerms {
  /** What the plan pays off, euros. */
  total: number;
  count: number;
  firstDate: CalendarDate;
  frequency: Frequency;
  /** The day the plan is agreed: the 24 months run from it. */
  agreedOn: CalendarDate;
  /** What the debtor owes on the invoices (total due): a plan may not ask for more. */
  owed?: number;
}

export interface Instalment {
  /** 1-based. */
  number: number;
  date: CalendarDate;
  amount: number;
}

export function instalmentDate(first: CalendarDate, frequency: Frequency, i: number): CalendarDate {
  if (frequency === "weekly") return addDays(first, 7 * i);
  return addMonths(first, frequency === "monthly" ? i : 3 * i);
}

/** The last day an instalment may fall on. */
export function planDeadline(agreedOn: CalendarDate): CalendarDate {
  return addMonths(agreedOn, MAX_PLAN_MONTHS);
}

export type ScheduleResult =
  | { ok: true; instalments: Instalment[] }
  | { ok: false; problems: string[] };

/** Equal instalments rounded to the cent; the last one takes the remainder. */
export function schedulePaymentPlan(terms: PlanTerms): ScheduleResult {
  const problems: string[] = [];
  const total = roundToCent(terms.total);
  if (!(total > 0)) problems.push("Le montant de l'échéancier doit être supérieur à 0.");
  if (!Number.isInteger(terms.count) || terms.count < 1 || terms.count > MAX_INSTALMENTS)
    problems.push(`Le nombre d'échéances doit être un entier de 1 à ${MAX_INSTALMENTS}.`);
  if (terms.owed !== undefined && total > roundToCent(terms.owed))
    problems.push(
      `L'échéancier (${formatEuros(total)}) dépasse ce qui est dû (${formatEuros(terms.owed)}).`,
    );
  if (terms.firstDate < terms.agreedOn)
    problems.push("La première échéance ne peut pas précéder la date de l'accord.");
  if (problems.length > 0) return { ok: false, problems };
  const each = Math.floor((total / terms.count) * 100) / 100;
  const instalments: Instalment[] = [];
  for (let i = 0; i < terms.count; i++) {
    const last = i === terms.count - 1;
    instalments.push({
      number: i + 1,
      date: instalmentDate(terms.firstDate, terms.frequency, i),
      amount: last ? roundToCent(total - each * (terms.count - 1)) : each,
    });
  }
  if (each < 0.01) problems.push("Chaque échéance doit être d'au moins 0,01 €.");
  const deadline = planDeadline(terms.agreedOn);
  const end = instalments[instalments.length - 1]?.date as CalendarDate;
  if (end > deadline) {
    const [y, m, d] = deadline.split("-");
    problems.push(
      `La dernière échéance tomberait après le ${d}/${m}/${y} : Recouvra limite un échéancier amiable à ${MAX_PLAN_MONTHS} mois (la durée du délai de grâce qu'un juge peut accorder, article 1343-5 du Code civil).`,
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instalments };
}

/** A plan as recorded in « Échéanciers ». */
export interface PaymentPlan {
  /** "E-2026-11-26-F-2026-0295": unique, readable. */
  id: string;
  client: string;
  invoices: string[];
  agreedOn: CalendarDate;
  /** Sum of « Montant payé » of its invoices on the day of the agreement. */
  paidAtAgreement: number;
  instalments: Instalment[];
}

export type InstalmentState = "honoured" | "upcoming" | "late" | "missed";

export interface PlanStatus {
  instalments: (Instalment & { state: InstalmentState })[];
  paidSinceAgreement: number;
  /** The first instalment not yet honoured, if any. */
  next?: Instalment;
  /** An instalment's date + grace has passed unpaid: the whole balance is due. */
  defaulted: boolean;
  completed: boolean;
  /** What « Suspendu jusqu'au » of the plan's invoices must say. */
  suspendedUntil: CalendarDate;
}

export function planId(agreedOn: CalendarDate, invoices: readonly string[]): string {
  return `E-${agreedOn}-${[...invoices].sort()[0] ?? ""}`;
}

export function planStatus(plan: PaymentPlan, paidNow: number, today: CalendarDate): PlanStatus {
  const paidSince = roundToCent(paidNow - plan.paidAtAgreement);
  let cumulative = 0;
  let next: Instalment | undefined;
  let defaulted = false;
  const instalments = plan.instalments.map((i) => {
    cumulative = roundToCent(cumulative + i.amount);
    const covered = paidSince + 0.005 >= cumulative;
    let state: InstalmentState = "honoured";
    if (!covered) {
      next ??= i;
      const graceEnd = addDays(i.date, INSTALMENT_GRACE_DAYS);
      state = today > graceEnd ? "missed" : today > i.date ? "late" : "upcoming";
      if (state === "missed") defaulted = true;
    }
    return { ...i, state };
  });
  const last = plan.instalments[plan.instalments.length - 1] as Instalment;
  const status: PlanStatus = {
    instalments,
    paidSinceAgreement: paidSince,
    defaulted,
    completed: next === undefined,
    suspendedUntil: addDays((next ?? last).date, INSTALMENT_GRACE_DAYS),
  };
  if (next) status.next = next;
  return status;
}

/** The Journal's step label of an instalment reminder, its idempotence key with the invoices. */
export function instalmentReminderStep(i: Instalment, count: number): string {
  return `Rappel d'échéance ${i.number}/${count}`;
}

/** The instalment to recall today, if any: the next one, within its reminder window,
 * while the plan runs (not once defaulted: the ladder has taken over). */
export function instalmentToRecall(
  status: PlanStatus,
  today: CalendarDate,
): Instalment | undefined {
  const next = status.next;
  if (!next || status.defaulted) return undefined;
  const from = addDays(next.date, -INSTALMENT_REMINDER_DAYS_BEFORE);
  return today >= from && today <= next.date ? next : undefined;
}

// The mise en demeure of a missed instalment: its Journal « Étape » names the plan and the
// first instalment it is about, so that it is sent once per plan and missed instalment, and
// it counts as the invoices' mise en demeure (journal.ts, stepOfEntry).
const PLAN_NOTICE_STEP = /^Mise en demeure — échéancier (\S+), échéance (\d+)\/(\d+)$/;

/** « Mise en demeure — échéancier E-2026-10-05-F-1, échéance 2/4 ». */
export function planNoticeStep(
  plan: Pick<PaymentPlan, "id" | "instalments">,
  number: number,
): string {
  return `Mise en demeure — échéancier ${plan.id}, échéance ${number}/${plan.instalments.length}`;
}

/** The plan and the first missed instalment a Journal « Étape » is the mise en demeure of. */
export function parsePlanNoticeStep(step: string): { planId: string; number: number } | undefined {
  const m = PLAN_NOTICE_STEP.exec(step);
  return m ? { planId: m[1] as string, number: Number(m[2]) } : undefined;
}
