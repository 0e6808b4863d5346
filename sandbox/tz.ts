// Wall-clock time in an IANA time zone <-> instants, independent of the machine's TZ.
// One place for the sandbox's services (Utilities.formatDate, TODAY(), date cells) and
// its file layer (.xlsx/.csv dates), so they always agree.

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for an unknown time zone, as Intl does. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock reading of an instant in a time zone. */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    millisecond:
      instant.getTime() % 1000 < 0 ? 1000 + (instant.getTime() % 1000) : instant.getTime() % 1000,
  };
}

/** Offset of the time zone from UTC at an instant, in minutes (Paris in winter: +60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = toWallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant at which the time zone's clocks show this wall-clock time. In a DST gap
 * the time is moved forward, as Sheets does; in an overlap the earlier instant wins. */
export function fromWallClock(
  w: Partial<WallClock> & Pick<WallClock, "year" | "month" | "day">,
  timeZone: string,
): Date {
  const guess = Date.UTC(
    w.year,
    w.month - 1,
    w.day,
    w.hour ?? 0,
    w.minute ?? 0,
    w.second ?? 0,
    w.millisecond ?? 0,
  );
  // The instant is the guess less the offset in force *at that instant*: try the offsets
  // around the guess, keep those that read back as the wall clock asked for.
  const offsets = new Set(
    [-24, -12, 0, 12, 24].map((h) => offsetMinutes(new Date(guess + h * 3_600_000), timeZone)),
  );
  const candidates = [...offsets].map((o) => guess - o * 60_000);
  const exact = candidates.filter(
    (t) => t + offsetMinutes(new Date(t), timeZone) * 60_000 === guess,
  );
  // In an overlap the earlier instant wins; in a gap (no exact candidate) the later one.
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/** "yyyy-mm-dd" of an instant in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const w = toWallClock(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** Midnight of a "yyyy-mm-dd" calendar date in a time zone, as Sheets' date cells hold it. */
export function midnightIn(isoDate: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Not a yyyy-mm-dd date: ${isoDate}`);
  return fromWallClock({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, timeZone);
}

// Spreadsheet serial numbers (Sheets, Excel, LibreOffice): days since 1899-12-30, wall clock.
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The wall-clock time a spreadsheet serial number stands for. */
export function serialToWallClock(serial: number): WallClock {
  const ms = Math.round(serial * 86_400_000);
  const d = new Date(SERIAL_EPOCH_UTC + ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The serial number of a wall-clock time. */
export function wallClockToSerial(w: WallClock): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (ms - SERIAL_EPOCH_UTC) / 86_400_000;
}
