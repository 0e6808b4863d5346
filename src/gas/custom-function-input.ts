// What a custom function receives from Sheets, turned into domain values: a range (2-D
// array, or a bare value for one cell), an optional header row, an optional date. Called
// with no argument at all, the function reads the row its formula stands in.
import type { CalendarDate } from "../domain/calendar-date";
import { type Cell, isBlankCell, parseDateCell } from "../domain/cells";
import { type SheetDates, sheetDates, toCell } from "./sheet-dates";

export interface CustomFunctionInput {
  rows: Cell[][];
  headerRow: Cell[] | undefined;
  /** Undefined when the `today` argument could not be read. */
  today: CalendarDate | undefined;
  dates: SheetDates;
}

/** A range argument as rows of cells (Sheets passes a single cell as a bare value). */
function toRows(range: unknown, dates: SheetDates): Cell[][] {
  if (range === undefined || range === null) return [];
  const rows = Array.isArray(range) ? range : [[range]];
  return rows.map((row) => (Array.isArray(row) ? row : [row]).map((v) => toCell(v, dates)));
}

function readToday(value: unknown, dates: SheetDates): CalendarDate | undefined {
  if (value === undefined || value === null) return dates.today();
  const cell = toCell(Array.isArray(value) ? value.flat()[0] : value, dates);
  return isBlankCell(cell) ? dates.today() : parseDateCell(cell);
}

/** The row the formula stands in, with its sheet's header row (the last frozen row, or row 1). */
function callingRow(dates: SheetDates): { rows: Cell[][]; headerRow: Cell[] | undefined } {
  const cell = SpreadsheetApp.getActiveRange();
  if (!cell) return { rows: [], headerRow: undefined };
  const sheet = cell.getSheet();
  const headerRowNumber = Math.max(1, sheet.getFrozenRows());
  const width = Math.max(1, sheet.getLastColumn());
  if (cell.getRow() <= headerRowNumber) return { rows: [[""]], headerRow: undefined };
  const headerRow = toRows(sheet.getRange(headerRowNumber, 1, 1, width).getValues(), dates)[0];
  const rows = toRows(sheet.getRange(cell.getRow(), 1, 1, width).getValues(), dates);
  return { rows, headerRow };
}

export function readCustomFunctionInput(
  range: unknown,
  headers: unknown,
  today: unknown,
  withToday = true,
): CustomFunctionInput {
  const dates = sheetDates(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  const source =
    range === undefined
      ? callingRow(dates)
      : { rows: toRows(range, dates), headerRow: toRows(headers, dates)[0] };
  return { ...source, today: withToday ? readToday(today, dates) : undefined, dates };
}
