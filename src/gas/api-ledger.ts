// Writes what an exchange or a plan changes in « Créances »: only the cells of the columns
// concerned, found by N° facture in the sheet as it is now, one read and one write per
// column.

import { ApiError } from "../api/dossier";
import { cellText } from "../domain/cells";
import type { LedgerChange } from "../domain/exchange";
import { CANONICAL_HEADERS, type LedgerField } from "../domain/headers";
import { HEADER_ROW, type LedgerRead, toCell } from "./ledger-sheet";
import type { SheetDates } from "./sheet-dates";

const FIELDS: { field: LedgerField; key: keyof Omit<LedgerChange, "invoice"> }[] = [
  { field: "suspendedUntil", key: "suspendedUntil" },
  { field: "disputed", key: "disputed" },
  { field: "acknowledgedOn", key: "acknowledgedOn" },
];

export function writeLedgerChanges(
  read: LedgerRead,
  changes: readonly LedgerChange[],
  dates: SheetDates,
): number {
  const { sheet, columns } = read;
  const key = columns.invoiceNumber;
  const height = sheet.getLastRow() - HEADER_ROW;
  if (changes.length === 0 || key === undefined || height <= 0) return 0;
  const keys = sheet
    .getRange(HEADER_ROW + 1, key + 1, height, 1)
    .getValues()
    .map(([cell]) => cellText(toCell(cell, dates)));
  let written = 0;
  for (const { field, key: change } of FIELDS) {
    const wanted = changes.filter((c) => c[change] !== undefined);
    if (wanted.length === 0) continue;
    const column = columns[field];
    if (column === undefined)
      throw new ApiError(
        `La colonne « ${CANONICAL_HEADERS[field]} » manque dans « Créances » : lancez Recouvra > Initialiser le classeur.`,
      );
    const range = sheet.getRange(HEADER_ROW + 1, column + 1, height, 1);
    const values = range.getValues();
    const byInvoice = new Map(wanted.map((c) => [c.invoice, c[change]]));
    keys.forEach((invoice, i) => {
      const value = byInvoice.get(invoice);
      if (value === undefined) return;
      (values[i] as unknown[])[0] = typeof value === "string" ? dates.dateCellOf(value) : value;
      written++;
    });
    range.setValues(values);
  }
  return written;
}
