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

/** A client's name, spelling aside (case, accents, spaces, punctuation): half of who a
 * debtor is, the other half being its address (debtorOf). */
export function debtorKey(client: string): string {
  return normalizeKey(client);
}

/** The addresses of an « Email » cell as a mail server compares them: lower case, sorted,
 * each once. */
export function addressesOf(email: string | undefined): string[] {
  if (email === undefined) return [];
  const all = email
    .split(/[,;]/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== "");
  return [...new Set(all)].sort();
}

/** Who a debtor is: a name (spelling aside) AND its addresses. « Dupont » the consumer at
 * jean.dupont@… and « DUPONT » the company at compta@dupont-sa… are two debtors, never in
 * one message; so are two rows of one name, one with an address and one without. */
export function debtorOf(claim: Pick<Claim, "client" | "email">): string {
  return `${debtorKey(claim.client)}|${addressesOf(claim.email).join(",")}`;
}

/** True when two debtors share an address: one contact a day between them. */
export function shareAnAddress(a: string | undefined, b: string | undefined): boolean {
  const mine = addressesOf(a);
  return addressesOf(b).some((x) => mine.includes(x));
}
