// Date cells ⇄ calendar dates, in the spreadsheet's time zone. Sheets hands a date cell
// to Apps Script as the instant of its wall-clock midnight in the spreadsheet's zone,
// which may differ from the script's and from the machine's: only Utilities.formatDate
// with that zone reads it back right.
//
// A ledger holds thousands of distinct dates, and a zone's offset changes twice a year at
// most: each date read through formatDate also teaches the offset at that day's midnight,
// and a day between two that share one offset, three weeks apart at most, needs no call.

import {
  type CalendarDate,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
} from "../domain/calendar-date";
import type { Cell } from "../domain/cells";

export interface SheetDates {
  timeZone: string;
  calendarDateOf(instant: Date): CalendarDate;
  /** The Date a date cell holds for this calendar date (its midnight in the zone). */
  dateCellOf(date: CalendarDate): Date;
  today(): CalendarDate;
}

const DAY_MS = 86_400_000;
/** How far apart two days of the same offset may be for the days between to share it: no
 * zone has had two transitions within three weeks (Morocco's Ramadan break is the shortest). */
const SAME_OFFSET_SPAN = 21;

export function sheetDates(timeZone: string): SheetDates {
  const calendarDates = new Map<number, CalendarDate>();
  const cells = new Map<CalendarDate, Date>();
  /** Day number → offset of the zone at that day's midnight (local = UTC + offset), in ms. */
  const offsets = new Map<number, number>();

  /** The offset at `day`'s midnight when known, or bracketed by two equal known offsets. */
  function knownOffset(day: number): number | undefined {
    const exact = offsets.get(day);
    if (exact !== undefined) return exact;
    const left = knownBefore(day);
    if (left === undefined) return undefined;
    for (let after = 1; day - left.day + after <= SAME_OFFSET_SPAN; after++) {
      const right = offsets.get(day + after);
      if (right !== undefined) return right === left.offset ? right : undefined;
    }
    return undefined;
  }

  function knownBefore(day: number): { day: number; offset: number } | undefined {
    for (let d = day - 1; d > day - SAME_OFFSET_SPAN; d--) {
      const offset = offsets.get(d);
      if (offset !== undefined) return { day: d, offset };
    }
    return undefined;
  }

  /** The offset at `day`'s midnight, reading one date a span ahead when only the left side
   * is known: if it keeps the same offset, every day in between needs no more calls. */
  function offsetAt(day: number): number | undefined {
    const known = knownOffset(day);
    if (known !== undefined) return known;
    const left = knownBefore(day);
    if (left === undefined) return undefined;
    formatted(new Date((left.day + SAME_OFFSET_SPAN) * DAY_MS - left.offset));
    return knownOffset(day);
  }

  /** Reads an instant with formatDate, learning the offset when it is a midnight. */
  function formatted(instant: Date): CalendarDate {
    const text = Utilities.formatDate(instant, timeZone, "yyyy-MM-dd HH:mm:ss");
    const date = parseIsoDate(text.slice(0, 10)) as CalendarDate;
    if (text.endsWith(" 00:00:00") && instant.getTime() % 1000 === 0) {
      const day = toDayNumber(date);
      offsets.set(day, day * DAY_MS - instant.getTime());
    }
    return date;
  }

  /** The calendar date of an instant that is a local midnight under a known offset. */
  function inferred(t: number): CalendarDate | undefined {
    const utcDay = Math.floor(t / DAY_MS);
    for (const day of [utcDay, utcDay + 1, utcDay - 1]) {
      const offset = offsetAt(day);
      if (offset !== undefined && t + offset === day * DAY_MS) return fromDayNumber(day);
    }
    return undefined;
  }

  function calendarDateOf(instant: Date): CalendarDate {
    const t = instant.getTime();
    let date = calendarDates.get(t);
    if (date === undefined) {
      date = inferred(t) ?? formatted(instant);
      calendarDates.set(t, date);
    }
    return date;
  }

  function dateCellOf(date: CalendarDate): Date {
    let cell = cells.get(date);
    if (cell === undefined) {
      cell = midnight(date);
      cells.set(date, cell);
    }
    return cell; // shared: Sheets only reads the values a function returns
  }

  // Midnight of `date` in the zone: from a known offset, or by asking formatDate for the
  // offset at UTC midnight, then checking once more in case it changed in between (DST).
  function midnight(date: CalendarDate): Date {
    const day = toDayNumber(date);
    const known = offsetAt(day);
    if (known !== undefined) return new Date(day * DAY_MS - known);
    const utcMidnight = day * DAY_MS;
    let instant = utcMidnight - offsetMs(new Date(utcMidnight));
    const corrected = utcMidnight - offsetMs(new Date(instant));
    if (corrected !== instant && formatted(new Date(corrected)) === date) instant = corrected;
    formatted(new Date(instant)); // learns this day's offset for its neighbours
    return new Date(instant);
  }

  function offsetMs(instant: Date): number {
    const z = Utilities.formatDate(instant, timeZone, "Z"); // "+0100", "-1000", "+1245"
    const sign = z.startsWith("-") ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
  }

  return {
    timeZone,
    calendarDateOf,
    dateCellOf,
    today: () => formatted(new Date()),
  };
}

/** A value as Sheets hands it → a domain cell: date cells become calendar dates in the
 * spreadsheet's zone; anything else but text, numbers and booleans reads as blank. */
export function toCell(value: unknown, dates: SheetDates): Cell {
  // Primitives first: most cells are, and `instanceof` is the dearer test.
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return value as Cell;
  return value instanceof Date ? dates.calendarDateOf(value) : "";
}
