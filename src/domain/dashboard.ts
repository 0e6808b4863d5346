// The manager's picture of the receivables: how much is owed, how late, by whom, and is it
// getting better. One function computes every figure, so that « Tableau de bord », the
// sidebar's « Vue d'ensemble », the Monday digest and `npm start` never disagree.
// How each figure is computed: docs/tableau-de-bord.md.
import {
  addDays,
  type CalendarDate,
  calendarDate,
  daysBetween,
  monthOf,
  yearOf,
} from "./calendar-date";
import { type Claim, debtorOf, isPaid, outstanding } from "./claim";
import { type JournalEntry, type RecordedPayment, recordedPayments } from "./journal";
import { type LadderSettings, stepLabel } from "./ladder";
import { debtorsOf } from "./ledger";
import { roundToCent } from "./money";
import { nextStep } from "./next-step";
import { type ClaimStatus, claimStatus } from "./status";

/** Days past due: non échu, 1–30, 31–60, 61–90, more than 90. */
export const AGEING_BUCKETS = [
  "Non échu",
  "1 à 30 j",
  "31 à 60 j",
  "61 à 90 j",
  "Plus de 90 j",
] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
/** Five amounts, one per bucket, in the order above. */
export type Ageing = [number, number, number, number, number];

/** The statuses a manager follows, in the ladder's order (labels of the domain's status). */
export const FOLLOWED_STATUSES = [
  "Relancée",
  "Mise en demeure",
  "Transmise",
  "Litige",
  "Procédure collective",
  "Prescrite",
] as const;

/** The window of the DSO (days sales outstanding). */
export const DSO_WINDOW_DAYS = 90;
export const TOP_DEBTORS = 10;

export interface DebtorAgeing {
  client: string;
  ageing: Ageing;
  /** Everything the debtor still owes. */
  outstanding: number;
  /** Of which past due. */
  pastDue: number;
  openInvoices: number;
}

export interface TopDebtor extends DebtorAgeing {
  /** « Mise en demeure le 27/11/2026 », or why nothing is planned. */
  nextStep: string;
  /** The next step's date (yyyy-mm-dd), "" when none. */
  nextStepDate: string;
}

export interface DsoPoint {
  /** The day the DSO is taken at. */
  date: CalendarDate;
  /** Open receivables on that day (payments dated after it not yet received). */
  openBalance: number;
  /** TTC invoiced over the 90 days up to that day. */
  invoiced: number;
  /** Days, rounded to one decimal; undefined when nothing was invoiced in the window. */
  days: number | undefined;
}

export interface Dashboard {
  today: CalendarDate;
  /** Encours: what the open invoices still owe. */
  outstanding: number;
  /** Dont échu. */
  pastDue: number;
  openInvoices: number;
  debtors: number;
  /** Per debtor, largest balance first; and the total. */
  ageing: DebtorAgeing[];
  ageingTotal: Ageing;
  /** Today, 30 and 60 days ago. */
  dso: { today: DsoPoint; days30Ago: DsoPoint; days60Ago: DsoPoint };
  recovered: { thisMonth: number; lastMonth: number };
  byStatus: { status: (typeof FOLLOWED_STATUSES)[number]; amount: number; invoices: number }[];
  /** The 10 largest past-due balances, with the step that comes next. */
  topPastDue: TopDebtor[];
}

export function ageingBucket(daysPastDue: number): 0 | 1 | 2 | 3 | 4 {
  if (daysPastDue <= 0) return 0;
  if (daysPastDue <= 30) return 1;
  if (daysPastDue <= 60) return 2;
  if (daysPastDue <= 90) return 3;
  return 4;
}

const zeroAgeing = (): Ageing => [0, 0, 0, 0, 0];

/** The day a payment typed into « Montant payé » without a Journal line was received, for
 * the balances of past days: its due date (or today when the due date is still ahead) — as
 * if paid on time, so a past balance is never overstated and no improvement is shown that
 * did not happen. */
function unknownPaymentDate(claim: Claim, today: CalendarDate): CalendarDate {
  return claim.dueDate < today ? claim.dueDate : today;
}

/** What the claim still owed at the end of `day`, from the payments dated on or before it. */
export function outstandingOn(
  claim: Claim,
  payments: readonly RecordedPayment[],
  day: CalendarDate,
  today: CalendarDate,
): number {
  if (claim.invoiceDate > day) return 0;
  const recorded = roundToCent(payments.reduce((s, p) => s + p.amount, 0));
  // The ledger's « Montant payé » is the truth today; what the Journal does not explain
  // was paid on an unknown day.
  const unknown = Math.max(0, roundToCent(claim.paid - recorded));
  let paidBy = payments.filter((p) => p.date <= day).reduce((s, p) => s + p.amount, 0);
  if (unknown > 0 && unknownPaymentDate(claim, today) <= day) paidBy += unknown;
  return Math.max(0, roundToCent(claim.amount - Math.min(paidBy, claim.paid)));
}

function dsoAt(
  claims: readonly Claim[],
  paymentsOf: (invoice: string) => RecordedPayment[],
  day: CalendarDate,
  today: CalendarDate,
): DsoPoint {
  const from = addDays(day, -DSO_WINDOW_DAYS);
  let openBalance = 0;
  let invoiced = 0;
  for (const c of claims) {
    openBalance += outstandingOn(c, paymentsOf(c.invoiceNumber), day, today);
    if (c.invoiceDate > from && c.invoiceDate <= day) invoiced += c.amount;
  }
  openBalance = roundToCent(openBalance);
  invoiced = roundToCent(invoiced);
  const days =
    invoiced > 0 ? Math.round((openBalance / invoiced) * DSO_WINDOW_DAYS * 10) / 10 : undefined;
  return { date: day, openBalance, invoiced, days };
}

