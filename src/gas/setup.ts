// « Initialiser le classeur »: creates what is missing — « Créances », « Journal »,
// « Paramètres » — and never touches a user's data. An existing sheet whose headers match
// the ledger is adopted: its missing columns are added at its right, nothing is moved.

import { DASHBOARD_SHEET } from "../domain/dashboard-table";
import {
  CANONICAL_HEADERS,
  columnsOfHeaderRow,
  LEDGER_FIELDS,
  type LedgerField,
  missingRequiredFields,
} from "../domain/headers";
import { JOURNAL_HEADERS } from "../domain/journal";
import { CLIENT_TYPES, PROFILES, STEP_LABELS } from "../domain/ladder";
import { DEFAULT_SETTINGS } from "../domain/settings";
import { settingsSheetValues } from "../domain/settings-table";
import type { CLAIM_STATUSES } from "../domain/status";
import { dashboardSheet, refreshDashboard } from "./dashboard-sheet";
import { journalSheet, readJournal } from "./journal-sheet";
import { readLedger, writeStatusNotes } from "./ledger-sheet";
import { sheetDates, toCell } from "./sheet-dates";
import { activeSpreadsheet, JOURNAL_SHEET, LEDGER_SHEET, SETTINGS_SHEET } from "./sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The computed columns: header, and the function whose one array formula fills them. */
export const COMPUTED_COLUMNS = [
  { header: "Statut", fn: "STATUT_CREANCE", withToday: true, width: 1 },
  { header: "Prochaine étape", fn: "NEXT_RELANCE", withToday: true, width: 2 },
  { header: "Date prochaine étape", fn: "", withToday: false, width: 0 },
  { header: "Pénalités", fn: "PENALITES_RETARD", withToday: true, width: 1 },
  { header: "Indemnité", fn: "INDEMNITE_RECOUVREMENT", withToday: true, width: 1 },
  { header: "Prescription", fn: "DATE_PRESCRIPTION", withToday: false, width: 1 },
] as const;

const DATE_FIELDS: LedgerField[] = [
  "invoiceDate",
  "dueDate",
  "suspendedUntil",
  "lastStepDate",
  "acknowledgedOn",
  "insolvencyJudgment",
];
const AMOUNT_FIELDS: LedgerField[] = ["amount", "paid"];
const NEWER_FIELDS: readonly LedgerField[] = ["insolvencyJudgment", "address", "siren"];
const EURO_FORMAT = '#,##0.00 "€"';
const DATE_FORMAT = "dd/mm/yyyy";

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface SetupReport {
  created: string[];
  adopted: string | undefined;
  addedColumns: string[];
}

/** The sheet holding the ledger: « Créances », or another whose header row matches. */
function findLedger(report: SetupReport): Sheet | undefined {
  const ss = activeSpreadsheet();
  const named = ss.getSheetByName(LEDGER_SHEET);
  if (named) return named;
  const dates = sheetDates(ss.getSpreadsheetTimeZone());
  for (const sheet of ss.getSheets()) {
    const header =
      sheet.getLastColumn() > 0
        ? (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [])
        : [];
    if (
      header.length > 0 &&
      missingRequiredFields(columnsOfHeaderRow(header.map((v) => toCell(v, dates)))).length === 0
    ) {
      report.adopted = sheet.getName();
      sheet.setName(LEDGER_SHEET);
      return sheet;
    }
  }
  return undefined;
}

function headerOf(sheet: Sheet): unknown[] {
  return sheet.getLastColumn() > 0
    ? (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [])
    : [];
}

