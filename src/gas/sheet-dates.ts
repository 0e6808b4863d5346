// Date cells ⇄ calendar dates, in the spreadsheet's time zone. Sheets hands a date cell
// to Apps Script as the instant of its wall-clock midnight in the spreadsheet's zone,
// which may differ from the script's and from the machine's: only Utilities.formatDate
// with that zone reads it back right.
import { type CalendarDate, dayOf, monthOf, parseIsoDate, yearOf } from "../domain/calendar-date";

export interface SheetDates {
  timeZone: string;
  calendarDateOf(instant: Date): CalendarDate;
  /** The Date a date cell holds for this calendar date (its midnight in the zone). */
  dateCellOf(date: CalendarDate): Date;
  today(): CalendarDate;
}

/** Converters for one time zone; cached, since a ledger repeats the same few dates. */
export function sheetDates(timeZone: string): SheetDates {
  const calendarDates = new Map<number, CalendarDate>();
  const cells = new Map<CalendarDate, Date>();
  const format = (instant: Date, pattern: string) =>
    Utilities.formatDate(instant, timeZone, pattern);

  function calendarDateOf(instant: Date): CalendarDate {
    const key = instant.getTime();
    let date = calendarDates.get(key);
    if (date === undefined) {
      date = parseIsoDate(format(instant, "yyyy-MM-dd")) as CalendarDate;
      calendarDates.set(key, date);
    }
    return date;
  }

  function dateCellOf(date: CalendarDate): Date {
    let cell = cells.get(date);
    if (cell === undefined) {
      cell = midnight(date);
      cells.set(date, cell);
    }
    return new Date(cell.getTime());
  }

  // Midnight of `date` in the zone: UTC midnight shifted by the zone's offset, checked
  // once more in case the offset changes between the two instants (DST).
  function midnight(date: CalendarDate): Date {
    const utcMidnight = Date.UTC(yearOf(date), monthOf(date) - 1, dayOf(date));
    let instant = utcMidnight - offsetMs(new Date(utcMidnight));
    const corrected = utcMidnight - offsetMs(new Date(instant));
    if (corrected !== instant && calendarDateOf(new Date(corrected)) === date) instant = corrected;
    return new Date(instant);
  }

  function offsetMs(instant: Date): number {
    const z = format(instant, "Z"); // "+0100", "-1000", "+1245"
    const sign = z.startsWith("-") ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
  }

  return {
    timeZone,
    calendarDateOf,
    dateCellOf,
    today: () => calendarDateOf(new Date()),
  };
}
