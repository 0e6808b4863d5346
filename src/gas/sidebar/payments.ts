// « Vue d'ensemble », « Paiement reçu » and the bank-statement import: read in bulk, let the
// domain allocate and match, write « Montant payé » (and « Date reconnaissance » with its
// note for a partial payment) by N° facture, journal one line per invoice paid.

import {
  matchStatement,
  parseStatement,
  type StatementProposal,
} from "../../domain/bank-statement";
import { type CalendarDate, parseIsoDate } from "../../domain/calendar-date";
import { isPaid } from "../../domain/claim";
import { recordedPayments } from "../../domain/journal";
import { ledgerClaims, requireDebtor, selectInvoices } from "../../domain/ledger";
import { formatEuros } from "../../domain/money";
import {
  applyAllocations,
  type PaymentEffects,
  type PaymentReceived,
  paymentEffects,
  paymentProblem,
} from "../../domain/payments";
import { Refusal } from "../../domain/refusal";
import type {
  ApiParsed,
  Overview,
  PaymentRecorded,
  StatementRecorded,
  StatementReview,
} from "../../sidebar-contract";
import { dossierView } from "../../views/dossier";
import { sidebarUser } from "../actor";
import { dashboardOf, writeDashboard } from "../dashboard-sheet";
import { appendJournal } from "../journal-sheet";
import { firstRowOf, HEADER_ROW, invoicesNow, type LedgerRead } from "../ledger-sheet";
import { writeLedgerChanges } from "../ledger-updates";
import { underLock } from "../lock";
import type { SheetDates } from "../sheet-dates";
import { readSources, type ShellSource } from "./read";

export function getOverview(request: ApiParsed<"apiOverview">): Overview {
  const src = readSources();
  const board = dashboardOf(src);
  if (request.refreshSheet) underLock(() => writeDashboard(board, src.dates));
  return { ...board, sheetRefreshed: request.refreshSheet === true };
}

/** The note on « Date reconnaissance » of each partly paid invoice, found by N° facture. */
function writeNotes(read: LedgerRead, notes: PaymentEffects["notes"], dates: SheetDates): void {
  const key = read.columns.invoiceNumber;
  const column = read.columns.acknowledgedOn;
  const height = read.sheet.getLastRow() - HEADER_ROW;
  if (notes.length === 0 || key === undefined || column === undefined || height <= 0) return;
  const rowOf = firstRowOf(invoicesNow(read.sheet, key, height, dates));
  for (const note of notes) {
    const i = rowOf.get(note.invoice);
    if (i !== undefined) read.sheet.getRange(HEADER_ROW + 1 + i, column + 1).setNote(note.text);
  }
}

/** Writes one payment's effects: the ledger first (nothing journaled for a ledger that
 * cannot take it), then the Journal. */
function record(src: ShellSource, effects: PaymentEffects): void {
  writeLedgerChanges(src.ledger, effects.changes, src.dates);
  writeNotes(src.ledger, effects.notes, src.dates);
  appendJournal(effects.journal, new Date());
}

function summary(effects: PaymentEffects): string {
  return effects.allocation.allocations
    .map(
      (a) =>
        `${a.invoice} : ${formatEuros(a.amount)}${a.settled ? " (soldée)" : " (paiement partiel, Date reconnaissance mise à jour)"}`,
    )
    .join(" ; ");
}

export function recordPayment(request: ApiParsed<"apiRecordPayment">): PaymentRecorded {
  return underLock(() => {
    const src = readSources();
    const own = requireDebtor(src.lines, request.client);
    const chosen = request.invoices ? selectInvoices(own, request.invoices) : own;
    const payment: PaymentReceived = {
      client: own[0]?.client ?? request.client,
      date: parseIsoDate(request.date) as CalendarDate,
      amount: request.amount,
      means: request.means,
    };
    const problem = paymentProblem(payment, chosen, src.today);
    if (problem) throw new Refusal(problem);
    const effects = paymentEffects(payment, chosen, sidebarUser());
    record(src, effects);
    return {
      message: `Paiement de ${formatEuros(payment.amount)} enregistré — ${summary(effects)}.`,
      dossier: dossierView(readSources(), request.client),
    };
  });
}

function reviewOf(
  proposal: StatementProposal,
  debits: number,
  problems: string[],
): StatementReview {
  const view = (l: StatementProposal["matched"][number]["line"]) => ({
    line: l.line,
    date: l.date,
    label: l.label,
    amount: l.amount,
  });
  return {
    matched: proposal.matched.map((m) => ({
      ...view(m.line),
      client: m.client,
      kind: m.kind,
      allocations: m.allocations.map((a) => ({
        invoice: a.invoice,
        amount: a.amount,
        settled: a.settled,
      })),
    })),
    unmatched: proposal.unmatched.map((u) => ({ ...view(u.line), reason: u.reason })),
    debits,
    problems,
  };
}

function proposalOf(src: ShellSource, text: string) {
  const statement = parseStatement(text);
  const proposal = matchStatement(
    statement.credits,
    ledgerClaims(src.lines),
    recordedPayments(src.journal),
  );
  return { statement, proposal };
}

/** What the statement's lines would pay: nothing is written. */
export function previewStatement(request: ApiParsed<"apiPreviewStatement">): StatementReview {
  const src = readSources();
  const { statement, proposal } = proposalOf(src, request.text);
  return reviewOf(proposal, statement.debits, statement.problems);
}

/** Records the lines the user confirmed, matched again against the ledger as it is now
 * (a payment typed meanwhile is not paid twice). */
export function recordStatement(request: ApiParsed<"apiRecordStatement">): StatementRecorded {
  return underLock(() => {
    const src = readSources();
    const { proposal } = proposalOf(src, request.text);
    const wanted = new Set(request.lines);
    const confirmed = proposal.matched.filter((m) => wanted.has(m.line.line));
    const lost = request.lines.filter((n) => !confirmed.some((m) => m.line.line === n));
    if (lost.length > 0)
      throw new Refusal(
        `Ligne${lost.length > 1 ? "s" : ""} ${lost.join(", ")} : plus rien à y rapprocher (déjà enregistrée ou facture soldée depuis l'aperçu). Rechargez le relevé.`,
      );
    let claims = ledgerClaims(src.lines);
    const by = sidebarUser();
    let recorded = 0;
    for (const m of confirmed) {
      const invoices = new Set(m.allocations.map((a) => a.invoice));
      const chosen = claims.filter((c) => invoices.has(c.invoiceNumber) && !isPaid(c));
      const effects = paymentEffects(
        {
          client: m.client,
          date: m.line.date,
          amount: m.line.amount,
          means: "Virement",
          bankLabel: m.line.label,
        },
        chosen,
        by,
      );
      record(src, effects);
      claims = applyAllocations(claims, effects.allocation.allocations);
      recorded += m.line.amount;
    }
    const after = readSources();
    const { statement, proposal: rest } = proposalOf(after, request.text);
    return {
      message: `${confirmed.length} paiement${confirmed.length > 1 ? "s" : ""} enregistré${confirmed.length > 1 ? "s" : ""} (${formatEuros(recorded)}).`,
      review: reviewOf(rest, statement.debits, statement.problems),
    };
  });
}
