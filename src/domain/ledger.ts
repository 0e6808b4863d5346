// A whole range of ledger rows, read against its header row.
import type { Cell } from "./cells";
import { type Claim, debtorKey } from "./claim";
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

export function claimsOfDebtor(lines: readonly LedgerLine[], client: string): Claim[] {
  const key = debtorKey(client);
  return ledgerClaims(lines).filter((c) => debtorKey(c.client) === key);
}

/** The debtor's claims, or a French refusal when the name matches none. */
export function requireDebtor(lines: readonly LedgerLine[], client: string): Claim[] {
  const claims = claimsOfDebtor(lines, client);
  if (claims.length === 0)
    throw new Refusal(`Aucune facture du client « ${client} » dans « Créances ».`);
  return claims;
}

/** The named invoices of the debtor, in ledger order; refuses an invoice not theirs. */
export function selectInvoices(claims: readonly Claim[], invoices: readonly string[]): Claim[] {
  const wanted = new Set(invoices);
  const chosen = claims.filter((c) => wanted.has(c.invoiceNumber));
  const unknown = invoices.filter((i) => !claims.some((c) => c.invoiceNumber === i));
  if (unknown.length > 0)
    throw new Refusal(`Facture(s) inconnue(s) pour ce client : ${unknown.join(", ")}.`);
  return chosen;
}

export function paidOf(claims: readonly Claim[], invoices: readonly string[]): number {
  const wanted = new Set(invoices);
  return claims.filter((c) => wanted.has(c.invoiceNumber)).reduce((s, c) => s + c.paid, 0);
}
