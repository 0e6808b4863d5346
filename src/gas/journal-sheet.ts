// The « Journal » sheet: read in one call; a batch of lines appended in one write and one
// flush (each line must be on disk before the action it announces), confirmed in one write.
import {
  entryDate,
  invoicesCell,
  JOURNAL_HEADERS,
  type JournalEntry,
  OUTCOMES,
  parseInvoicesCell,
  parsePdfCell,
  pdfCell,
  type SentPdf,
} from "../domain/journal";
import type { SheetDates } from "./sheet-dates";
import { activeSpreadsheet, allValues, asText, JOURNAL_SHEET } from "./sheets";

export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
const OUTCOME_COLUMN = JOURNAL_HEADERS.indexOf("Résultat") + 1;
const PDF_INDEX = JOURNAL_HEADERS.indexOf("PDF");

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
  const sheet = journalSheet();
  const rows = allValues(sheet);
  // A Journal from before the « PDF » column: its header is added once, where the lines
  // will write it (the column after « Par », empty until now).
  const header = rows[0] ?? [];
  const hasPdf = String(header[PDF_INDEX] ?? "") === "PDF";
  if (!hasPdf && String(header[PDF_INDEX] ?? "") === "" && rows.length > 0)
    sheet.getRange(1, PDF_INDEX + 1).setValue("PDF");
  return rows.slice(1).flatMap((r, i) => {
    const pdf = hasPdf ? parsePdfCell(String(r[PDF_INDEX] ?? "")) : undefined;
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
      ...(pdf ? { pdf } : {}),
    };
    return entryDate(line) === undefined && line.invoices.length === 0 ? [] : [line];
  });
}

function entryRow(entry: JournalEntry, now: Date): unknown[] {
  return [
    now,
    // Invoice numbers as text, matched as text: « 00123 » stays 00123, « 1,5 » is no number.
    asText(invoicesCell(entry.invoices)),
    asText(entry.client),
    asText(entry.step),
    asText(entry.channel),
    asText(entry.recipient),
    asText(entry.subject),
    asText(entry.outcome),
    asText(entry.document),
    asText(entry.by),
    asText(pdfCell(entry.pdf)),
  ];
}

/** A line appended, and what identifies it should the Journal be sorted meanwhile. */
export interface JournalRef {
  row: number;
  invoices: string;
  step: string;
  /** « Par », written again with the outcome (the PDF's column lies beyond it). */
  by: string;
}

/** Rows added at once when the Journal's grid is full (a range past it would not exist). */
const GROW_BY = 500;

/** Appends lines in one write and writes them through (flush) before returning where they
 * are. */
export function appendJournal(entries: readonly JournalEntry[], now: Date): JournalRef[] {
  if (entries.length === 0) return [];
  const sheet = journalSheet();
  const first = sheet.getLastRow() + 1;
  const last = first + entries.length - 1;
  const max = sheet.getMaxRows();
  if (last > max) {
    const added = Math.max(GROW_BY, last - max);
    sheet.insertRowsAfter(max, added);
    sheet.getRange(max + 1, 1, added, 1).setNumberFormat(DATE_TIME_FORMAT);
  }
  sheet
    .getRange(first, 1, entries.length, JOURNAL_HEADERS.length)
    .setValues(entries.map((e) => entryRow(e, now)));
  SpreadsheetApp.flush();
  return entries.map((e, i) => ({
    row: first + i,
    invoices: invoicesCell(e.invoices),
    step: e.step,
    by: e.by,
  }));
}

/** Confirms a batch appended by appendJournal: one read to check that each line still holds
 * its intent where it was written, one write of their outcomes and links; a line a user
 * moved meanwhile is found where it went. */
export function confirmJournalBatch(
  refs: readonly JournalRef[],
  outcomes: readonly { outcome: string; document: string; pdf?: SentPdf }[],
): void {
  const first = refs[0];
  if (!first) return;
  const sheet = journalSheet();
  const cells = sheet.getRange(first.row, 2, refs.length, 7).getValues();
  const inPlace = refs.every(
    (ref, i) => ref.row === first.row + i && holds(ref, cells[i] ?? [], 0, true),
  );
  if (inPlace) {
    sheet
      .getRange(first.row, OUTCOME_COLUMN, refs.length, CONFIRMED_COLUMNS)
      .setValues(outcomes.map((o, i) => confirmedCells(refs[i] as JournalRef, o)));
    return;
  }
  refs.forEach((ref, i) => {
    const o = outcomes[i];
    if (o) confirmJournal(ref, o.outcome, o.document, o.pdf);
  });
}

function holds(ref: JournalRef, cells: unknown[], offset: number, anyOutcome = false): boolean {
  return (
    String(cells[offset] ?? "") === ref.invoices &&
    String(cells[offset + 2] ?? "") === ref.step &&
    (anyOutcome || cells[offset + 6] === OUTCOMES.intent)
  );
}

/** « Résultat », « Document », « Par » and « PDF »: what a confirmation writes. */
const CONFIRMED_COLUMNS = PDF_INDEX + 2 - OUTCOME_COLUMN;

function confirmedCells(
  ref: JournalRef,
  o: { outcome: string; document: string; pdf?: SentPdf },
): string[] {
  return [asText(o.outcome), asText(o.document), asText(ref.by), asText(pdfCell(o.pdf))];
}

/** Sets the outcome (and the document link) of an intent already written: on its row, or,
 * if a user sorted or edited the Journal meanwhile, on the line that still holds it. */
export function confirmJournal(
  ref: JournalRef,
  outcome: string,
  document = "",
  pdf?: SentPdf,
): void {
  const sheet = journalSheet();
  let row = ref.row;
  if (!holds(ref, sheet.getRange(row, 2, 1, 7).getValues()[0] ?? [], 0)) {
    const found = allValues(sheet).findIndex((cells, i) => i > 0 && holds(ref, cells, 1));
    if (found < 0) return; // the line is gone: the next run flags nothing, nothing is lost
    row = found + 1;
  }
  sheet
    .getRange(row, OUTCOME_COLUMN, 1, CONFIRMED_COLUMNS)
    .setValues([confirmedCells(ref, { outcome, document, ...(pdf ? { pdf } : {}) })]);
}

/** Sets the outcome of several lines (one call per line: they are few). */
export function markJournal(rows: readonly number[], outcome: string): void {
  const sheet = journalSheet();
  for (const row of rows) sheet.getRange(row, OUTCOME_COLUMN).setValue(asText(outcome));
}
