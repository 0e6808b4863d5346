// Names of the sheets Recouvra owns or reads, and small helpers over SpreadsheetApp.
export const LEDGER_SHEET = "Créances";
export const JOURNAL_SHEET = "Journal";
export { SETTINGS_SHEET } from "../domain/settings-table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** All of a sheet's values in one call ([] for an empty sheet). */
export function allValues(sheet: Sheet): unknown[][] {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  return rows === 0 || columns === 0 ? [] : sheet.getRange(1, 1, rows, columns).getValues();
}

/** Text from the sheet, written back as text: never as a formula (=, +, -, @). */
export function literal(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** Text kept as text: without the leading apostrophe Sheets would read « 00123 » as 123,
 * « 1,5 » as a number, « VRAI » as a boolean or « =A1 » as a formula. */
export function asText(text: string): string {
  return text === "" ? "" : `'${text}`;
}