function monthStart(year: number, month: number): CalendarDate {
  return calendarDate(year, month, 1) as CalendarDate;
}

/** Every figure of the dashboard, from the ledger's claims (first occurrence of each
 * N° facture), the Journal (its recorded payments) and the ladder, on `today`. */
export function computeDashboard(
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  ladder: LadderSettings,
): Dashboard {
  const payments = recordedPayments(journal);
  const paymentsByInvoice = new Map<string, RecordedPayment[]>();
  for (const p of payments) {
    const list = paymentsByInvoice.get(p.invoice) ?? [];
    list.push(p);
    paymentsByInvoice.set(p.invoice, list);
  }
  const paymentsOf = (invoice: string) => paymentsByInvoice.get(invoice) ?? [];

  const open = claims.filter((c) => !isPaid(c));
  // Each debtor as the sidebar names it (a name and its addresses, debtorsOf): two
  // « Durand » at two addresses are two rows, each one click from its own dossier.
  const labelOf = new Map(
    debtorsOf(claims).flatMap((d) => d.claims.map((c) => [c.invoiceNumber, d.label] as const)),
  );
  const byDebtor = new Map<string, { row: DebtorAgeing; claims: Claim[] }>();
  const ageingTotal = zeroAgeing();
  const byStatus = new Map<ClaimStatus | string, { amount: number; invoices: number }>();
  for (const c of open) {
    const owed = outstanding(c);
    const bucket = ageingBucket(daysBetween(c.dueDate, today));
    const key = debtorOf(c);
    let entry = byDebtor.get(key);
    if (!entry) {
      entry = {
        row: {
          client: labelOf.get(c.invoiceNumber) ?? c.client,
          ageing: zeroAgeing(),
          outstanding: 0,
          pastDue: 0,
          openInvoices: 0,
        },
        claims: [],
      };
      byDebtor.set(key, entry);
    }
    entry.claims.push(c);
    entry.row.ageing[bucket] += owed;
    entry.row.outstanding += owed;
    if (bucket > 0) entry.row.pastDue += owed;
    entry.row.openInvoices += 1;
    ageingTotal[bucket] += owed;
    const status = claimStatus(c, today);
    const s = byStatus.get(status) ?? { amount: 0, invoices: 0 };
    s.amount += owed;
    s.invoices += 1;
    byStatus.set(status, s);
  }

  const rows = [...byDebtor.values()];
  for (const { row } of rows) {
    row.ageing = row.ageing.map(roundToCent) as Ageing;
    row.outstanding = roundToCent(row.outstanding);
    row.pastDue = roundToCent(row.pastDue);
  }
  const ageing = rows
    .map((r) => r.row)
    .sort((a, b) => b.outstanding - a.outstanding || a.client.localeCompare(b.client, "fr"));
  const total = roundToCent(ageingTotal.reduce((s, x) => s + x, 0));

  const topPastDue = rows
    .filter((r) => r.row.pastDue > 0)
    .sort((a, b) => b.row.pastDue - a.row.pastDue || a.row.client.localeCompare(b.row.client, "fr"))
    .slice(0, TOP_DEBTORS)
    .map(({ row, claims: own }) => ({ ...row, ...debtorNextStep(own, today, ladder) }));

  const thisMonth = monthStart(yearOf(today), monthOf(today));
  const lastMonth = addDays(thisMonth, -1);
  const lastMonthStart = monthStart(yearOf(lastMonth), monthOf(lastMonth));
  const recoveredBetween = (from: CalendarDate, to: CalendarDate) =>
    roundToCent(
      payments.filter((p) => p.date >= from && p.date <= to).reduce((s, p) => s + p.amount, 0),
    );

  return {
    today,
    outstanding: total,
    pastDue: roundToCent(total - (ageingTotal[0] ?? 0)),
    openInvoices: open.length,
    debtors: byDebtor.size,
    ageing,
    ageingTotal: ageingTotal.map(roundToCent) as Ageing,
    dso: {
      today: dsoAt(claims, paymentsOf, today, today),
      days30Ago: dsoAt(claims, paymentsOf, addDays(today, -30), today),
      days60Ago: dsoAt(claims, paymentsOf, addDays(today, -60), today),
    },
    recovered: {
      thisMonth: recoveredBetween(thisMonth, today),
      lastMonth: recoveredBetween(lastMonthStart, lastMonth),
    },
    byStatus: FOLLOWED_STATUSES.map((status) => {
      const s = byStatus.get(status);
      return { status, amount: roundToCent(s?.amount ?? 0), invoices: s?.invoices ?? 0 };
    }),
    topPastDue,
  };
}

/** The debtor's next step: the earliest of its open claims' (the domain's next-step rule),
 * the most advanced on the same day; otherwise the status that stops the ladder. */
function debtorNextStep(
  claims: readonly Claim[],
  today: CalendarDate,
  ladder: LadderSettings,
): { nextStep: string; nextStepDate: string } {
  let best: { step: number; date: CalendarDate } | undefined;
  for (const c of claims) {
    const next = nextStep(c, today, ladder);
    if (!next) continue;
    if (!best || next.date < best.date || (next.date === best.date && next.step > best.step))
      best = next;
  }
  if (best) {
    return {
      nextStep: stepLabel(best.step as 1 | 2 | 3 | 4),
      nextStepDate: best.date,
    };
  }
  const statuses = [...new Set(claims.map((c) => claimStatus(c, today)))];
  return { nextStep: `— (${statuses.join(", ")})`, nextStepDate: "" };
}
