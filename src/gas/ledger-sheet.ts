// The « Créances » sheet: one getValues to read it all; the columns Recouvra owns written
// back by N° facture, not by position, so a user who sorted or inserted rows meanwhile
// loses nothing.
import type { CalendarDate } from "../domain/calendar-date";
import { cellText } from "../domain/cells";
import { nextStatusNotes, statusNote } from "../domain/claim-notes";
import type { LedgerLine } from "../domain/daily-plan";
import { type ColumnMap, columnsOfHeaderRow, type LedgerField } from "../domain/headers";
import type { JournalEntry } from "../domain/journal";
import { type StepNumber, stepLabel } from "../domain/ladder";
import { readLedgerRow } from "../domain/ledger-row";
import { type StepRepair, stepRepairs, type TypedStep } from "../domain/step-projection";
import { normalizeKey } from "../domain/text";
import { type SheetDates, toCell } from "./sheet-dates";
import { activeSpreadsheet, allValues, LEDGER_SHEET } from "./sheets";

export const HEADER_ROW = 1;

export interface LedgerRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  columns: ColumnMap;
  lines: LedgerLine[];
  /** « Dernière étape » and its date of each row as read, to compare with the Journal. */
  typed: TypedStep[];
  /** The « Statut » column (0-based), whose cells carry each row's notes; none in a
   * ledger without it. */
  statusColumn?: number;
}

const STATUS_KEY = normalizeKey("Statut");

export function ledgerSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  return activeSpreadsheet().getSheetByName(LEDGER_SHEET);
}

/** The ledger, each row read with the step the Journal shows for it (the Journal is the
 * truth; the two columns are its view, repaired by writeStepRepairs). */
export function readLedger(dates: SheetDates, journal?: readonly JournalEntry[]): LedgerRead {
  const sheet = ledgerSheet();
  if (!sheet)
    throw new Error(
      `La feuille « ${LEDGER_SHEET} » est introuvable : lancez Recouvra > Initialiser le classeur.`,
    );
  const values = allValues(sheet);
  const header = (values[HEADER_ROW - 1] ?? []).map((v) => toCell(v, dates));
  const columns = columnsOfHeaderRow(header);
  const status = header.findIndex((h) => typeof h === "string" && normalizeKey(h) === STATUS_KEY);
  const keyColumn = columns.invoiceNumber;
  const stepColumn = columns.lastStep;
  const dateColumn = columns.lastStepDate;
  const cells = values.slice(HEADER_ROW).map((raw) => raw.map((v) => toCell(v, dates)));
  const typed: TypedStep[] = cells.map((row) => ({
    invoice: keyColumn === undefined ? "" : cellText(row[keyColumn]),
    step: stepColumn === undefined ? "" : row[stepColumn],
    date: dateColumn === undefined ? "" : row[dateColumn],
  }));
  const repaired = new Map((journal ? stepRepairs(typed, journal) : []).map((r) => [r.invoice, r]));
  const lines = cells.map((row, i) => {
    const invoiceText = typed[i]?.invoice ?? "";
    const repair = repaired.get(invoiceText);
    if (repair && stepColumn !== undefined && dateColumn !== undefined) {
      row[stepColumn] = stepLabel(repair.step);
      row[dateColumn] = repair.date;
    }
    return {
      row: HEADER_ROW + 1 + i,
      invoiceText,
      reading: readLedgerRow(row, columns),
    };
  });
  // A ledger without the two columns: the claim takes its step from the Journal alone.
  if (journal && (stepColumn === undefined || dateColumn === undefined)) {
    for (const line of lines) {
      const repair = repaired.get(line.invoiceText);
      if (repair && line.reading.kind === "claim") {
        line.reading.claim.lastStep = repair.step;
        line.reading.claim.lastStepDate = repair.date;
      }
    }
  }
  return { sheet, columns, lines, typed, ...(status >= 0 ? { statusColumn: status } : {}) };
}

/** The N° facture of each data row as the sheet holds it now: re-read just before a write,
 * so that a sort meanwhile never lands a value on another invoice. */
export function invoicesNow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: number,
  height: number,
  dates: SheetDates,
): string[] {
  return sheet
    .getRange(HEADER_ROW + 1, key + 1, height, 1)
    .getValues()
    .map(([cell]) => cellText(toCell(cell, dates)));
}

