// The « Journal » sheet: read in one call, appended and confirmed one line at a time
// (each line must be on disk before the action it announces: flush).
import {
  entryDate,
  invoicesCell,
  JOURNAL_HEADERS,
  type JournalEntry,
  OUTCOMES,
  parseInvoicesCell,
} from "../domain/journal";
import type { SheetDates } from "./sheet-dates";
import { activeSpreadsheet, allValues, JOURNAL_SHEET, literal } from "./sheets";

export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
const OUTCOME_COLUMN = JOURNAL_HEADERS.indexOf("Résultat") + 1;

export interface JournalLine extends JournalEntry {
  /** 1-based row in the sheet. */
  row: number;
}

export function journalSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = activeSpreadsheet();
  const existing = ss.getSheetByName(JOURNAL_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(JOURNAL_SHEET);
  sheet.getRange(1, 1, 1, JOURNAL_HEADERS.length).setValues([[...JOURNAL_HEADERS]]);
  sheet.setFrozenRows(1);
  // The whole Date column, once: lines appended later take the format without a call each.
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat(DATE_TIME_FORMAT);
  return sheet;
}

function stamp(value: unknown, dates: SheetDates): string {
  if (value instanceof Date) return Utilities.formatDate(value, dates.timeZone, "yyyy-MM-dd HH:mm");
  return String(value ?? "");
}

export function readJournal(dates: SheetDates): JournalLine[] {
  const rows = allValues(journalSheet());
  return rows.slice(1).flatMap((r, i) => {
    const line: JournalLine = {
      row: i + 2,
      at: stamp(r[0], dates),
      invoices: parseInvoicesCell(String(r[1] ?? "")),
      client: String(r[2] ?? ""),
      step: String(r[3] ?? ""),
      channel: String(r[4] ?? ""),
      recipient: String(r[5] ?? ""),
      subject: String(r[6] ?? ""),
      outcome: String(r[7] ?? ""),
      document: String(r[8] ?? ""),
      by: String(r[9] ?? ""),
    };
    return entryDate(line) === undefined && line.invoices.length === 0 ? [] : [line];
  });
}

function entryRow(entry: JournalEntry, now: Date): unknown[] {
  return [
    now,
    literal(invoicesCell(entry.invoices)),
    literal(entry.client),
    literal(entry.step),
    entry.channel,
    literal(entry.recipient),
    literal(entry.subject),
    entry.outcome,
    entry.document,
    entry.by,
  ];
}

/** A line appended, and what identifies it should the Journal be sorted meanwhile. */
export interface JournalRef {
  row: number;
  invoices: string;
  step: string;
}

/** Appends lines and writes them through before returning where they are. appendRow
 * grows the grid as needed, where a range past the last row would not exist. */
export function appendJournal(entries: readonly JournalEntry[], now: Date): JournalRef[] {
  if (entries.length === 0) return [];
  const sheet = journalSheet();
  for (const e of entries) sheet.appendRow(entryRow(e, now));
  const last = sheet.getLastRow();
  SpreadsheetApp.flush();
  return entries.map((e, i) => ({
    row: last - entries.length + 1 + i,
    invoices: invoicesCell(e.invoices),
    step: e.step,
  }));
}

/** Sets the outcome (and the document link) of an intent already written: on its row, or,
 * if a user sorted or edited the Journal meanwhile, on the line that still holds it. */
export function confirmJournal(ref: JournalRef, outcome: string, document = ""): void {
  const sheet = journalSheet();
  const holds = (cells: unknown[], offset: number) =>
    String(cells[offset] ?? "") === ref.invoices &&
    String(cells[offset + 2] ?? "") === ref.step &&
    cells[offset + 6] === OUTCOMES.intent;
  let row = ref.row;
  if (!holds(sheet.getRange(row, 2, 1, 7).getValues()[0] ?? [], 0)) {
    const found = allValues(sheet).findIndex((cells, i) => i > 0 && holds(cells, 1));
    if (found < 0) return; // the line is gone: the next run flags nothing, nothing is lost
    row = found + 1;
  }
  sheet.getRange(row, OUTCOME_COLUMN, 1, 2).setValues([[outcome, document]]);
}

/** Sets the outcome of several lines (one call per line: they are few). */
export function markJournal(rows: readonly number[], outcome: string): void {
  const sheet = journalSheet();
  for (const row of rows) sheet.getRange(row, OUTCOME_COLUMN).setValue(outcome);
}
