// French public holidays (jours fériés, Code du travail L3133-1) and business days.
import {
  addDays,
  type CalendarDate,
  calendarDate,
  dayOfWeek,
  fromDayNumber,
  toDayNumber,
  yearOf,
} from "./calendar-date";

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDate(year, month, day) as CalendarDate;
}

/** The eleven national public holidays of a year (not the Alsace-Moselle extras). */
export function frenchPublicHolidays(year: number): CalendarDate[] {
  const easter = easterSunday(year);
  const fixed = (m: number, d: number) => calendarDate(year, m, d) as CalendarDate;
  return [
    fixed(1, 1),
    addDays(easter, 1), // lundi de Pâques
    fixed(5, 1),
    fixed(5, 8),
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // lundi de Pentecôte
    fixed(7, 14),
    fixed(8, 15),
    fixed(11, 1),
    fixed(11, 11),
    fixed(12, 25),
  ].sort();
}

const holidayCache = new Map<number, ReadonlySet<number>>();

function holidayDayNumbers(year: number): ReadonlySet<number> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(frenchPublicHolidays(year).map(toDayNumber));
    holidayCache.set(year, set);
  }
  return set;
}

export function isFrenchPublicHoliday(d: CalendarDate): boolean {
  return holidayDayNumbers(yearOf(d)).has(toDayNumber(d));
}

/** Not a Saturday, a Sunday or a French public holiday. */
export function isBusinessDay(d: CalendarDate): boolean {
  const dow = dayOfWeek(d);
  return dow !== 0 && dow !== 6 && !isFrenchPublicHoliday(d);
}

/** The first business day on or after `d`. */
export function nextBusinessDay(d: CalendarDate): CalendarDate {
  let n = toDayNumber(d);
  let candidate = d;
  while (!isBusinessDay(candidate)) {
    n += 1;
    candidate = fromDayNumber(n);
  }
  return candidate;
}
