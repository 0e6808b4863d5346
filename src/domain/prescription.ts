// Limitation periods: 5 years between traders (L110-4 C. com.), 2 years for a
// professional's claim on a consumer (L218-2 C. conso.), from the due date; a signed
// acknowledgment or a partial payment restarts the whole period (C. civ. 2240, 2231).
// A mise en demeure does not interrupt it.
import { addDays, addYears, type CalendarDate, maxDate } from "./calendar-date";
import type { Claim } from "./claim";

export const PRESCRIPTION_ALERT_DAYS = 90;

export function prescriptionYears(claim: Pick<Claim, "clientType">): number {
  return claim.clientType === "Particulier" ? 2 : 5;
}

/** The last day on which the creditor can still act (29 February + N years → 28 February). */
export function lastDayToAct(
  claim: Pick<Claim, "clientType" | "dueDate" | "acknowledgedOn">,
): CalendarDate {
  return addYears(maxDate(claim.dueDate, claim.acknowledgedOn), prescriptionYears(claim));
}

/** Prescrite iff today is after the last day to act. */
export function isPrescribed(claim: Claim, today: CalendarDate): boolean {
  return today > lastDayToAct(claim);
}

/** Within the alert window before prescription (and not yet prescribed). */
export function isNearPrescription(claim: Claim, today: CalendarDate): boolean {
  const last = lastDayToAct(claim);
  return today <= last && addDays(today, PRESCRIPTION_ALERT_DAYS) >= last;
}
