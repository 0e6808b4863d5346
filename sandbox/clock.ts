// The sandbox's simulated clock, and the Date the bundle sees.
//
// Apps Script's V8 runs with the script's time zone (appsscript.json "timeZone") as
// its local zone, whatever machine Google runs it on: `new Date(2026, 10, 26)` is
// midnight in Paris, `getHours()` reads Paris hours. Node's local zone is the
// process's TZ, so the vm context gets a Date whose local-time methods are computed
// in the script's zone (sandbox/tz.ts) and whose no-argument construction and now()
// read this clock. Instants (`new Date(ms)`, getTime, toISOString, Date.UTC) are
// untouched.

import { fromWallClock, offsetMinutes, toWallClock } from "./tz.js";

export class Clock {
  private ms: number;
  private readonly listeners: ((fromMs: number, toMs: number) => void)[] = [];

  constructor(now: Date | number = Date.UTC(2026, 0, 1, 8)) {
    this.ms = typeof now === "number" ? now : now.getTime();
  }

  /** The current instant, in ms since the epoch. */
  nowMs(): number {
    return this.ms;
  }

  /** The current instant as a (host) Date. */
  now(): Date {
    return new Date(this.ms);
  }

  /** Sets the clock to a wall-clock time in a zone: "2026-11-26T09:00", "2026-11-26T09:00:30" or "2026-11-26" (midnight). */
  set(wall: string, timeZone: string): void {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(wall);
    if (!m) throw new RangeError(`Not a wall-clock time "yyyy-mm-ddThh:mm": ${wall}`);
    const instant = fromWallClock(
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
      },
      timeZone,
    );
    this.setInstant(instant);
  }

  /** Sets the clock to an instant. Moving backwards is allowed (a test may rewind). */
  setInstant(instant: Date | number): void {
    const to = typeof instant === "number" ? instant : instant.getTime();
    if (Number.isNaN(to)) throw new RangeError("Invalid instant");
    const from = this.ms;
    this.ms = to;
    for (const l of this.listeners) l(from, to);
  }

  /** Moves the clock forward (a service call's latency, Utilities.sleep, waiting for a lock). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("The clock only advances");
    if (ms > 0) this.setInstant(this.ms + ms);
  }

  /** Called after each change of the clock with the previous and new instants. */
  onChange(listener: (fromMs: number, toMs: number) => void): void {
    this.listeners.push(listener);
  }
}

