// A bank statement as French banks export it (CSV, ';', dates jj/mm/aaaa, amounts
// « 1 234,56 » — or a Débit and a Crédit column), its credit lines matched to open invoices:
// by an invoice number in the label, else by the exact amount owed and the client's name.
// Nothing is guessed: a line that matches neither way, or more than one debtor, is listed
// unmatched. Pure: the user reviews the proposal before anything is recorded.
import type { CalendarDate } from "./calendar-date";
import { parseDateCell } from "./cells";
import { type Claim, debtorKey, isPaid, outstanding } from "./claim";
import type { RecordedPayment } from "./journal";
import { formatEuros, parseAmountText, roundToCent } from "./money";
import { type Allocation, allocatePayment, applyAllocations, oldestFirst } from "./payments";
import { normalizeKey } from "./text";

export interface StatementLine {
  /** 1-based line of the file. */
  line: number;
  date: CalendarDate;
  label: string;
  /** Positive: money received. */
  amount: number;
}

export interface ParsedStatement {
  credits: StatementLine[];
  /** Debits are not payments: counted, not listed. */
  debits: number;
  /** Lines that could not be read, in French. */
  problems: string[];
}

/** Fields of a ';' (or ',' / tab) separated text; quotes as RFC 4180. */
export function csvRows(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => first.split(c).length - 1;
  const separator =
    count(";") >= count("\t") && count(";") >= count(",")
      ? ";"
      : count("\t") > count(",")
        ? "\t"
        : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (quoted) {
      if (ch === '"' && body.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body.charAt(i + 1) === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Columns {
  date: number;
  label: number;
  amount?: number;
  debit?: number;
  credit?: number;
}

/** The header row banks write above the lines (after a few lines about the account). */
function findColumns(cells: readonly string[]): Columns | undefined {
  const keys = cells.map((c) => normalizeKey(c));
  const find = (test: (k: string) => boolean) => {
    const i = keys.findIndex(test);
    return i < 0 ? undefined : i;
  };
  const date = find((k) => k.startsWith("date"));
  const label = find((k) => k.startsWith("libelle") || k === "intitule" || k.startsWith("detail"));
  const amount = find((k) => k.startsWith("montant"));
  const debit = find((k) => k.startsWith("debit"));
  const credit = find((k) => k.startsWith("credit"));
  if (date === undefined || label === undefined) return undefined;
  if (amount === undefined && credit === undefined) return undefined;
  return { date, label, amount, debit, credit };
}

const DEFAULT_COLUMNS: Columns = { date: 0, label: 1, amount: 2 };

function amountOf(cells: readonly string[], columns: Columns): number | undefined {
  const read = (i: number | undefined) => {
    const text = i === undefined ? "" : (cells[i] ?? "").trim();
    return text === "" ? undefined : parseAmountText(text);
  };
  if (columns.amount !== undefined) return read(columns.amount);
  const credit = read(columns.credit);
  if (credit !== undefined && credit !== 0) return Math.abs(credit);
  const debit = read(columns.debit);
  return debit === undefined ? undefined : -Math.abs(debit);
}

/** The statement's lines: the header row is looked for (Date, Libellé, Montant — or Débit and
 * Crédit); without one, the columns are date ; libellé ; montant. */
export function parseStatement(text: string): ParsedStatement {
  const rows = csvRows(text);
  const credits: StatementLine[] = [];
  const problems: string[] = [];
  let debits = 0;
  let columns: Columns | undefined;
  rows.forEach((cells, index) => {
    const line = index + 1;
    if (cells.every((c) => c.trim() === "")) return;
    const header = findColumns(cells);
    if (header) {
      columns = header;
      return;
    }
    const cols = columns ?? DEFAULT_COLUMNS;
    const dateText = (cells[cols.date] ?? "").trim();
    const date = parseDateCell(dateText);
    if (!date) {
      // The account's own lines above the header (« Compte courant … ») are not errors.
      if (columns !== undefined || /^\d/.test(dateText))
        problems.push(`Ligne ${line} : « ${dateText} » n'est pas une date (jj/mm/aaaa).`);
      return;
    }
    const amount = amountOf(cells, cols);
    if (amount === undefined) {
      problems.push(`Ligne ${line} : montant illisible.`);
      return;
    }
    if (amount <= 0) {
      debits += 1;
      return;
    }
    const label = (cells[cols.label] ?? "").replace(/\s+/g, " ").trim();
    credits.push({ line, date, label, amount: roundToCent(amount) });
  });
  if (credits.length === 0 && problems.length === 0 && debits === 0)
    problems.push(
      "Aucune ligne lue : le fichier doit avoir une date, un libellé et un montant par ligne.",
    );
  return { credits, debits, problems };
}

export type MatchKind = "invoice" | "amount";

export interface StatementMatch {
  line: StatementLine;
  client: string;
  kind: MatchKind;
  allocations: Allocation[];
}

export interface StatementUnmatched {
  line: StatementLine;
  reason: string;
}

export interface StatementProposal {
  matched: StatementMatch[];
  unmatched: StatementUnmatched[];
}

/** Letters and digits only, upper case, accents dropped: « F-2026/001 » → « F2026001 ». */
function compact(text: string): string {
  return normalizeKey(text).toUpperCase();
}

/** The invoice number stands in the label as a whole: not inside a longer number. */
export function labelNamesInvoice(label: string, invoice: string): boolean {
  const needle = compact(invoice);
  if (needle === "") return false;
  const hay = compact(label);
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const before = hay.charAt(at - 1);
    const after = hay.charAt(at + needle.length);
    const digitEdge = (c: string, edge: string) => /\d/.test(c) && /\d/.test(edge);
    if (!digitEdge(before, needle.charAt(0)) && !digitEdge(after, needle.charAt(needle.length - 1)))
      return true;
    at = hay.indexOf(needle, at + 1);
  }
  return false;
}

const LEGAL_FORMS = new Set([
  "sarl",
  "sas",
  "sasu",
  "eurl",
  "sa",
  "sci",
  "snc",
  "ei",
  "scop",
  "et",
  "de",
  "la",
  "le",
  "les",
  "des",
  "du",
]);

/** Every significant word of the client's name is in the label (banks shorten and reorder). */
export function labelNamesClient(label: string, client: string): boolean {
  const hay = ` ${label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")} `;
  const words = client
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !LEGAL_FORMS.has(w));
  return words.length > 0 && words.every((w) => hay.includes(` ${w} `));
}

/** Each credit line matched to open invoices, in the statement's order: the claims are
 * updated as lines are matched, so two lines never pay the same euro twice. */
export function matchStatement(
  credits: readonly StatementLine[],
  ledger: readonly Claim[],
  recorded: readonly RecordedPayment[] = [],
): StatementProposal {
  let claims = [...ledger];
  const matched: StatementMatch[] = [];
  const unmatched: StatementUnmatched[] = [];
  for (const line of credits) {
    // The same statement imported twice: its lines are in the Journal already.
    const already = recorded.filter((p) => p.date === line.date && p.bankLabel === line.label);
    if (
      already.length > 0 &&
      roundToCent(already.reduce((s, p) => s + p.amount, 0)) === line.amount
    ) {
      unmatched.push({ line, reason: "Déjà enregistrée (voir le Journal)." });
      continue;
    }
    const open = claims.filter((c) => !isPaid(c));
    const named = open.filter((c) => labelNamesInvoice(line.label, c.invoiceNumber));
    let chosen: Claim[] = [];
    let kind: MatchKind = "invoice";
    if (named.length > 0) {
      const debtors = new Set(named.map((c) => debtorKey(c.client)));
      if (debtors.size > 1) {
        unmatched.push({ line, reason: "Le libellé cite des factures de plusieurs clients." });
        continue;
      }
      chosen = named;
    } else {
      kind = "amount";
      const byName = open.filter((c) => labelNamesClient(line.label, c.client));
      const debtors = new Map<string, Claim[]>();
      for (const c of byName)
        debtors.set(debtorKey(c.client), [...(debtors.get(debtorKey(c.client)) ?? []), c]);
      const candidates = [...debtors.values()].flatMap((own) => {
        const exact = own.filter((c) => outstanding(c) === line.amount);
        // Two invoices owing the same sum: the oldest, as a payment without designation goes.
        if (exact.length > 0) return [oldestFirst(exact).slice(0, 1)];
        const total = roundToCent(own.reduce((s, c) => s + outstanding(c), 0));
        return total === line.amount ? [own] : [];
      });
      const paidNamed = claims.find(
        (c) => isPaid(c) && labelNamesInvoice(line.label, c.invoiceNumber),
      );
      if (candidates.length !== 1) {
        unmatched.push({
          line,
          reason:
            candidates.length > 1
              ? "Plusieurs clients possibles : à saisir dans leur dossier."
              : paidNamed
                ? `La facture ${paidNamed.invoiceNumber} est déjà soldée.`
                : byName.length > 0
                  ? "Le client est reconnu, mais le montant ne correspond à aucune facture : à saisir dans son dossier."
                  : "Aucun numéro de facture ni client reconnu dans le libellé.",
        });
        continue;
      }
      chosen = candidates[0] as Claim[];
    }
    const { allocations, unallocated } = allocatePayment(chosen, line.amount, line.date);
    if (unallocated > 0) {
      unmatched.push({
        line,
        reason: `Le montant dépasse de ${formatEuros(unallocated)} ce que doivent les factures trouvées : à saisir dans le dossier du client.`,
      });
      continue;
    }
    claims = applyAllocations(claims, allocations);
    matched.push({ line, client: chosen[0]?.client ?? "", kind, allocations });
  }
  return { matched, unmatched };
}
