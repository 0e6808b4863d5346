// When the next step of the ladder falls (docs/ladder.md).
import { addDays, type CalendarDate, maxDate } from "./calendar-date";
import { type Claim, isPaid } from "./claim";
import { nextBusinessDay } from "./holidays";
import { isUnderInsolvency } from "./insolvency";
import {
  FIRM_REMINDER_DEADLINE_DAYS,
  type LadderSettings,
  type StepNumber,
  stepAfter,
} from "./ladder";
import { isPrescribed } from "./prescription";

export interface ScheduledStep {
  step: StepNumber;
  /** May lie in the past: the step is overdue and the next run does it. */
  date: CalendarDate;
}

/** The earliest day the step may be taken, before moving to a business day. */
export function earliestStepDate(
  claim: Claim,
  step: StepNumber,
  settings: LadderSettings,
): CalendarDate {
  const offset = settings.offsets[claim.profile][step] ?? 0;
  const byLadder = addDays(claim.dueDate, offset);
  // The gap between two contacts counts only once a step was done.
  const byGap =
    claim.lastStep !== undefined && claim.lastStepDate !== undefined
      ? addDays(claim.lastStepDate, settings.gapDays)
      : undefined;
  const afterSuspension =
    claim.suspendedUntil !== undefined ? addDays(claim.suspendedUntil, 1) : undefined;
  return maxDate(byLadder, byGap, afterSuspension, afterPreviousDeadline(claim, step, settings));
}

/** No step before the deadline the previous message granted has run out: the mise en
 * demeure waits for the Relance ferme's 8 days, the handover for the mise en demeure's. */
export function afterPreviousDeadline(
  claim: Pick<Claim, "lastStep" | "lastStepDate">,
  step: StepNumber,
  settings: LadderSettings,
): CalendarDate | undefined {
  if (claim.lastStepDate === undefined) return undefined;
  if (step === 3 && claim.lastStep === 2)
    return addDays(claim.lastStepDate, FIRM_REMINDER_DEADLINE_DAYS + 1);
  if (step === 4 && claim.lastStep === 3)
    return addDays(claim.lastStepDate, settings.formalNoticeDeadlineDays + 1);
  return undefined;
}

/** Why nothing is scheduled, or undefined when a step is. */
export function reasonNothingScheduled(
  claim: Claim,
  today: CalendarDate,
  settings: LadderSettings,
): "paid" | "disputed" | "insolvency" | "prescribed" | "ladder-done" | undefined {
  if (isPaid(claim)) return "paid";
  if (claim.disputed) return "disputed";
  if (isUnderInsolvency(claim)) return "insolvency";
  if (isPrescribed(claim, today)) return "prescribed";
  if (stepAfter(settings, claim.profile, claim.lastStep) === undefined) return "ladder-done";
  return undefined;
}

/** The next step of the claim's ladder and its date, or undefined when none is due
 * (paid, disputed, procédure collective, prescribed, ladder done). Steps are never skipped. */
export function nextStep(
  claim: Claim,
  today: CalendarDate,
  settings: LadderSettings,
): ScheduledStep | undefined {
  if (reasonNothingScheduled(claim, today, settings) !== undefined) return undefined;
  const step = stepAfter(settings, claim.profile, claim.lastStep) as StepNumber;
  return { step, date: nextBusinessDay(earliestStepDate(claim, step, settings)) };
}
