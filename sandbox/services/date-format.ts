// Utilities.formatDate: Java's SimpleDateFormat patterns, in any IANA zone, with the
// English month and day names Google uses, independent of the process's TZ.

import { offsetMinutes, toWallClock } from "../tz.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// Java's short zone names for the zones a French SME meets; others get "GMT+hh:mm" as Java does.
const ZONE_ABBREVIATIONS: Record<string, [string, string]> = {
  "Europe/Paris": ["CET", "CEST"],
  "Europe/Brussels": ["CET", "CEST"],
  "Europe/Luxembourg": ["CET", "CEST"],
  "Europe/Monaco": ["CET", "CEST"],
  "Europe/Berlin": ["CET", "CEST"],
  "Europe/Zurich": ["CET", "CEST"],
  "Europe/London": ["GMT", "BST"],
  "America/New_York": ["EST", "EDT"],
  "America/Chicago": ["CST", "CDT"],
  "America/Denver": ["MST", "MDT"],
  "America/Los_Angeles": ["PST", "PDT"],
  "Pacific/Noumea": ["NCT", "NCST"],
  "Indian/Reunion": ["RET", "RET"],
  "America/Martinique": ["AST", "ADT"],
  "America/Guadeloupe": ["AST", "ADT"],
  "America/Cayenne": ["GFT", "GFT"],
  "Pacific/Tahiti": ["TAHT", "TAHT"],
  UTC: ["UTC", "UTC"],
  "Etc/UTC": ["UTC", "UTC"],
  GMT: ["GMT", "GMT"],
};

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  const h = pad(Math.floor(a / 60), 2);
  const m = pad(a % 60, 2);
  if (!withMinutes) return `${sign}${h}`;
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function isDst(instant: Date, timeZone: string): boolean {
  const y = toWallClock(instant, timeZone).year;
  const jan = offsetMinutes(new Date(Date.UTC(y, 0, 1)), timeZone);
  const jul = offsetMinutes(new Date(Date.UTC(y, 6, 1)), timeZone);
  return offsetMinutes(instant, timeZone) !== Math.min(jan, jul) && jan !== jul;
}

function zoneName(instant: Date, timeZone: string, long: boolean): string {
  const abbr = ZONE_ABBREVIATIONS[timeZone];
  const dst = isDst(instant, timeZone);
  if (!long && abbr) return dst ? abbr[1] : abbr[0];
  if (long) {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name) return name;
  }
  return `GMT${offsetText(offsetMinutes(instant, timeZone), true)}`;
}

/** Utilities.formatDate(date, timeZone, pattern). Throws on an unknown pattern letter, as Java does. */
export function formatDate(instant: Date, timeZone: string, pattern: string): string {
  const w = toWallClock(instant, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const offset = offsetMinutes(instant, timeZone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      // 'quoted text', '' is a quote.
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = "";
      while (j < pattern.length) {
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern.charAt(j);
        j++;
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n++;
    i += n;
    out += field(ch, n);
  }
  return out;

  function field(ch: string, n: number): string {
    switch (ch) {
      case "G":
        return w.year > 0 ? "AD" : "BC";
      case "y":
      case "Y":
      case "u":
        if (ch === "u") return String(weekday === 0 ? 7 : weekday);
        return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case "M":
      case "L":
        if (n >= 4) return MONTHS[w.month - 1] as string;
        if (n === 3) return (MONTHS[w.month - 1] as string).slice(0, 3);
        return pad(w.month, n);
      case "d":
        return pad(w.day, n);
      case "D": {
        const doy =
          (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
        return pad(doy, n);
      }
      case "E":
        return n >= 4 ? (DAYS[weekday] as string) : (DAYS[weekday] as string).slice(0, 3);
      case "F":
        return pad(Math.floor((w.day - 1) / 7) + 1, n);
      case "a":
        return w.hour < 12 ? "AM" : "PM";
      case "H":
        return pad(w.hour, n);
      case "k":
        return pad(w.hour === 0 ? 24 : w.hour, n);
      case "K":
        return pad(w.hour % 12, n);
      case "h":
        return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
      case "m":
        return pad(w.minute, n);
      case "s":
        return pad(w.second, n);
      case "S":
        return pad(w.millisecond, n);
      case "z":
        return zoneName(instant, timeZone, n >= 4);
      case "Z":
        return offsetText(offset, false);
      case "X":
        if (offset === 0) return "Z";
        return n === 1 ? offsetText(offset, false, offset % 60 !== 0) : offsetText(offset, n >= 3);
      case "w": {
        // ISO-ish week of year (Java's default for the US locale counts from Sunday; rarely used here).
        const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
        const doy = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000;
        return pad(Math.floor((doy + jan1) / 7) + 1, n);
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
}
