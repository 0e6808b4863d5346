// Calendar dates ("yyyy-mm-dd"), never instants: a due date is a day in France, not a
// moment in some time zone. Arithmetic goes through a day number (days since 1970-01-01),
// so nothing here depends on the machine's time zone.

declare const calendarDateBrand: unique symbol;
/** A day of the calendar, written "yyyy-mm-dd". */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** The calendar date of a year, month (1–12) and day, or undefined if it does not exist. */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

/** Parses a strict "yyyy-mm-dd"; undefined when malformed or not a real day. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  if (dayNumbers.has(text)) return text as CalendarDate; // already seen, hence valid
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function yearOf(d: CalendarDate): number {
  return Number(d.slice(0, 4));
}

export function monthOf(d: CalendarDate): number {
  return Number(d.slice(5, 7));
}

export function dayOf(d: CalendarDate): number {
  return Number(d.slice(8, 10));
}

// A ledger holds the same few hundred dates on every row; day numbers are remembered both
// ways so that date arithmetic over 100 000 rows allocates almost nothing.
const dayNumbers = new Map<string, number>();
const datesByDayNumber = new Map<number, CalendarDate>();
const MAX_CACHED_DATES = 50_000;

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(d: CalendarDate): number {
  let n = dayNumbers.get(d);
  if (n === undefined) {
    n = Date.UTC(yearOf(d), monthOf(d) - 1, dayOf(d)) / MS_PER_DAY;
    if (dayNumbers.size < MAX_CACHED_DATES) dayNumbers.set(d, n);
  }
  return n;
}

export function fromDayNumber(n: number): CalendarDate {
  let d = datesByDayNumber.get(n);
  if (d === undefined) {
    const t = new Date(n * MS_PER_DAY);
    d =
      `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}` as CalendarDate;
    if (datesByDayNumber.size < MAX_CACHED_DATES) datesByDayNumber.set(n, d);
  }
  return d;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** Same day and month N years later; 29 February becomes 28 February in a common year. */
export function addYears(d: CalendarDate, years: number): CalendarDate {
  const year = yearOf(d) + years;
  if (d.endsWith("-02-29") && !isLeapYear(year)) return `${pad(year, 4)}-02-28` as CalendarDate;
  return `${pad(year, 4)}${d.slice(4)}` as CalendarDate;
}

/** The same day `months` later, the end of the month when that day does not exist
 * (31 January + 1 month → 28/29 February). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = yearOf(d) * 12 + (monthOf(d) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return calendarDate(year, month, Math.min(dayOf(d), daysInMonth(year, month))) as CalendarDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function dayOfWeek(d: CalendarDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function maxDate(first: CalendarDate, ...rest: (CalendarDate | undefined)[]): CalendarDate {
  let max = first;
  for (const d of rest) if (d !== undefined && d > max) max = d;
  return max;
}

/** The spreadsheet serial number of a date (days since 1899-12-30, as Sheets and Excel count). */
export function toSerial(d: CalendarDate): number {
  return toDayNumber(d) + 25_569;
}

export function fromSerial(serial: number): CalendarDate {
  return fromDayNumber(Math.floor(serial) - 25_569);
}

/** "26/11/2026", as a French reader expects. */
export function formatFrenchDate(d: CalendarDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** The years a ledger date may fall in: outside them a date is a typing slip (« 31/12/9999 »,
 * the number 2026 read as a serial → 1905), never an invoice. */
export const SANE_YEARS = { first: 2000, last: 2099 } as const;

export function isInSaneRange(d: CalendarDate): boolean {
  const year = yearOf(d);
  return year >= SANE_YEARS.first && year <= SANE_YEARS.last;
}
