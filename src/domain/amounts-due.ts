// What a late claim costs the debtor on top of the principal.
// Indemnité forfaitaire pour frais de recouvrement (L441-10 II, D441-5 C. com.): 40 € per
// late invoice between professionals; never any collection fee on a consumer (L111-8 CPCE).
import type { CalendarDate } from "./calendar-date";
import { type Claim, isOverdue, isPaid, isProfessional, outstanding } from "./claim";
import { type LatePenalties, latePenalties } from "./penalties";
import type { RateTable } from "./rates";

export const RECOVERY_INDEMNITY_EUROS = 40;

export function recoveryIndemnity(claim: Claim, today: CalendarDate): number {
  return isProfessional(claim) && !isPaid(claim) && isOverdue(claim, today)
    ? RECOVERY_INDEMNITY_EUROS
    : 0;
}

/** The claim's late penalties: Professionnel only, on what is still owed. They follow
 * type, payment and lateness only: a disputed or suspended claim still accrues them. */
export function claimPenalties(claim: Claim, today: CalendarDate, table: RateTable): LatePenalties {
  const owed = isProfessional(claim) ? outstanding(claim) : 0;
  return latePenalties(owed, claim.dueDate, today, table);
}
