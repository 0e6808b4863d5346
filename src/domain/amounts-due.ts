// What a late claim costs the debtor on top of the principal.
// Indemnité forfaitaire pour frais de recouvrement (L441-10 II, D441-5 C. com.): 40 € per
// late invoice between professionals; never any collection fee on a consumer (L111-8 CPCE),
// nor any penalty (L441-10 only governs dealings between professionals).
import type { CalendarDate } from "./calendar-date";
import { type Claim, isOverdue, isPaid, isProfessional, outstanding } from "./claim";
import { judgmentBarsIndemnity, lastPenaltyDay } from "./insolvency";
import { roundToCent } from "./money";
import { type LatePenalties, latePenalties } from "./penalties";
import type { RateTable } from "./rates";
import type { RecoverySettings } from "./settings";

export const RECOVERY_INDEMNITY_EUROS = 40;

/** 40 € for a late, unpaid Professionnel invoice; none when a procédure collective opened
 * on or before Échéance forbade paying it then (L441-10 II). */
export function recoveryIndemnity(claim: Claim, today: CalendarDate): number {
  return isProfessional(claim) &&
    !isPaid(claim) &&
    isOverdue(claim, today) &&
    !judgmentBarsIndemnity(claim)
    ? RECOVERY_INDEMNITY_EUROS
    : 0;
}

/** The claim's late penalties: Professionnel only, on what is still owed. They follow
 * type, payment and lateness only: a disputed or suspended claim still accrues them; under a
 * procédure collective the last day counted is the day before the judgment (L622-28). */
export function claimPenalties(claim: Claim, today: CalendarDate, table: RateTable): LatePenalties {
  const owed = isProfessional(claim) ? outstanding(claim) : 0;
  const stop = lastPenaltyDay(claim);
  const lastDay = stop !== undefined && stop < today ? stop : today;
  return latePenalties(owed, claim.dueDate, lastDay, table);
}

export interface ClaimAmounts {
  outstanding: number;
  penalties: number;
  /** False when a half-year's rate is an estimate (not yet in Paramètres). */
  penaltiesOfficial: boolean;
  indemnity: number;
  total: number;
}

export function claimAmounts(
  claim: Claim,
  today: CalendarDate,
  settings: RecoverySettings,
): ClaimAmounts {
  const penalties = claimPenalties(claim, today, settings.rates);
  const indemnity = recoveryIndemnity(claim, today);
  const owed = outstanding(claim);
  return {
    outstanding: owed,
    penalties: penalties.amount,
    penaltiesOfficial: penalties.official,
    indemnity,
    total: roundToCent(owed + penalties.amount + indemnity),
  };
}
