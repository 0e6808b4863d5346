// How a formula that only Google can compute travels in an .xlsx file.
//
// LibreOffice (checked with 7.4) and Excel evaluate an unknown function to #NAME?,
// whatever result the file caches, as soon as they compile it. Google Sheets' own
// .xlsx export solves this for its custom and Google-only functions, and we write the
// very same form, so the file reads like one downloaded from Google:
//   anchor cell:          IFERROR(__xludf.DUMMYFUNCTION("NEXT_RELANCE(A2:N1048576,A1:N1,TODAY())"),"Relance ferme")
//   other cells of spill: IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),46357)
// The unknown DUMMYFUNCTION fails, IFERROR shows the cached value, and Sheets (or
// readXlsx) gives back the original formula. Formulas that use only functions every
// spreadsheet knows are written as they are, so they stay live.

import { functionNames } from "./formula-syntax.js";

/** Functions that Excel and LibreOffice both evaluate (the ones a ledger is likely to use). */
const BUILT_IN = new Set(
  `ABS AND AVERAGE AVERAGEIF AVERAGEIFS CEILING CHOOSE COLUMN COLUMNS CONCAT CONCATENATE
  COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DATEDIF DATEVALUE DAY DAYS EDATE EOMONTH
  EXACT FALSE FIND FLOOR HLOOKUP HOUR IF IFERROR IFNA IFS INDEX INDIRECT INT ISBLANK
  ISERROR ISNA ISNUMBER ISOWEEKNUM ISTEXT LEFT LEN LOWER MATCH MAX MAXIFS MEDIAN MID MIN
  MINIFS MINUTE MOD MONTH N NA NETWORKDAYS NOT NOW OFFSET OR POWER PRODUCT PROPER RAND
  RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH SECOND SIGN SQRT SUBSTITUTE SUBTOTAL SUM
  SUMIF SUMIFS SUMPRODUCT SWITCH TEXT TIME TODAY TRIM TRUE TRUNC UPPER VALUE VLOOKUP
  WEEKDAY WEEKNUM WORKDAY XLOOKUP YEAR YEARFRAC`.split(/\s+/),
);

const DUMMY = "__xludf.DUMMYFUNCTION";
const COMPUTED_VALUE = "COMPUTED_VALUE";
/** Excel refuses a string constant longer than this inside a formula. */
const MAX_STRING_LITERAL = 255;

/** Whether Excel and LibreOffice can compute this (Excel-syntax) formula themselves. */
export function isPortable(excelFormula: string): boolean {
  return functionNames(excelFormula).every((n) => BUILT_IN.has(n) || n.startsWith("_XLFN."));
}

function stringLiteral(s: string): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length || parts.length === 0; i += MAX_STRING_LITERAL) {
    parts.push(`"${s.slice(i, i + MAX_STRING_LITERAL).replace(/"/g, '""')}"`);
  }
  return parts.join("&");
}

/** An Excel literal for a cached result (a date is already its serial number). */
function literal(value: number | string | boolean): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "0";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return stringLiteral(value);
}

/** The formula an anchor cell holds in the file. */
export function wrapFormula(excelFormula: string, cached: number | string | boolean): string {
  return `IFERROR(${DUMMY}(${stringLiteral(excelFormula)}),${literal(cached)})`;
}

/** The formula each other cell of a spill holds in the file. */
export function wrapComputedValue(cached: number | string | boolean): string {
  return `IFERROR(${DUMMY}(${stringLiteral(`"${COMPUTED_VALUE}"`)}),${literal(cached)})`;
}

/** `cached`: the value the file keeps as IFERROR's fallback (a date is its serial). */
export type Unwrapped =
  | { kind: "formula"; excelFormula: string; cached?: number | string | boolean }
  | { kind: "computedValue"; cached?: number | string | boolean }
  | { kind: "plain" };

const PREFIX = `IFERROR(${DUMMY}(`;

/** Reads `"ab""c"&"d"` from `text` at `i`: the joined string and where it ends. */
function readLiterals(text: string, i: number): { value: string; end: number } | null {
  let value = "";
  let k = i;
  for (;;) {
    if (text.charAt(k) !== '"') return null;
    k++;
    for (;;) {
      if (k >= text.length) return null;
      const ch = text.charAt(k);
      if (ch === '"' && text.charAt(k + 1) === '"') {
        value += '"';
        k += 2;
      } else if (ch === '"') {
        k++;
        break;
      } else {
        value += ch;
        k++;
      }
    }
    if (text.charAt(k) !== "&") return { value, end: k };
    k++;
  }
}

/** What a formula read from a file stands for: the original of a wrapped formula, a
 * cell of a spill, or an ordinary formula. */
export function unwrapFormula(excelFormula: string): Unwrapped {
  const text = excelFormula.replace(/^=/, "");
  if (!text.toUpperCase().startsWith(PREFIX.toUpperCase())) return { kind: "plain" };
  const lit = readLiterals(text, PREFIX.length);
  if (!lit || !text.startsWith("),", lit.end)) return { kind: "plain" };
  const cached = readFallback(text.slice(lit.end + 2, -1));
  const extra = cached === undefined ? {} : { cached };
  if (lit.value === `"${COMPUTED_VALUE}"`) return { kind: "computedValue", ...extra };
  return { kind: "formula", excelFormula: lit.value, ...extra };
}

/** IFERROR's fallback: a string (possibly split with &), TRUE/FALSE or a number.
 * ExcelJS cannot give a string result back when the cell has a date format. */
function readFallback(text: string): number | string | boolean | undefined {
  const t = text.trim();
  if (t.startsWith('"')) {
    const lit = readLiterals(t, 0);
    return lit && lit.end === t.length ? lit.value : undefined;
  }
  if (/^TRUE$/i.test(t)) return true;
  if (/^FALSE$/i.test(t)) return false;
  const n = Number(t);
  return t !== "" && Number.isFinite(n) ? n : undefined;
}
