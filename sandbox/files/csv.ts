// .csv in and out, the way a French user's files are: what Excel France exports and
// what Google Sheets' import reads with the locale fr_FR ("1 850,00 €", "26/11/2026",
// "VRAI", ';' between fields, Windows-1252 or UTF-8 with a BOM).

import type { CellValue, SheetModel, WorkbookModel } from "../model.js";
import { assertTimeZone, fromWallClock, toWallClock } from "../tz.js";
import { DATE_FORMAT, DATE_TIME_FORMAT, EURO_FORMAT, isEuroFormat } from "./formats.js";

const DEFAULT_TIME_ZONE = "Europe/Paris";
const DEFAULT_SHEET_NAME = "Créances";

export interface ReadCsvOptions {
  /** The spreadsheet's time zone (dates are midnight there). Default "Europe/Paris". */
  timeZone?: string;
  /** Name of the one sheet. Default « Créances ». */
  sheetName?: string;
}

// --- bytes → text -----------------------------------------------------------------

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, ’, œ, «…). Decoded by hand:
// Node 20's TextDecoder("windows-1252") reads those bytes as Latin-1 control codes.
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes)
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
  return out;
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252, which is
 * what Excel France writes under « CSV (séparateur : point-virgule) ». */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// --- text → fields ----------------------------------------------------------------

/** The separator of the first line, outside quotes: ';' unless ',' or a tab is more frequent. */
function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ";";
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/** RFC 4180 fields: quotes around a field, "" for a quote inside, CRLF or LF, line
 * breaks inside quotes kept. Trailing empty lines are dropped. */
export function parseCsvText(text: string, separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((f) => f === "")) rows.pop();
  return rows;
}

// --- fields → values --------------------------------------------------------------

/** Spaces that French number formatting puts between thousands (and before €). */
const SPACES = "[ \\u00A0\\u202F]";
const NUMBER_PATTERNS = [
  // 1 850,00 · 1850,5 · -12
  new RegExp(`^[+-]?\\d{1,3}(?:${SPACES}\\d{3})+(?:,\\d+)?$`),
  /^[+-]?\d+(?:,\d+)?$/,
  // 1.850,00 (thousands with dots, as some accounting exports do)
  /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/,
  // 1850.5 (a dot as decimal mark, as a program writes it)
  /^[+-]?\d+\.\d+$/,
];

/** A French amount or number ("1 850,00 €", "€1850", "12,5 %"), or null. */
export function parseFrenchNumber(
  text: string,
): { value: number; euro: boolean; percent: boolean } | null {
  let s = text.trim();
  let euro = false;
  let percent = false;
  if (/€$/.test(s) || /^€/.test(s)) {
    euro = true;
    s = s.replace(/€/, "");
    s = s.replace(new RegExp(`^${SPACES}+|${SPACES}+$`, "g"), "");
  } else if (/%$/.test(s)) {
    percent = true;
    s = s.replace(new RegExp(`${SPACES}*%$`), "");
  }
  const pattern = NUMBER_PATTERNS.findIndex((p) => p.test(s));
  if (pattern < 0) return null;
  let normalized = s.replace(new RegExp(SPACES, "g"), "");
  if (pattern === 2) normalized = normalized.replace(/\./g, "");
  if (pattern !== 3) normalized = normalized.replace(",", ".");
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  return { value: percent ? value / 100 : value, euro, percent };
}

/** A French date "26/11/2026", "26/11/26", "2026-11-26", optionally with "14:30[:05]",
 * as the instant of that wall-clock time in the zone; null when it is no real date. */
export function parseFrenchDate(
  text: string,
  timeZone: string,
): { date: Date; time: boolean } | null {
  const s = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let day: number;
  let month: number;
  let year: number;
  let clock: (string | undefined)[];
  if (m) {
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(m[3]);
    // Two-digit years as spreadsheets read them: 00–29 → 2000s, 30–99 → 1900s.
    if ((m[3] as string).length === 2) year += year < 30 ? 2000 : 1900;
    clock = [m[4], m[5], m[6]];
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    if (!m) return null;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    clock = [m[4], m[5], m[6]];
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null;
  const [h, min, sec] = clock.map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
  ];
  if (h > 23 || min > 59 || sec > 59) return null;
  return {
    date: fromWallClock({ year, month, day, hour: h, minute: min, second: sec }, timeZone),
    time: clock[0] !== undefined,
  };
}

