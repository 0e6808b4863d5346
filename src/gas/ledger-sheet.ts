// The « Créances » sheet: one getValues to read it all; the columns Recouvra owns written
// back by N° facture, not by position, so a user who sorted or inserted rows meanwhile
// loses nothing.
import type { CalendarDate } from "../domain/calendar-date";
import { cellText } from "../domain/cells";
import type { LedgerLine } from "../domain/daily-plan";
import { type ColumnMap, columnsOfHeaderRow, type LedgerField } from "../domain/headers";
import { type StepNumber, stepLabel } from "../domain/ladder";
import { readLedgerRow } from "../domain/ledger-row";
import { type SheetDates, toCell } from "./sheet-dates";
import { activeSpreadsheet, allValues, LEDGER_SHEET } from "./sheets";

export const HEADER_ROW = 1;

export interface LedgerRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  columns: ColumnMap;
  lines: LedgerLine[];
}

export function ledgerSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  return activeSpreadsheet().getSheetByName(LEDGER_SHEET);
}

export function readLedger(dates: SheetDates): LedgerRead {
  const sheet = ledgerSheet();
  if (!sheet)
    throw new Error(
      `La feuille « ${LEDGER_SHEET} » est introuvable : lancez Recouvra > Initialiser le classeur.`,
    );
  const values = allValues(sheet);
  const columns = columnsOfHeaderRow((values[HEADER_ROW - 1] ?? []).map((v) => toCell(v, dates)));
  const keyColumn = columns.invoiceNumber;
  const lines = values.slice(HEADER_ROW).map((raw, i) => {
    const row = raw.map((v) => toCell(v, dates));
    return {
      row: HEADER_ROW + 1 + i,
      invoiceText: keyColumn === undefined ? "" : cellText(row[keyColumn]),
      reading: readLedgerRow(row, columns),
    };
  });
  return { sheet, columns, lines };
}

export interface StepDone {
  invoice: string;
  step: StepNumber;
  date: CalendarDate;
}

/** Cells to write on one invoice's row, by field, as the sheet holds them (a Date for a date). */
export interface LedgerWrite {
  invoice: string;
  values: Partial<Record<LedgerField, unknown>>;
}

/** Writes the given cells of the given invoices, found by their N° facture in the sheet as
 * it is now (re-read, in case rows moved or were sorted). Only the columns concerned are
 * written, one read and one write each, so a user's formulas elsewhere are never
 * flattened. Returns the cells written and the fields whose column the sheet lacks. */
export function writeByInvoice(
  read: LedgerRead,
  writes: readonly LedgerWrite[],
  dates: SheetDates,
): { written: number; missing: LedgerField[] } {
  const { sheet, columns } = read;
  const key = columns.invoiceNumber;
  const height = sheet.getLastRow() - HEADER_ROW;
  const fields = [...new Set(writes.flatMap((w) => Object.keys(w.values) as LedgerField[]))];
  const missing = fields.filter((f) => columns[f] === undefined);
  if (writes.length === 0 || key === undefined || height <= 0) return { written: 0, missing };
  const rowOf = new Map<string, number>();
  sheet
    .getRange(HEADER_ROW + 1, key + 1, height, 1)
    .getValues()
    .forEach(([cell], i) => {
      const invoice = cellText(toCell(cell, dates));
      if (!rowOf.has(invoice)) rowOf.set(invoice, i);
    });
  let written = 0;
  for (const field of fields) {
    const column = columns[field];
    if (column === undefined) continue;
    const range = sheet.getRange(HEADER_ROW + 1, column + 1, height, 1);
    const values = range.getValues();
    let changed = false;
    for (const w of writes) {
      const i = rowOf.get(w.invoice);
      if (i === undefined || !(field in w.values)) continue;
      (values[i] as unknown[])[0] = w.values[field];
      changed = true;
      written++;
    }
    if (changed) range.setValues(values);
  }
  return { written, missing };
}

/** « Dernière étape » and « Date dernière étape » of the steps done. Without those columns
 * the Journal alone carries the state, and the next run catches the ledger up. */
export function writeStepsDone(
  read: LedgerRead,
  done: readonly StepDone[],
  dates: SheetDates,
): number {
  const writes = done.map((d) => ({
    invoice: d.invoice,
    values: { lastStep: stepLabel(d.step), lastStepDate: dates.dateCellOf(d.date) },
  }));
  return writeByInvoice(read, writes, dates).written;
}
