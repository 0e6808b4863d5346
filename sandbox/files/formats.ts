// The number formats a French ledger uses, shared by the .xlsx and .csv layers so that
// a file read from either one carries the same formats.

/** A calendar date, as a French user reads it. */
export const DATE_FORMAT = "dd/mm/yyyy";
/** A date and time (the Journal's « Date »). */
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm:ss";
/** Euros with two decimals; the bracketed part is Excel's and Sheets' own currency
 * token (€, French locale 0x40C), understood by LibreOffice too. */
export const EURO_FORMAT = "#,##0.00 [$€-40C]";

/** Whether a number format displays a date or a time (d, m, y, h, s outside quotes and
 * brackets), as spreadsheets decide whether a number is a date. */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Whether a number format shows euros. */
export function isEuroFormat(format: string): boolean {
  return format.includes("€");
}
