// A payment received, spread over a debtor's open invoices: the oldest first (what the
// Code civil does when the debtor does not say which debt he pays, art. 1342-10), or the
// invoices the user ticked. Pure: the shell writes « Montant payé », « Date reconnaissance »
// and the Journal from what this returns.
import { type CalendarDate, formatFrenchDate, maxDate } from "./calendar-date";
import { type Claim, isPaid, outstanding } from "./claim";
import type { LedgerChange } from "./exchange";
import {
  type JournalEntry,
  PAYMENT_OUTCOMES,
  PAYMENT_STEP,
  type PaymentMeans,
  paymentSubject,
} from "./journal";
import { formatEuros, roundToCent } from "./money";

export interface Allocation {
  invoice: string;
  client: string;
  /** What this payment pays on the invoice. */
  amount: number;
  /** « Montant payé » once the payment is added. */
  paidAfter: number;
  /** The invoice is now paid in full: every step stops. */
  settled: boolean;
  /** A partial payment acknowledges the debt (C. civ. 2240): « Date reconnaissance » becomes
   * the payment's date, unless a later one is already there. */
  acknowledgedOn?: CalendarDate;
}

export interface PaymentAllocation {
  allocations: Allocation[];
  /** What is left once every chosen invoice is paid: an overpayment, never spread silently. */
  unallocated: number;
}

/** Oldest first: due date, then invoice date, then the ledger's order. */
export function oldestFirst(claims: readonly Claim[]): Claim[] {
  return claims
    .map((claim, index) => ({ claim, index }))
    .sort(
      (a, b) =>
        a.claim.dueDate.localeCompare(b.claim.dueDate) ||
        a.claim.invoiceDate.localeCompare(b.claim.invoiceDate) ||
        a.index - b.index,
    )
    .map((x) => x.claim);
}

/** Spreads `amount` received on `date` over the open claims given (the debtor's, or the
 * ones ticked), oldest first. */
export function allocatePayment(
  claims: readonly Claim[],
  amount: number,
  date: CalendarDate,
): PaymentAllocation {
  let left = roundToCent(amount);
  const allocations: Allocation[] = [];
  for (const claim of oldestFirst(claims.filter((c) => !isPaid(c)))) {
    if (left <= 0) break;
    const share = Math.min(left, outstanding(claim));
    left = roundToCent(left - share);
    const paidAfter = roundToCent(claim.paid + share);
    const settled = paidAfter >= claim.amount;
    allocations.push({
      invoice: claim.invoiceNumber,
      client: claim.client,
      amount: share,
      paidAfter,
      settled,
      ...(settled ? {} : { acknowledgedOn: maxDate(date, claim.acknowledgedOn) }),
    });
  }
  return { allocations, unallocated: left };
}

/** The claims as they stand once the allocations are recorded (for what comes next in the
 * same batch: two lines of a statement paying the same invoice). */
export function applyAllocations(
  claims: readonly Claim[],
  allocations: readonly Allocation[],
): Claim[] {
  const byInvoice = new Map(allocations.map((a) => [a.invoice, a]));
  return claims.map((c) => {
    const a = byInvoice.get(c.invoiceNumber);
    if (!a) return c;
    return {
      ...c,
      paid: a.paidAfter,
      ...(a.acknowledgedOn ? { acknowledgedOn: a.acknowledgedOn } : {}),
    };
  });
}

export interface PaymentReceived {
  client: string;
  date: CalendarDate;
  amount: number;
  means: PaymentMeans;
  /** The bank statement's label, when imported. */
  bankLabel?: string;
}

export interface PaymentEffects {
  allocation: PaymentAllocation;
  /** One line per invoice paid (in whole or part). */
  journal: JournalEntry[];
  /** « Montant payé », and « Date reconnaissance » for a partial payment. */
  changes: LedgerChange[];
  /** The note set on « Date reconnaissance » of each partly paid invoice. */
  notes: { invoice: string; text: string }[];
}

/** Why a payment cannot be recorded as given, or undefined. */
export function paymentProblem(
  payment: PaymentReceived,
  open: readonly Claim[],
  today: CalendarDate,
): string | undefined {
  if (payment.date > today) return "La date du paiement ne peut pas être dans le futur.";
  if (!(payment.amount > 0)) return "Le montant reçu doit être supérieur à 0.";
  const owed = roundToCent(open.filter((c) => !isPaid(c)).reduce((s, c) => s + outstanding(c), 0));
  if (owed === 0) return "Les factures choisies sont déjà soldées.";
  if (roundToCent(payment.amount) > owed)
    return `Le paiement (${formatEuros(payment.amount)}) dépasse ce que doivent les factures choisies (${formatEuros(owed)}) : cochez d'autres factures ou corrigez le montant.`;
  return undefined;
}

/** The Journal lines, ledger changes and notes of a payment spread over `claims` (the
 * debtor's open invoices, or those ticked). */
export function paymentEffects(
  payment: PaymentReceived,
  claims: readonly Claim[],
  by: string,
): PaymentEffects {
  const allocation = allocatePayment(claims, payment.amount, payment.date);
  const journal: JournalEntry[] = allocation.allocations.map((a) => ({
    at: payment.date,
    invoices: [a.invoice],
    client: a.client,
    step: PAYMENT_STEP,
    channel: payment.means,
    recipient: "",
    subject: paymentSubject(payment.date, a.amount, payment.bankLabel),
    outcome: a.settled ? PAYMENT_OUTCOMES.settled : PAYMENT_OUTCOMES.partial,
    document: "",
    by,
  }));
  const changes: LedgerChange[] = allocation.allocations.map((a) => ({
    invoice: a.invoice,
    paid: a.paidAfter,
    ...(a.acknowledgedOn ? { acknowledgedOn: a.acknowledgedOn } : {}),
  }));
  const notes = allocation.allocations
    .filter((a) => a.acknowledgedOn === payment.date)
    .map((a) => ({
      invoice: a.invoice,
      text: `Paiement partiel de ${formatEuros(a.amount)} reçu le ${formatFrenchDate(payment.date)} : il vaut reconnaissance de dette, la prescription repart de cette date (C. civ. 2240).`,
    }));
  return { allocation, journal, changes, notes };
}