/** What the vm's Date needs from the host: primitives only, so no host object leaks. */
interface ZonedDateHost {
  now(): number;
  timeZone: string;
  offset(ms: number): number;
  fromWall(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number;
  zoneName(ms: number): string;
}

// Evaluated inside the vm context, so that every Date there (the bundle's, and those the
// services create through the context's Date) shares one patched prototype.
const ZONED_DATE_SOURCE = `(function (host) {
  "use strict";
  const NativeDate = Date;
  const proto = NativeDate.prototype;
  const getTime = proto.getTime, setTime = proto.setTime;
  const nativeLocal = [proto.getFullYear, proto.getMonth, proto.getDate, proto.getHours,
    proto.getMinutes, proto.getSeconds, proto.getMilliseconds];
  const nativeParse = NativeDate.parse;
  const nativeToLocale = {
    toLocaleString: proto.toLocaleString,
    toLocaleDateString: proto.toLocaleDateString,
    toLocaleTimeString: proto.toLocaleTimeString,
  };
  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n, w) => String(n).padStart(w || 2, "0");

  // [year, month0, day, hours, minutes, seconds, ms, weekday] in the script's zone.
  function wall(t) {
    const d = new NativeDate(t + host.offset(t) * 60000);
    return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(),
      d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getUTCDay()];
  }
  // Wall-clock fields (overflow allowed, as Date's setters allow) -> instant.
  function instant(y, mo, d, h, mi, s, ms) {
    const f = [y, mo, d, h, mi, s, ms].map(Number);
    if (f.some((x) => !Number.isFinite(x))) return NaN;
    const u = new NativeDate(0);
    u.setUTCFullYear(f[0], f[1], f[2]);
    u.setUTCHours(f[3], f[4], f[5], f[6]);
    const v = getTime.call(u);
    if (v !== v) return NaN;
    return host.fromWall(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(),
      u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), u.getUTCMilliseconds());
  }
  function parse(str) {
    const s = String(str).trim();
    if (/^[+-]?\\d{4,6}(-\\d{2}(-\\d{2})?)?$/.test(s) || /(Z|[+-]\\d{2}:?\\d{2}|GMT|UTC)\\s*(\\([^)]*\\))?$/i.test(s)) {
      return nativeParse(s);
    }
    // No zone in the text: local time, i.e. the script's zone (the native parse used the process's).
    const t = nativeParse(s);
    if (t !== t) return NaN;
    const d = new NativeDate(t);
    return instant(...nativeLocal.map((g) => g.call(d)));
  }

  const getter = (i) => function () {
    const t = getTime.call(this);
    return t !== t ? NaN : wall(t)[i];
  };
  proto.getFullYear = getter(0);
  proto.getMonth = getter(1);
  proto.getDate = getter(2);
  proto.getHours = getter(3);
  proto.getMinutes = getter(4);
  proto.getSeconds = getter(5);
  proto.getMilliseconds = getter(6);
  proto.getDay = getter(7);
  proto.getTimezoneOffset = function () {
    const t = getTime.call(this);
    return t !== t ? NaN : -host.offset(t);
  };
  // Each setter: read the wall clock, replace some fields, store the new instant.
  const setter = (first, max) => function (...args) {
    const t = getTime.call(this);
    const w = t !== t ? (first === 0 ? wall(0) : null) : wall(t);
    if (!w) return NaN;
    const n = Math.min(args.length, max) || 1;
    for (let i = 0; i < n; i++) w[first + i] = args[i];
    return setTime.call(this, instant(w[0], w[1], w[2], w[3], w[4], w[5], w[6]));
  };
  proto.setFullYear = setter(0, 3);
  proto.setMonth = setter(1, 2);
  proto.setDate = setter(2, 1);
  proto.setHours = setter(3, 4);
  proto.setMinutes = setter(4, 3);
  proto.setSeconds = setter(5, 2);
  proto.setMilliseconds = setter(6, 1);

  function zoneText(t) {
    const off = host.offset(t), a = Math.abs(off);
    return "GMT" + (off < 0 ? "-" : "+") + pad(Math.floor(a / 60)) + pad(a % 60) + " (" + host.zoneName(t) + ")";
  }
  proto.toDateString = function () {
    const t = getTime.call(this);
    if (t !== t) return "Invalid Date";
    const w = wall(t);
    return DAYS[w[7]] + " " + MONTHS[w[1]] + " " + pad(w[2]) + " " + (w[0] < 0 ? "-" + pad(-w[0], 6) : pad(w[0], 4));
  };
  proto.toTimeString = function () {
    const t = getTime.call(this);
    if (t !== t) return "Invalid Date";
    const w = wall(t);
    return pad(w[3]) + ":" + pad(w[4]) + ":" + pad(w[5]) + " " + zoneText(t);
  };
  proto.toString = function () {
    const t = getTime.call(this);
    return t !== t ? "Invalid Date" : this.toDateString() + " " + this.toTimeString();
  };
  const withZone = (o) => (o && o.timeZone !== undefined ? o : Object.assign({}, o, { timeZone: host.timeZone }));
  for (const name of Object.keys(nativeToLocale)) {
    proto[name] = function (locales, options) {
      return nativeToLocale[name].call(this, locales, withZone(options));
    };
  }
  const NativeDTF = Intl.DateTimeFormat;
  Intl.DateTimeFormat = new Proxy(NativeDTF, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, [args[0], withZone(args[1])], newTarget === Intl.DateTimeFormat ? target : newTarget),
    apply: (target, self, args) => Reflect.apply(target, self, [args[0], withZone(args[1])]),
  });

  NativeDate.now = function now() { return host.now(); };
  NativeDate.parse = function parse_(s) { return parse(s); };
  const ZonedDate = new Proxy(NativeDate, {
    construct(target, args, newTarget) {
      const nt = newTarget === ZonedDate ? target : newTarget;
      if (args.length === 0) return Reflect.construct(target, [host.now()], nt);
      if (args.length === 1) {
        const v = args[0];
        return Reflect.construct(target, [typeof v === "string" ? parse(v) : v], nt);
      }
      let y = Number(args[0]);
      if (Number.isInteger(y) && y >= 0 && y <= 99) y += 1900;
      const t = instant(y, args[1], args[2] === undefined ? 1 : args[2], args[3] || 0,
        args[4] || 0, args[5] || 0, args[6] || 0);
      return Reflect.construct(target, [t], nt);
    },
    apply() {
      return new NativeDate(host.now()).toString();
    },
  });
  proto.constructor = ZonedDate;
  globalThis.Date = ZonedDate;
  return NativeDate;
})`;

const zoneNames = new Map<string, Intl.DateTimeFormat>();

function longZoneName(ms: number, timeZone: string): string {
  let f = zoneNames.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" });
    zoneNames.set(timeZone, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** Replaces the context's Date (and Intl.DateTimeFormat's default zone) so that the bundle
 * reads `clock` and keeps local time in `timeZone`. Call once, before evaluating code.
 * Returns the native Date constructor of the context. */
export function installZonedDate(
  runInContext: (source: string) => unknown,
  clock: Clock,
  timeZone: string,
): DateConstructor {
  const host: ZonedDateHost = {
    now: () => clock.nowMs(),
    timeZone,
    offset: (ms) => offsetMinutes(new Date(ms), timeZone),
    fromWall: (year, month, day, hour, minute, second, millisecond) =>
      fromWallClock({ year, month, day, hour, minute, second, millisecond }, timeZone).getTime(),
    zoneName: (ms) => longZoneName(ms, timeZone),
  };
  const install = runInContext(ZONED_DATE_SOURCE) as (h: ZonedDateHost) => DateConstructor;
  // The context's own Date constructor, under the proxy: its instances share the patched
  // prototype, and building them skips the proxy (the membrane converts every date cell).
  return install(host);
}

/** The wall clock of the simulated now in a zone (handy for tests and the façade). */
export function wallNow(clock: Clock, timeZone: string) {
  return toWallClock(clock.now(), timeZone);
}
