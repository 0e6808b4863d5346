// A whole range of ledger rows, read against its header row.
import type { Cell } from "./cells";
import { type Claim, debtorKey, debtorOf } from "./claim";
import { CANONICAL_COLUMNS, type ColumnMap, columnsOfHeaderRow } from "./headers";
import { type RowReading, readLedgerRow } from "./ledger-row";
import { Refusal } from "./refusal";

/** The columns of a header row, or the canonical order when it is missing or blank. */
export function resolveColumns(headerRow: readonly Cell[] | undefined): ColumnMap {
  const given = headerRow?.some((h) => typeof h === "string" && h.trim() !== "");
  return given ? columnsOfHeaderRow(headerRow as Cell[]) : CANONICAL_COLUMNS;
}

export function readLedgerRows(
  rows: readonly (readonly Cell[])[],
  headerRow?: readonly Cell[],
): RowReading[] {
  const columns = resolveColumns(headerRow);
  return rows.map((row) => readLedgerRow(row, columns));
}

export interface LedgerLine {
  /** 1-based sheet row, for messages. */
  row: number;
  /** The N° facture cell as text (may be blank on a bad row). */
  invoiceText: string;
  reading: RowReading;
}

/** The valid claims of the ledger, first occurrence of each N° facture. */
export function ledgerClaims(lines: readonly LedgerLine[]): Claim[] {
  const seen = new Set<string>();
  const claims: Claim[] = [];
  for (const { reading } of lines) {
    if (reading.kind !== "claim" || seen.has(reading.claim.invoiceNumber)) continue;
    seen.add(reading.claim.invoiceNumber);
    claims.push(reading.claim);
  }
  return claims;
}

/** One debtor of the ledger: a name and its addresses (debtorOf), with its claims. */
export interface Debtor {
  key: string;
  /** How the sidebar names it: the client's name, with its address when another debtor
   * bears the same name — « Dupont (jean.dupont@…) », « DUPONT (compta@dupont-sa…) ». */
  label: string;
  claims: Claim[];
}

/** The ledger's debtors, in ledger order. */
export function debtorsOf(claims: readonly Claim[]): Debtor[] {
  const byKey = new Map<string, Debtor>();
  const keysByName = new Map<string, Set<string>>();
  for (const c of claims) {
    const key = debtorOf(c);
    const debtor = byKey.get(key) ?? { key, label: c.client, claims: [] };
    debtor.claims.push(c);
    byKey.set(key, debtor);
    const name = debtorKey(c.client);
    keysByName.set(name, (keysByName.get(name) ?? new Set()).add(key));
  }
  const debtors = [...byKey.values()];
  for (const d of debtors) {
    const head = d.claims[0] as Claim;
    if ((keysByName.get(debtorKey(head.client))?.size ?? 0) > 1)
      d.label = `${head.client} (${head.email ?? "sans email"})`;
  }
  return debtors;
}

/** How the sidebar names the debtor of a sheet row: its label, which tells homonyms apart
 * (a bare name would open no dossier when two debtors bear it). undefined: no valid claim. */
export function debtorLabelAtRow(lines: readonly LedgerLine[], row: number): string | undefined {
  const line = lines.find((l) => l.row === row);
  if (line?.reading.kind !== "claim") return undefined;
  const invoice = line.reading.claim.invoiceNumber;
  return debtorsOf(ledgerClaims(lines)).find((d) =>
    d.claims.some((c) => c.invoiceNumber === invoice),
  )?.label;
}

/** The debtors a name or a label given by the sidebar stands for: the one whose label it
 * is, else every debtor of that name (several when homonyms differ by their address). */
function debtorsNamed(lines: readonly LedgerLine[], client: string): Debtor[] {
  const debtors = debtorsOf(ledgerClaims(lines));
  const exact = debtors.filter((d) => d.label === client);
  if (exact.length > 0) return exact;
  const key = debtorKey(client);
  return debtors.filter((d) => debtorKey((d.claims[0] as Claim).client) === key);
}

/** The claims of one debtor; none when the name matches none or several debtors. */
export function claimsOfDebtor(lines: readonly LedgerLine[], client: string): Claim[] {
  const found = debtorsNamed(lines, client);
  return found.length === 1 ? (found[0] as Debtor).claims : [];
}

/** The debtor's claims, or a French refusal when the name matches none, or several debtors
 * at different addresses (never one message to two of them). */
export function requireDebtor(lines: readonly LedgerLine[], client: string): Claim[] {
  const found = debtorsNamed(lines, client);
  if (found.length === 0)
    throw new Refusal(`Aucune facture du client « ${client} » dans « Créances ».`);
  if (found.length > 1)
    throw new Refusal(
      `Plusieurs clients s'appellent « ${client} », à des adresses différentes : ${found.map((d) => `« ${d.label} »`).join(", ")}. Choisissez-en un.`,
    );
  return (found[0] as Debtor).claims;
}

/** The named invoices of the debtor, in ledger order; refuses an invoice not theirs. */
export function selectInvoices(claims: readonly Claim[], invoices: readonly string[]): Claim[] {
  const wanted = new Set(invoices);
  const chosen = claims.filter((c) => wanted.has(c.invoiceNumber));
  const unknown = invoices.filter((i) => !claims.some((c) => c.invoiceNumber === i));
  if (unknown.length > 0)
    throw new Refusal(
      `${unknown.length > 1 ? "Factures inconnues" : "Facture inconnue"} pour ce client : ${unknown.join(", ")}.`,
    );
  return chosen;
}

export function paidOf(claims: readonly Claim[], invoices: readonly string[]): number {
  const wanted = new Set(invoices);
  return claims.filter((c) => wanted.has(c.invoiceNumber)).reduce((s, c) => s + c.paid, 0);
}