/** Each invoice's first data row (0-based) in invoicesNow: a repeated N° facture is followed
 * at its first row only (docs/ledger.md). */
export function firstRowOf(invoices: readonly string[]): Map<string, number> {
  const rowOf = new Map<string, number>();
  invoices.forEach((invoice, i) => {
    if (!rowOf.has(invoice)) rowOf.set(invoice, i);
  });
  return rowOf;
}

/** Writes each row's notes (Type non renseigné, Échéance au-delà du délai légal…) as the
 * note of its « Statut » cell: the column's notes read in one call, written in one call
 * only when one differs, each row found by its N° facture re-read just before (the Journal
 * gives the addresses Google refused). No other
 * column is touched. Returns the notes changed. */
export function writeStatusNotes(
  read: LedgerRead,
  dates: SheetDates,
  journal: readonly JournalEntry[] = [],
): number {
  const { sheet, columns, statusColumn } = read;
  const key = columns.invoiceNumber;
  if (key === undefined || statusColumn === undefined) return 0;
  const noteOf = new Map<string, string>();
  for (const line of read.lines) {
    if (noteOf.has(line.invoiceText) || line.invoiceText === "") continue;
    noteOf.set(
      line.invoiceText,
      line.reading.kind === "claim" ? statusNote(line.reading.claim, journal) : "",
    );
  }
  const height = sheet.getLastRow() - HEADER_ROW;
  if (height <= 0) return 0;
  const wanted = invoicesNow(sheet, key, height, dates).map((invoice) => noteOf.get(invoice));
  const range = sheet.getRange(HEADER_ROW + 1, statusColumn + 1, height, 1);
  const current = range.getNotes().map(([note]) => note ?? "");
  const next = nextStatusNotes(current, wanted);
  if (!next) return 0;
  range.setNotes(next.map((note) => [note]));
  return next.filter((note, i) => note !== current[i]).length;
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
  const rowOf = firstRowOf(invoicesNow(sheet, key, height, dates));
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

/** Brings « Dernière étape » and « Date dernière étape » to what the Journal says: only the
 * rows that differ, the step and its date in one write when the columns are side by side
 * (several rows at once when they follow each other), each row found by its N° facture
 * re-read just before (a sort meanwhile never lands a step on another invoice). A user's
 * formula or text elsewhere in the columns is never touched. Without the columns, nothing
 * to write: the Journal alone carries the state. Returns the rows written. */
export function writeStepRepairs(
  read: LedgerRead,
  journal: readonly JournalEntry[],
  dates: SheetDates,
): number {
  const { sheet, columns } = read;
  const key = columns.invoiceNumber;
  const stepColumn = columns.lastStep;
  const dateColumn = columns.lastStepDate;
  if (key === undefined || stepColumn === undefined || dateColumn === undefined) return 0;
  const repairs = stepRepairs(read.typed, journal);
  if (repairs.length === 0) return 0;
  const height = sheet.getLastRow() - HEADER_ROW;
  if (height <= 0) return 0;
  const rowOf = firstRowOf(invoicesNow(sheet, key, height, dates));
  const placed = repairs
    .flatMap((r) => {
      const i = rowOf.get(r.invoice);
      return i === undefined ? [] : [{ row: HEADER_ROW + 1 + i, repair: r }];
    })
    .sort((a, b) => a.row - b.row);
  const cellsOf = (r: StepRepair) => [stepLabel(r.step), dates.dateCellOf(r.date)];
  const adjacent = dateColumn === stepColumn + 1;
  for (let i = 0; i < placed.length; ) {
    let j = i + 1;
    while (adjacent && j < placed.length && placed[j]?.row === (placed[j - 1]?.row ?? 0) + 1) j++;
    const group = placed.slice(i, j);
    const first = group[0]?.row as number;
    if (adjacent) {
      sheet
        .getRange(first, stepColumn + 1, group.length, 2)
        .setValues(group.map((g) => cellsOf(g.repair)));
    } else {
      const [label, date] = cellsOf(group[0]?.repair as StepRepair);
      sheet.getRange(first, stepColumn + 1).setValue(label);
      sheet.getRange(first, dateColumn + 1).setValue(date);
    }
    i = j;
  }
  return placed.length;
}
