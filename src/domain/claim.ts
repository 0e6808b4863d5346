// A claim (créance): one invoice of the ledger, parsed and typed.
import type { CalendarDate } from "./calendar-date";
import type { ClientType, Profile, StepNumber } from "./ladder";
import { outstandingAmount } from "./money";
import { normalizeKey } from "./text";

export interface Claim {
  invoiceNumber: string;
  client: string;
  /** One or more addresses, ", "-separated; undefined when blank. */
  email?: string;
  clientType: ClientType;
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
