// How amounts, dates and counts read in French: the domain's own formatters.
import { type CalendarDate, formatFrenchDate } from "../src/domain/calendar-date";
import { formatEuros } from "../src/domain/money";

export { countOf as count, ofName } from "../src/domain/text";

export const euros = (amount: number): string => formatEuros(amount);

/** "2026-11-26" → "26/11/2026"; "" stays "". */
export function frDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? formatFrenchDate(iso.slice(0, 10) as CalendarDate) : iso;
}

/** "2026-11-26 09:15" → "26/11/2026 09:15". */
export function frDateTime(at: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(at) ? `${frDate(at)}${at.slice(10)}` : at;
}

/** What a search compares: case and accents aside (« hotel » finds « Hôtel du Parc »). */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
