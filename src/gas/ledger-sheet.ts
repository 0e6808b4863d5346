// The « Créances » sheet: one getValues to read it all; the columns Recouvra owns written
// back by N° facture, not by position, so a user who sorted or inserted rows meanwhile
// loses nothing.
import type { CalendarDate } from "../domain/calendar-date";
import { type Cell, cellText } from "../domain/cells";
import type { LedgerLine } from "../domain/daily-plan";
import { type ColumnMap, columnsOfHeaderRow } from "../domain/headers";
import { type StepNumber, stepLabel } from "../domain/ladder";
import { readLedgerRow } from "../domain/ledger-row";
import type { SheetDates } from "./sheet-dates";
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

export function toCell(value: unknown, dates: SheetDates): Cell {
  if (value instanceof Date) return dates.calendarDateOf(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return "";
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

/** Writes « Dernière étape » and « Date dernière étape » of the given invoices, found by
 * their N° facture in the sheet as it is now (re-read, in case rows moved). Only those two
 * columns are written, so a user's formulas elsewhere are never flattened. */
export function writeStepsDone(
  read: LedgerRead,
  done: readonly StepDone[],
  dates: SheetDates,
): number {
  const { sheet, columns } = read;
  const key = columns.invoiceNumber;
  const stepColumn = columns.lastStep;
  const dateColumn = columns.lastStepDate;
  if (
    done.length === 0 ||
    key === undefined ||
    stepColumn === undefined ||
    dateColumn === undefined
  )
    return 0;
  const height = sheet.getLastRow() - HEADER_ROW;
  if (height <= 0) return 0;
  const column = (index: number) => sheet.getRange(HEADER_ROW + 1, index + 1, height, 1);
  const keys = column(key).getValues();
  const adjacent = dateColumn === stepColumn + 1;
  const stepRange = adjacent
    ? sheet.getRange(HEADER_ROW + 1, stepColumn + 1, height, 2)
    : column(stepColumn);
  const steps = stepRange.getValues();
  const stepDates = adjacent ? steps.map((r) => [r[1]]) : column(dateColumn).getValues();
  const byInvoice = new Map(done.map((d) => [d.invoice, d]));
  let written = 0;
  keys.forEach(([cell], i) => {
    const d = byInvoice.get(cellText(toCell(cell, dates)));
    if (!d) return;
    (steps[i] as unknown[])[0] = stepLabel(d.step);
    (stepDates[i] as unknown[])[0] = dates.dateCellOf(d.date);
    written++;
  });
  if (written === 0) return 0;
  if (adjacent) {
    stepRange.setValues(steps.map((r, i) => [r[0], stepDates[i]?.[0]]));
  } else {
    stepRange.setValues(steps);
    column(dateColumn).setValues(stepDates);
  }
  return written;
}
