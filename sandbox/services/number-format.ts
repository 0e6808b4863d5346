// What Sheets displays for a cell (Range.getDisplayValues): the value formatted with the
// cell's number format, in the spreadsheet's locale and time zone.
//
// Choices: the French thousands separator is written as a plain space ("1 850,00 €"),
// which is what a French reader types and what the CSV layer reads; booleans show as
// VRAI/FAUX in French; a date cell with the automatic format shows dd/MM/yyyy (plus
// the time when it is not midnight), as Sheets' fr_FR locale does.

import type { CellValue } from "../model.js";
import { serialToWallClock, toWallClock, type WallClock } from "../tz.js";

/** What Range.getNumberFormat returns for a cell whose format is automatic. */
export const DEFAULT_NUMBER_FORMAT = "0.###############";

interface LocaleSymbols {
  decimal: string;
  group: string;
  trueText: string;
  falseText: string;
  dateFormat: string;
  dateTimeFormat: string;
  months: string[];
  days: string[];
}

const FR: LocaleSymbols = {
  decimal: ",",
  group: " ",
  trueText: "VRAI",
  falseText: "FAUX",
  dateFormat: "dd/mm/yyyy",
  dateTimeFormat: "dd/mm/yyyy hh:mm:ss",
  months: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
};

const EN: LocaleSymbols = {
  decimal: ".",
  group: ",",
  trueText: "TRUE",
  falseText: "FALSE",
  dateFormat: "m/d/yyyy",
  dateTimeFormat: "m/d/yyyy h:mm:ss",
  months: [
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
  ],
  days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

export function localeSymbols(locale: string): LocaleSymbols {
  return /^(fr|de|es|it|pt|nl|be)/i.test(locale) ? FR : EN;
}

function bare(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
}

export function isDateFormat(format: string): boolean {
  const b = bare(format);
  return /[dmyhs]/i.test(b) && !/^general$/i.test(b.trim());
}

/** The formatted text of one cell. */
export function displayValue(
  value: CellValue,
  format: string,
  locale: string,
  timeZone: string,
): string {
  const sym = localeSymbols(locale);
  if (value === "") return "";
  if (typeof value === "boolean") return value ? sym.trueText : sym.falseText;
  if (typeof value === "string") return value;
  const fmt = format === DEFAULT_NUMBER_FORMAT ? "" : format;
  if (value instanceof Date) {
    const w = toWallClock(value, timeZone);
    if (fmt && isDateFormat(fmt)) return formatWallClock(w, fmt, sym);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    if (fmt && !isDateFormat(fmt)) {
      // A number format on a date cell shows its serial number.
      const serial =
        (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) -
          Date.UTC(1899, 11, 30)) /
        86_400_000;
      return formatNumber(serial, fmt, sym);
    }
    return formatWallClock(w, midnight ? sym.dateFormat : sym.dateTimeFormat, sym);
  }
  if (fmt && isDateFormat(fmt)) return formatWallClock(serialToWallClock(value), fmt, sym);
  if (!fmt) return automaticNumber(value, sym);
  return formatNumber(value, fmt, sym);
}

function automaticNumber(n: number, sym: LocaleSymbols): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Number(n.toPrecision(15)));
  return s.replace(".", sym.decimal);
}

