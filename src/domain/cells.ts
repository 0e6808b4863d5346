// Reading cells as a French user types them. The shell has already turned date cells into
// "yyyy-mm-dd" calendar dates in the spreadsheet's time zone; everything else arrives as
// Sheets gives it: numbers, booleans, text, '' for an empty cell.
import { type CalendarDate, calendarDate, fromSerial, parseIsoDate } from "./calendar-date";
import { parseAmountText } from "./money";

export type Cell = string | number | boolean | null | undefined;

export function isBlankCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Text of a cell as the user reads it. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return String(cell).trim();
}

/** An amount in euros from a number or "1 850,00 €"-like text. */
export function parseAmountCell(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "string") return parseAmountText(cell);
  return undefined;
}

const MAX_SERIAL = 2_958_465; // 31/12/9999

/** A calendar date from "yyyy-mm-dd", "26/11/2026", "26-11-26", "26.11.2026 10:00" or a
 * spreadsheet serial number. */
export function parseDateCell(cell: Cell): CalendarDate | undefined {
  if (typeof cell === "number") {
    return cell >= 1 && cell <= MAX_SERIAL ? fromSerial(cell) : undefined;
  }
  if (typeof cell !== "string") return undefined;
  if (cell.length === 10 && cell.charCodeAt(4) === 45) return parseIsoDate(cell); // "yyyy-mm-dd", the shell's form
  const text = cell.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return parseIsoDate(iso[1] as string);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}[:h]\d{2}(?::\d{2})?)?$/.exec(
    text,
  );
  if (!fr) return undefined;
  const yearText = fr[3] as string;
  const shortYear = Number(yearText);
  const year =
    yearText.length === 2 ? (shortYear < 50 ? 2000 + shortYear : 1900 + shortYear) : shortYear;
  return calendarDate(year, Number(fr[2]), Number(fr[1]));
}

const TRUE_WORDS = new Set(["true", "vrai", "oui", "o", "x", "1", "yes", "y"]);
const FALSE_WORDS = new Set(["false", "faux", "non", "n", "0", "no", ""]);

/** A checkbox, TRUE/FALSE, VRAI/FAUX, Oui/Non, x, 1/0; blank is false. */
export function parseYesNoCell(cell: Cell): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  if (cell === null || cell === undefined) return false;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** The error values Sheets' getValues returns for a formula that failed (a lookup that found
 * nothing gives "#N/A"): never a name, an address or an amount. */
export const SHEET_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#ERROR!",
]);

/** The error value a cell holds ("#N/A"…), if any. */
export function sheetErrorOf(cell: Cell): string | undefined {
  if (typeof cell !== "string" || cell.length > 8 || !cell.includes("#")) return undefined;
  const text = cell.trim().toUpperCase();
  return SHEET_ERROR_VALUES.has(text) ? text : undefined;
}

// Characters that print nothing: zero-width spaces and joiners, direction marks, the BOM,
// the soft hyphen, word joiners, Hangul fillers, variation selectors — and the no-break
// and typographic spaces, which look like a space but are not one to a mail server.
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

function isInvisibleCode(code: number): boolean {
  return INVISIBLE_RANGES.some(([low, high]) => code >= low && code <= high);
}

/** The first invisible character of a text, as "U+200B", if any. */
export function invisibleCharacterIn(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xa0 && isInvisibleCode(code))
      return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return undefined;
}

/** True when a text shows nothing once its spaces and invisible characters are set aside. */
export function isInvisibleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && !(code >= 0xa0 && isInvisibleCode(code))) return false;
  }
  return true;
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;

/** One or several addresses separated by "," or ";", normalized to "a@x.fr, b@y.fr". */
export function parseEmailsCell(cell: Cell): string | undefined {
  const parts = cellText(cell)
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (
    parts.length === 0 ||
    !parts.every((p) => EMAIL.test(p) && invisibleCharacterIn(p) === undefined)
  )
    return undefined;
  return parts.join(", ");
}
