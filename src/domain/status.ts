// The status of a claim: the first that applies, in this order (docs/ladder.md, « Les statuts »).
import type { CalendarDate } from "./calendar-date";
import { type Claim, isOverdue, isPaid, isSuspended } from "./claim";
import { isUnderInsolvency } from "./insolvency";
import { isPrescribed } from "./prescription";

export const CLAIM_STATUSES = [
  "Soldée",
  "Litige",
  "Procédure collective",
  "Prescrite",
  "Suspendue",
  "Transmise",
  "Mise en demeure",
  "Relancée",
  "Échue",
  "Non échue",
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export function claimStatus(claim: Claim, today: CalendarDate): ClaimStatus {
  if (isPaid(claim)) return "Soldée";
  if (claim.disputed) return "Litige";
  if (isUnderInsolvency(claim)) return "Procédure collective";
  if (isPrescribed(claim, today)) return "Prescrite";
  if (isSuspended(claim, today)) return "Suspendue";
  if (claim.lastStep === 4) return "Transmise";
  if (claim.lastStep === 3) return "Mise en demeure";
  if (claim.lastStep !== undefined) return "Relancée";
  if (isOverdue(claim, today)) return "Échue";
  return "Non échue";
}