/** "#,##0.00 [$€-40C]", "0.00%", "0", "#,##0" … : one section (the first, or the negative one). */
export function formatNumber(n: number, format: string, sym: LocaleSymbols): string {
  const sections = splitSections(format);
  let section = sections[0] ?? "";
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections[2] !== undefined) section = sections[2];
  const tokens: { literal: boolean; text: string }[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      const end = j < 0 ? section.length : j;
      tokens.push({ literal: true, text: section.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === "\\") {
      tokens.push({ literal: true, text: section.charAt(i + 1) });
      i += 2;
    } else if (ch === "[") {
      const j = section.indexOf("]", i);
      const inside = section.slice(i + 1, j < 0 ? section.length : j);
      // [$€-40C] is a currency symbol; colours and conditions show nothing.
      if (inside.startsWith("$"))
        tokens.push({ literal: true, text: inside.slice(1).split("-")[0] ?? "" });
      i = j < 0 ? section.length : j + 1;
    } else if (ch === "_") {
      tokens.push({ literal: true, text: " " });
      i += 2;
    } else if (ch === "*") {
      i += 2;
    } else {
      tokens.push({ literal: false, text: ch });
      i++;
    }
  }
  const raw = tokens.map((t) => (t.literal ? "\u0000".repeat(t.text.length) : t.text)).join("");
  const m = /[#0?][#0?,]*(\.[#0?]*)?|\.[#0?]+/.exec(raw);
  const percent = raw.includes("%");
  let v = percent ? value * 100 : value;
  let numberText = "";
  let start = raw.length;
  let end = raw.length;
  if (m) {
    start = m.index;
    end = m.index + m[0].length;
    const spec = m[0];
    const [intSpec = "", fracSpec = ""] = spec.split(".");
    const minFrac = (fracSpec.match(/0/g) ?? []).length;
    const maxFrac = fracSpec.length;
    const minInt = (intSpec.match(/0/g) ?? []).length;
    const grouping = intSpec.includes(",");
    const rounded = roundHalfUp(Math.abs(v), maxFrac);
    v = rounded;
    let [ip = "0", fp = ""] = rounded.toFixed(maxFrac).split(".");
    while (fp.length > minFrac && fp.endsWith("0")) fp = fp.slice(0, -1);
    if (ip === "0" && minInt === 0) ip = "";
    ip = ip.padStart(minInt, "0");
    if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, sym.group);
    numberText =
      ip + (fp ? sym.decimal + fp : spec.includes(".") && minFrac > 0 ? sym.decimal : "");
    if (n < 0 && sections[1] === undefined && rounded !== 0) numberText = `-${numberText}`;
  }
  // Rebuild: literals and symbols around the number, in order.
  let out = "";
  let pos = 0;
  for (const t of tokens) {
    const len = t.literal ? t.text.length : 1;
    if (pos >= start && pos < end) {
      if (pos === start) out += numberText;
    } else out += t.text;
    pos += len;
  }
  if (!m) out += "";
  return out;
}

function roundHalfUp(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON * x) * f) / f;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Sheets' date tokens: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm(minutes) ss AM/PM. */
export function formatWallClock(w: WallClock, format: string, sym: LocaleSymbols): string {
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const twelveHour = /AM\/PM|A\/P/i.test(format);
  const tokens: string[] = [];
  const re = /"[^"]*"|\\.|\[[^\]]*\]|AM\/PM|A\/P|y+|m+|d+|h+|s+|[^"\\[ymdhsAa]+|./gi;
  for (const t of format.match(re) ?? []) tokens.push(t);
  let out = "";
  let lastWasHour = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const lower = t.toLowerCase();
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith("\\")) out += t.slice(1);
    else if (t.startsWith("[")) out += "";
    else if (/^am\/pm$/i.test(t)) out += w.hour < 12 ? "AM" : "PM";
    else if (/^y+$/.test(lower)) out += lower.length <= 2 ? pad2(w.year % 100) : String(w.year);
    else if (/^d+$/.test(lower)) {
      if (lower.length >= 4) out += sym.days[weekday];
      else if (lower.length === 3) out += (sym.days[weekday] as string).slice(0, 3);
      else out += lower.length === 2 ? pad2(w.day) : String(w.day);
    } else if (/^h+$/.test(lower)) {
      const h = twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
      out += lower.length >= 2 ? pad2(h) : String(h);
      lastWasHour = true;
      continue;
    } else if (/^s+$/.test(lower)) out += lower.length >= 2 ? pad2(w.second) : String(w.second);
    else if (/^m+$/.test(lower)) {
      const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x));
      const minutes =
        lower.length <= 2 && (lastWasHour || (next !== undefined && /^s/i.test(next)));
      if (minutes) out += lower.length === 2 ? pad2(w.minute) : String(w.minute);
      else if (lower.length >= 4) out += sym.months[w.month - 1];
      else if (lower.length === 3) out += (sym.months[w.month - 1] as string).slice(0, 3);
      else out += lower.length === 2 ? pad2(w.month) : String(w.month);
    } else out += t;
    if (/^[a-z]/i.test(t)) lastWasHour = false;
  }
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
