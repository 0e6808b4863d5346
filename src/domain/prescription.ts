// Limitation periods: 5 years between traders from the due date (L110-4 C. com.); 2 years
// for a professional's claim on a consumer (L218-2 C. conso.), which runs from the
// completion of the service — the invoice date stands for it, the cautious reading. A signed
// acknowledgment or a partial payment restarts the whole period (C. civ. 2240, 2231).
// A mise en demeure does not interrupt it.
import { addDays, addYears, type CalendarDate, formatFrenchDate, maxDate } from "./calendar-date";
import type { Claim } from "./claim";

export const PRESCRIPTION_ALERT_DAYS = 90;

export function prescriptionYears(claim: Pick<Claim, "clientType">): number {
  return claim.clientType === "Particulier" ? 2 : 5;
}

/** The day the period starts: Échéance (Professionnel) or Date facture (Particulier), or
 * Date reconnaissance when later. */
export function prescriptionStart(
  claim: Pick<Claim, "clientType" | "invoiceDate" | "dueDate" | "acknowledgedOn">,
): CalendarDate {
  const start = claim.clientType === "Particulier" ? claim.invoiceDate : claim.dueDate;
  return maxDate(start, claim.acknowledgedOn);
}

/** The last day on which the creditor can still act (29 February + N years → 28 February). */
export function lastDayToAct(
  claim: Pick<Claim, "clientType" | "invoiceDate" | "dueDate" | "acknowledgedOn">,
): CalendarDate {
  return addYears(prescriptionStart(claim), prescriptionYears(claim));
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

/** The warning when something agreed (a promise to pay, the last instalment of a plan) falls
 * after the last day to act of one of its invoices: waiting would let the claim be
 * prescribed, so a signed reconnaissance de dette, which restarts the period (C. civ. 2240),
 * must come first. `invoices`: each with its last day to act. */
export function agreedPastPrescription(
  invoices: readonly { invoice: string; lastDayToAct: CalendarDate }[],
  until: CalendarDate,
): string | undefined {
  const late = invoices.filter((i) => i.lastDayToAct < until);
  if (late.length === 0) return undefined;
  const first = late.map((i) => i.lastDayToAct).sort()[0] as CalendarDate;
  return `Attention : le dernier jour pour agir sur ${late.map((i) => i.invoice).join(", ")} est le ${formatFrenchDate(first)}, avant le ${formatFrenchDate(until)}. Faites d'abord signer une reconnaissance de dette, qui fait repartir le délai de prescription (article 2240 du Code civil).`;
}
