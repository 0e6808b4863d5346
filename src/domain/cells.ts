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

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;

/** One or several addresses separated by "," or ";", normalized to "a@x.fr, b@y.fr". */
export function parseEmailsCell(cell: Cell): string | undefined {
  const parts = cellText(cell)
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0 || !parts.every((p) => EMAIL.test(p))) return undefined;
  return parts.join(", ");
}
