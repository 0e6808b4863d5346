// A whole range of ledger rows, read against its header row.
import type { Cell } from "./cells";
import { CANONICAL_COLUMNS, type ColumnMap, columnsOfHeaderRow } from "./headers";
import { type RowReading, readLedgerRow } from "./ledger-row";

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
