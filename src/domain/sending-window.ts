// When the hourly wake-ups work: from the send hour to the end of the sending window, on
// business days, until the day's work is done (README, « La fenêtre horaire »).
import { addDays, type CalendarDate, dayOfWeek, formatFrenchDate } from "./calendar-date";
import { isBusinessDay, nextBusinessDay } from "./holidays";

/** Where the day stands, as the last run left it (a document property). */
export interface DayState {
  day: string;
  /** Nothing left for the day: later wake-ups sleep. */
  done: boolean;
  /** The sending window, in whole hours of the spreadsheet's zone. */
  from: number;
  until: number;
}

export function dayStateText(s: DayState): string {
  return [s.day, s.done ? "fait" : "à reprendre", s.from, s.until].join("|");
}

export function parseDayState(text: string | null): DayState | undefined {
  if (!text) return undefined;
  const [day = "", done, from, until] = text.split("|");
  const f = Number(from);
  const u = Number(until);
  if (!Number.isInteger(f) || !Number.isInteger(u)) return undefined;
  return { day, done: done === "fait", from: f, until: u };
}

/** Does a wake-up at `hour` on `today` have anything to do? Outside the window, or once the
 * day is done, it goes back to sleep without reading a sheet. */
export function wakeUpWorks(
  state: DayState | undefined,
  today: CalendarDate,
  hour: number,
): boolean {
  if (!state) return true;
  if (hour < state.from || hour >= state.until) return false;
  return !(state.day === today && state.done);
}

/** « reprise à 10 h » today, or « reprise le lundi 30/11/2026 à 9 h ». */
export function resumeText(today: CalendarDate, hour: number, from: number, until: number): string {
  const next = Math.max(hour + 1, from);
  if (isBusinessDay(today) && next < until) return `reprise à ${next} h`;
  return `reprise le ${formatFrenchDate(nextBusinessDay(addDays(today, 1)))} à ${from} h`;
}

const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

/** Why nothing leaves today (« samedi : aucun envoi aujourd'hui, les relances reprennent le
 * lundi 30/11/2026 »), or undefined on a business day. */
export function noSendingReason(today: CalendarDate): string | undefined {
  if (isBusinessDay(today)) return undefined;
  const next = nextBusinessDay(today);
  const weekday = WEEKDAYS[dayOfWeek(today)] as string;
  const what = dayOfWeek(today) === 0 || dayOfWeek(today) === 6 ? weekday : "jour férié";
  return `${what} : aucun envoi aujourd'hui, les relances reprennent le ${WEEKDAYS[dayOfWeek(next)]} ${formatFrenchDate(next)}`;
}