/** One field as Sheets' import (locale fr_FR) turns it into a cell. */
export function frenchCell(
  field: string,
  timeZone: string,
): { value: CellValue; formula: string; format: string } {
  if (field.trim() === "") return { value: "", formula: "", format: "" };
  if (field.startsWith("=")) return { value: "", formula: field, format: "" };
  if (field.startsWith("'")) return { value: field.slice(1), formula: "", format: "" };
  const upper = field.trim().toUpperCase();
  if (upper === "VRAI" || upper === "TRUE") return { value: true, formula: "", format: "" };
  if (upper === "FAUX" || upper === "FALSE") return { value: false, formula: "", format: "" };
  const number = parseFrenchNumber(field);
  if (number)
    return {
      value: number.value,
      formula: "",
      format: number.euro ? EURO_FORMAT : number.percent ? "0.00%" : "",
    };
  const date = parseFrenchDate(field, timeZone);
  if (date)
    return { value: date.date, formula: "", format: date.time ? DATE_TIME_FORMAT : DATE_FORMAT };
  return { value: field, formula: "", format: "" };
}

/** Reads a French .csv (a path's bytes or text) as a one-sheet workbook. */
export function readCsv(source: string | Uint8Array, opts: ReadCsvOptions = {}): WorkbookModel {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const text = typeof source === "string" ? source.replace(/^\uFEFF/, "") : decodeCsvBytes(source);
  const fields = parseCsvText(text);
  const width = Math.max(0, ...fields.map((r) => r.length));
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  for (const row of fields) {
    const cells = Array.from({ length: width }, (_, c) => frenchCell(row[c] ?? "", timeZone));
    values.push(cells.map((x) => x.value));
    formulas.push(cells.map((x) => x.formula));
    numberFormats.push(cells.map((x) => x.format));
  }
  const sheet: SheetModel = {
    name: opts.sheetName ?? DEFAULT_SHEET_NAME,
    values,
    formulas,
    numberFormats,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    dataValidations: [],
    conditionalFormats: [],
    spills: [],
  };
  return { name: sheet.name, timeZone, locale: "fr_FR", sheets: [sheet], namedRanges: [] };
}

// --- values → text ----------------------------------------------------------------

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** "1850,5" — no thousands separator, so that any program reads it back. */
function frenchDecimal(n: number): string {
  return String(n).replace(".", ",");
}

/** "1 850,00 €" with ordinary spaces, as Excel France's CSV export shows amounts. */
function frenchEuro(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(2).split(".") as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${n < 0 ? "-" : ""}${grouped},${dec} €`;
}

/** A cell as it reads in a French CSV: dates dd/mm/yyyy, decimal commas, VRAI/FAUX. */
export function frenchField(value: CellValue, format: string, timeZone: string): string {
  if (value instanceof Date) {
    const w = toWallClock(value, timeZone);
    const date = `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)}`;
    if (w.hour === 0 && w.minute === 0 && w.second === 0) return date;
    return `${date} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  }
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number")
    return isEuroFormat(format) ? frenchEuro(value) : frenchDecimal(value);
  return value;
}

function quoted(field: string): string {
  return /[;"\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export interface WriteCsvOptions {
  /** Write a formula cell's formula ("=STATUT_CREANCE(…)") instead of its value, as a
   * ledger template does; Sheets' import turns it back into a formula. */
  formulas?: boolean;
}

/** A sheet as a French CSV (';', CRLF, values as displayed). */
export function writeCsv(sheet: SheetModel, timeZone: string, opts: WriteCsvOptions = {}): string {
  assertTimeZone(timeZone);
  const lines = sheet.values.map((row, r) =>
    row
      .map((value, c) => {
        const formula = sheet.formulas[r]?.[c] ?? "";
        if (opts.formulas && formula) return quoted(formula);
        return quoted(frenchField(value, sheet.numberFormats[r]?.[c] ?? "", timeZone));
      })
      .join(";"),
  );
  return `${lines.join("\r\n")}\r\n`;
}
