// A claim (créance): one invoice of the ledger, parsed and typed.
import { type CalendarDate, daysBetween } from "./calendar-date";
import type { ClientType, Profile, StepNumber } from "./ladder";
import { outstandingAmount } from "./money";
import { normalizeKey } from "./text";

export interface Claim {
  invoiceNumber: string;
  client: string;
  /** One or more addresses, ", "-separated; undefined when blank. */
  email?: string;
  /** Blank Type reads as Particulier (no fee ever claimed from a possible consumer). */
  clientType: ClientType;
  /** Type was blank: shown to the user as « Type non renseigné ». */
  clientTypeDefaulted: boolean;
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  /** Échéance was blank: Date facture + 30 days (L441-10 I) stands in. */
  dueDateDefaulted: boolean;
  /** Montant TTC, euros, > 0. */
  amount: number;
  /** Montant payé, euros, ≥ 0. */
  paid: number;
  profile: Profile;
  disputed: boolean;
  suspendedUntil?: CalendarDate;
  lastStep?: StepNumber;
  lastStepDate?: CalendarDate;
  /** Signed acknowledgment or partial payment: restarts prescription. */
  acknowledgedOn?: CalendarDate;
  /** Date of the judgment opening a sauvegarde, redressement or liquidation judiciaire. */
  insolvencyJudgment?: CalendarDate;
  /** The debtor's postal address, lines separated by "\n". */
  address?: string;
  /** The debtor's SIREN, 9 digits. */
  siren?: string;
}

/** Paid iff Montant payé ≥ Montant TTC (an overpaid invoice is paid). */
export function isPaid(claim: Claim): boolean {
  return claim.paid >= claim.amount;
}

export function outstanding(claim: Claim): number {
  return outstandingAmount(claim.amount, claim.paid);
}

/** Échue iff today is after the due date (on the due date itself it is not yet late). */
export function isOverdue(claim: Claim, today: CalendarDate): boolean {
  return today > claim.dueDate;
}

/** Past this many days after Échéance an invoice is very late: no message may suggest a
 * « simple oubli » any more (a courtesy tone would misstate the situation). */
export const VERY_LATE_DAYS = 30;

/** Very late iff today is more than VERY_LATE_DAYS after the due date. */
export function isVeryLate(claim: Pick<Claim, "dueDate">, today: CalendarDate): boolean {
  return daysBetween(claim.dueDate, today) > VERY_LATE_DAYS;
}

/** Suspended iff today ≤ Suspendu jusqu'au. */
export function isSuspended(claim: Claim, today: CalendarDate): boolean {
  return claim.suspendedUntil !== undefined && today <= claim.suspendedUntil;
}

export function isProfessional(claim: Claim): boolean {
  return claim.clientType === "Professionnel";
}

/** Invoices of one debtor are grouped by the debtor's name, spelling aside. */
export function debtorKey(client: string): string {
  return normalizeKey(client);
}