function setupLedger(report: SetupReport): void {
  const ss = activeSpreadsheet();
  const found = findLedger(report);
  const sheet = found ?? ss.insertSheet(LEDGER_SHEET, 0);
  if (!found) report.created.push(LEDGER_SHEET);
  const dates = sheetDates(ss.getSpreadsheetTimeZone());
  const header = headerOf(sheet);
  const columns = columnsOfHeaderRow(header.map((v) => toCell(v, dates)));
  const headerTexts = header.map((h) => String(h).trim().toLowerCase());
  const firstNew = sheet.getLastColumn();
  let next = firstNew;
  const additions: string[] = [];
  // The newer optional columns (Procédure collective, Adresse, SIREN) go in before the
  // computed ones; a ledger that already has those keeps its layout and its formulas' range
  // (added after them, they would fall inside the formulas' own range): the daily run and
  // the sidebar read them wherever the user adds them.
  const computedYet = COMPUTED_COLUMNS.some((c) => headerTexts.includes(c.header.toLowerCase()));
  const wanted = LEDGER_FIELDS.filter(
    (f) => columns[f] === undefined && !(computedYet && NEWER_FIELDS.includes(f)),
  );
  for (const field of wanted) {
    columns[field] = next++;
    additions.push(CANONICAL_HEADERS[field]);
  }
  const ledgerEnd = Math.max(
    ...LEDGER_FIELDS.filter((f) => columns[f] !== undefined).map((f) => columns[f] as number),
  );
  const computedAt = new Map<string, number>();
  for (const [i, h] of headerTexts.entries()) computedAt.set(h, i);
  const formulas: { column: number; fn: string; withToday: boolean }[] = [];
  for (const c of COMPUTED_COLUMNS) {
    if (computedAt.has(c.header.toLowerCase())) continue;
    computedAt.set(c.header.toLowerCase(), next);
    if (c.fn !== "") formulas.push({ column: next, fn: c.fn, withToday: c.withToday });
    next++;
    additions.push(c.header);
  }
  if (additions.length > 0) {
    sheet.getRange(1, firstNew + 1, 1, additions.length).setValues([additions]);
    if (found) report.addedColumns.push(...additions);
  }
  // One array formula per computed column, in row 2, spilling down the whole ledger.
  const span = `A2:${columnLetter(ledgerEnd)}`;
  const headers = `A1:${columnLetter(ledgerEnd)}1`;
  for (const f of formulas) {
    const args = f.withToday ? `${span}; ${headers}; TODAY()` : `${span}; ${headers}`;
    sheet.getRange(2, f.column + 1).setFormula(`=${f.fn}(${args})`);
  }
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, sheet.getLastColumn()).setFontWeight("bold");
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const format = (column: number | undefined, pattern: string) => {
    if (column !== undefined) sheet.getRange(2, column + 1, rows, 1).setNumberFormat(pattern);
  };
  for (const f of DATE_FIELDS) format(columns[f], DATE_FORMAT);
  for (const f of AMOUNT_FIELDS) format(columns[f], EURO_FORMAT);
  format(computedAt.get("date prochaine étape"), DATE_FORMAT);
  format(computedAt.get("prescription"), DATE_FORMAT);
  format(computedAt.get("pénalités"), EURO_FORMAT);
  format(computedAt.get("indemnité"), EURO_FORMAT);
  setValidations(sheet, columns, rows, !found);
  const status = computedAt.get("statut");
  if (status !== undefined && formulas.some((f) => f.column === status))
    setStatusColours(sheet, status, rows);
}

function list(values: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .build();
}

function setValidations(
  sheet: Sheet,
  columns: Partial<Record<LedgerField, number>>,
  rows: number,
  isNew: boolean,
): void {
  const at = (f: LedgerField) => sheet.getRange(2, (columns[f] as number) + 1, rows, 1);
  at("clientType").setDataValidation(list(CLIENT_TYPES));
  at("profile").setDataValidation(list(PROFILES));
  at("lastStep").setDataValidation(list(STEP_LABELS));
  // A user's existing « Oui »/« x » stay valid: the checkbox only on a new ledger.
  if (isNew)
    at("disputed").setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

const STATUS_COLOURS: Partial<Record<(typeof CLAIM_STATUSES)[number], string>> = {
  Soldée: "#d1f0d9",
  Litige: "#ffe2b3",
  Prescrite: "#e0e0e0",
  Suspendue: "#dbe9ff",
  Transmise: "#e8dcff",
  "Mise en demeure": "#ffc9c9",
  Échue: "#fff1c2",
};

function setStatusColours(sheet: Sheet, statusColumn: number, rows: number): void {
  const range = sheet.getRange(2, statusColumn + 1, rows, 1);
  const rules = Object.entries(STATUS_COLOURS).map(([status, colour]) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(status)
      .setBackground(colour)
      .setRanges([range])
      .build(),
  );
  rules.push(
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextStartsWith("Erreur")
      .setBackground("#f8d7da")
      .setFontColor("#842029")
      .setBold(true)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...rules]);
}

function setupJournal(report: SetupReport): void {
  if (activeSpreadsheet().getSheetByName(JOURNAL_SHEET)) return;
  const sheet = journalSheet();
  sheet.getRange(1, 1, 1, JOURNAL_HEADERS.length).setFontWeight("bold");
  report.created.push(JOURNAL_SHEET);
}

function setupSettings(report: SetupReport): void {
  const ss = activeSpreadsheet();
  if (ss.getSheetByName(SETTINGS_SHEET)) return;
  const sheet = ss.insertSheet(SETTINGS_SHEET);
  const dates = sheetDates(ss.getSpreadsheetTimeZone());
  const values = settingsSheetValues(DEFAULT_SETTINGS, dates.today());
  sheet.getRange(1, 1, values.length, values[0]?.length ?? 1).setValues(values);
  sheet.getRange(1, 1, 1, 3).setFontWeight("bold");
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 280);
  sheet.setColumnWidth(2, 260);
  report.created.push(SETTINGS_SHEET);
}

function setupDashboard(report: SetupReport): void {
  if (activeSpreadsheet().getSheetByName(DASHBOARD_SHEET)) return;
  report.created.push(DASHBOARD_SHEET);
  try {
    refreshDashboard();
  } catch (_) {
    // A ledger that cannot be read yet: the sheet waits, empty, for the first morning run.
    dashboardSheet();
  }
}

export function initializeWorkbook(): SetupReport {
  const report: SetupReport = { created: [], adopted: undefined, addedColumns: [] };
  setupLedger(report);
  setupJournal(report);
  // Each row's notes on its Statut cell from the start, as every morning run keeps them.
  const dates = sheetDates(activeSpreadsheet().getSpreadsheetTimeZone());
  writeStatusNotes(readLedger(dates), dates, readJournal(dates));
  setupSettings(report);
  setupDashboard(report);
  return report;
}
