// The plain data the sandbox keeps behind its in-memory Google services, and that its
// file layer reads from and writes to (.xlsx, .csv, .eml, .docx, .pdf). Services
// (sandbox/services/) and files (sandbox/files/) meet only here.

/** A cell value as Apps Script's `getValues()` returns it: '' for an empty cell,
 * a Date for a date cell (the instant of that wall-clock time in the spreadsheet's
 * time zone), a number, a boolean, or a string. */
export type CellValue = string | number | boolean | Date;

export interface DataValidationModel {
  /** A1 notation of the range the rule covers, e.g. "E2:E1000". */
  a1: string;
  kind: "list" | "checkbox" | "date" | "number";
  values?: string[];
  allowInvalid?: boolean;
  helpText?: string;
}

export interface ConditionalFormatModel {
  /** A1 notation of the ranges the rule covers. */
  ranges: string[];
  /** e.g. { kind: "textEqualTo", value: "Litige" } or { kind: "customFormula", value: "=$O2=\"Soldée\"" } */
  condition: { kind: string; value?: string };
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

/** A chart embedded in a sheet, as EmbeddedChartBuilder leaves it. */
export interface ChartModel {
  /** Stable within the sheet (EmbeddedChart.getChartId). */
  id: number;
  /** A Charts.ChartType name: "COLUMN", "BAR", "LINE", "PIE"… */
  type: string;
  /** A1 notations of the data ranges, on the chart's own sheet. */
  ranges: string[];
  /** Header rows of the data (the series names). */
  numHeaders: number;
  transpose: boolean;
  /** Gviz options: setOption's, and the typed setters' ("isStacked", "title"). */
  options: Record<string, unknown>;
  /** The anchor cell (1-based) and the offset from it, in pixels. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export interface SheetModel {
  name: string;
  /** Rectangular grid of values, row-major; '' for empty. Row 0 = sheet row 1. */
  values: CellValue[][];
  /** Same shape as `values` or shorter; '' where a cell holds no formula. A formula
   * starts with '=' and is written with French argument separators (';') as the
   * user typed it; `values` then holds its last computed result. */
  formulas: string[][];
  /** Same convention: '' = default format; else a Sheets number format such as
   * "dd/mm/yyyy" or "#,##0.00 €". */
  numberFormats: string[][];
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  /** Column widths in pixels, index 0 = column A; undefined = default. */
  columnWidths?: (number | undefined)[];
  dataValidations: DataValidationModel[];
  conditionalFormats: ConditionalFormatModel[];
  /** Where a formula's array result spilled (0-based anchor = the formula cell, and the
   * extent). The cells of a spill other than its anchor hold values that belong to the
   * formula: they do not block its next spill. Written to .xlsx as array formulas. */
  spills: { row: number; col: number; rows: number; cols: number }[];
  /** Cell notes (Range.setNote), same convention as `formulas`; absent = none. */
  notes?: string[][];
  /** Embedded charts; absent = none. */
  charts?: ChartModel[];
}

export interface WorkbookModel {
  name: string;
  /** IANA time zone of the spreadsheet (File > Settings), e.g. "Europe/Paris". */
  timeZone: string;
  /** e.g. "fr_FR". */
  locale: string;
  sheets: SheetModel[];
  namedRanges: { name: string; sheet: string; a1: string }[];
}

/** A run of text with its own style inside a paragraph. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  link?: string;
}

export type Heading = "NORMAL" | "TITLE" | "SUBTITLE" | "HEADING1" | "HEADING2" | "HEADING3";

export type DocElement =
  | {
      type: "paragraph";
      heading: Heading;
      alignment?: "LEFT" | "CENTER" | "RIGHT" | "JUSTIFY";
      runs: TextRun[];
    }
  | { type: "listItem"; ordered: boolean; nesting: number; runs: TextRun[] }
  | { type: "table"; rows: TextRun[][][]; headerRow?: boolean }
  | { type: "pageBreak" }
  | { type: "horizontalRule" };

/** A Google Doc as DocumentApp builds it. */
export interface DocumentModel {
  id: string;
  name: string;
  elements: DocElement[];
  /** Put in the Drive trash by the script. */
  trashed?: boolean;
}

export interface AttachmentModel {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One message handed to MailApp.sendEmail / GmailApp.sendEmail. */
export interface EmailModel {
  /** The account's own address (Session.getEffectiveUser()). */
  from: string;
  /** The display name passed as `name`, if any. */
  fromName?: string;
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject: string;
  /** The plain-text body (always present, as with MailApp). */
  body: string;
  htmlBody?: string;
  attachments: AttachmentModel[];
  /** When it was sent, on the sandbox's simulated clock. */
  date: Date;
}
