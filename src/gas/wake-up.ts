// The hourly trigger's wake-up: at most two cheap calls (one property read) when there is
// nothing to do; the day's state is written by each full run.

import type { CalendarDate } from "../domain/calendar-date";
import { type DayState, dayStateText, parseDayState, wakeUpWorks } from "../domain/sending-window";

const DAY_PROPERTY = "recouvra.day";

export function readDayState(): DayState | undefined {
  return parseDayState(PropertiesService.getDocumentProperties().getProperty(DAY_PROPERTY));
}

export function writeDayState(state: DayState): void {
  PropertiesService.getDocumentProperties().setProperty(DAY_PROPERTY, dayStateText(state));
}

/** The event of a time-driven trigger: its date and hour in the trigger's zone. */
export interface ClockEvent {
  triggerUid?: string;
  year?: number;
  month?: number;
  "day-of-month"?: number;
  hour?: number;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The wake-up's day and hour from the event alone (no service call), when it tells them. */
export function eventTime(e: ClockEvent): { day: CalendarDate; hour: number } | undefined {
  const { year, month, hour } = e;
  const d = e["day-of-month"];
  if (year === undefined || month === undefined || d === undefined || hour === undefined)
    return undefined;
  return { day: `${year}-${pad(month)}-${pad(d)}` as CalendarDate, hour };
}

/** Whether this wake-up works (one property read); `undefined` event: always. */
export function shouldWork(e: ClockEvent): boolean {
  const time = eventTime(e);
  if (!time) return true;
  return wakeUpWorks(readDayState(), time.day, time.hour);
}
