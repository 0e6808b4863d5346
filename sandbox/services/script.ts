// ScriptApp: time-driven triggers, with the restrictions Google puts on an editor
// add-on (one time-driven trigger per user per document; at most hourly). Triggers fire
// on the simulated clock (see TriggerStore.due and the façade's fireDueTriggers).

import { fromWallClock, toWallClock } from "../tz.js";
import { GAS, MESSAGES, type Runtime } from "./runtime.js";

type S = typeof GoogleAppsScript.Script;
type TriggerT = GoogleAppsScript.Script.Trigger;
type ClockBuilderT = GoogleAppsScript.Script.ClockTriggerBuilder;

export const AuthMode = {
  NONE: "NONE",
  CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
  LIMITED: "LIMITED",
  FULL: "FULL",
} as const;
export const TriggerSource = {
  SPREADSHEETS: "SPREADSHEETS",
  CLOCK: "CLOCK",
  FORMS: "FORMS",
  DOCUMENTS: "DOCUMENTS",
} as const;
export const EventType = {
  CLOCK: "CLOCK",
  ON_OPEN: "ON_OPEN",
  ON_EDIT: "ON_EDIT",
  ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
  ON_CHANGE: "ON_CHANGE",
} as const;
export const WeekDay = {
  SUNDAY: "SUNDAY",
  MONDAY: "MONDAY",
  TUESDAY: "TUESDAY",
  WEDNESDAY: "WEDNESDAY",
  THURSDAY: "THURSDAY",
  FRIDAY: "FRIDAY",
  SATURDAY: "SATURDAY",
} as const;

export interface Schedule {
  /** "once" (at / after), or a period. */
  every?: { unit: "minutes" | "hours" | "days" | "weeks"; n: number };
  atMs?: number;
  hour?: number;
  minute?: number;
  weekDay?: string;
  timeZone: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  schedule: Schedule;
  /** When it fires next (ms); undefined once a one-off trigger has fired. */
  nextMs: number | undefined;
  createdMs: number;
}

export interface TriggerRun {
  uid: string;
  handler: string;
  at: Date;
  /** The exception's message when the run failed (Google emails nobody for an add-on). */
  error?: string;
}

/** The project's installed triggers and what happened when they fired. */
export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];
  readonly runs: TriggerRun[] = [];
  private seq = 0;
  nextUid(): string {
    this.seq++;
    return String(1_000_000 + this.seq * 7_919);
  }
  /** The trigger that comes due first at or before `untilMs`. */
  due(untilMs: number): TriggerRecord | undefined {
    let best: TriggerRecord | undefined;
    for (const t of this.triggers) {
      if (
        t.nextMs !== undefined &&
        t.nextMs <= untilMs &&
        (!best || t.nextMs < (best.nextMs as number))
      )
        best = t;
    }
    return best;
  }
  /** Moves a trigger to its next occurrence after it fired. */
  advance(t: TriggerRecord): void {
    t.nextMs = nextOccurrence(t.schedule, t.nextMs as number, false);
  }
}

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/** The next time a schedule fires strictly after `fromMs` (or at/after it when `first`).
 * Google picks a random minute within the hour for atHour(); the sandbox fires at the
 * hour's nearMinute (or :00) so that runs are reproducible. */
export function nextOccurrence(s: Schedule, fromMs: number, first: boolean): number | undefined {
  if (!s.every) return first ? s.atMs : undefined;
  const { unit, n } = s.every;
  if (unit === "minutes") return fromMs + n * 60_000;
  if (unit === "hours") {
    if (first) {
      // Aligned on the hour of the zone, at nearMinute.
      const w = toWallClock(new Date(fromMs), s.timeZone);
      let t = fromWallClock(
        { ...w, minute: s.minute ?? 0, second: 0, millisecond: 0 },
        s.timeZone,
      ).getTime();
      while (t <= fromMs) t += 3_600_000;
      return t;
    }
    return fromMs + n * 3_600_000;
  }
  const days = unit === "days" ? n : 7 * n;
  const w = toWallClock(new Date(fromMs), s.timeZone);
  const at = (y: number, m: number, d: number) =>
    fromWallClock(
      { year: y, month: m, day: d, hour: s.hour ?? 0, minute: s.minute ?? 0 },
      s.timeZone,
    ).getTime();
  if (!first) {
    const base = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
    return at(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate());
  }
  for (let i = 0; i <= 7 * n + 1; i++) {
    const day = new Date(Date.UTC(w.year, w.month - 1, w.day + i));
    if (unit === "weeks" && s.weekDay && WEEKDAYS[day.getUTCDay()] !== s.weekDay) continue;
    const t = at(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
    if (t > fromMs) return t;
  }
  return undefined;
}

export class Trigger
  implements
    Pick<
      TriggerT,
      | "getHandlerFunction"
      | "getUniqueId"
      | "getTriggerSource"
      | "getEventType"
      | "getTriggerSourceId"
    >
{
  readonly [GAS] = "ScriptApp.Trigger";
  constructor(
    readonly _rec: TriggerRecord,
    private readonly sourceId: string,
  ) {}
  getHandlerFunction(): string {
    return this._rec.handler;
  }
  getUniqueId(): string {
    return this._rec.uid;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource.CLOCK as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType.CLOCK as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSourceId(): string {
    return this.sourceId;
  }
}

export class ClockTriggerBuilder
  implements
    Pick<
      ClockBuilderT,
      | "after"
      | "at"
      | "atHour"
      | "nearMinute"
      | "everyDays"
      | "everyHours"
      | "everyMinutes"
      | "everyWeeks"
      | "onWeekDay"
      | "inTimezone"
      | "create"
    >
{
  readonly [GAS] = "ScriptApp.ClockTriggerBuilder";
  private readonly s: Schedule;
  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
    timeZone: string,
  ) {
    this.s = { timeZone };
  }
  private self(): ClockBuilderT {
    return this as unknown as ClockBuilderT;
  }
  after(ms: number): ClockBuilderT {
    this.s.atMs = this.app._now() + ms;
    return this.self();
  }
  at(date: GoogleAppsScript.Base.Date): ClockBuilderT {
    this.s.atMs = date.getTime();
    return this.self();
  }
  atHour(hour: number): ClockBuilderT {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`Invalid argument: hour`);
    this.s.hour = hour;
    return this.self();
  }
  nearMinute(minute: number): ClockBuilderT {
    // Google rounds to the nearest 15 minutes.
    this.s.minute = Math.min(45, Math.round(minute / 15) * 15);
    return this.self();
  }
  everyDays(n: number): ClockBuilderT {
    this.s.every = { unit: "days", n };
    return this.self();
  }
  everyHours(n: number): ClockBuilderT {
    this.s.every = { unit: "hours", n };
    return this.self();
  }
  everyMinutes(n: number): ClockBuilderT {
    this.s.every = { unit: "minutes", n };
    return this.self();
  }
  everyWeeks(n: number): ClockBuilderT {
    this.s.every = { unit: "weeks", n };
    return this.self();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockBuilderT {
    this.s.weekDay = String(day);
    return this.self();
  }
  inTimezone(timezone: string): ClockBuilderT {
    this.s.timeZone = timezone;
    return this.self();
  }
  create(): TriggerT {
    return this.app._create(this.handler, { ...this.s });
  }
}

export class TriggerBuilder implements Pick<GoogleAppsScript.Script.TriggerBuilder, "timeBased"> {
  readonly [GAS] = "ScriptApp.TriggerBuilder";
  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
    private readonly timeZone: string,
  ) {}
  timeBased(): ClockBuilderT {
    return new ClockTriggerBuilder(
      this.app,
      this.handler,
      this.timeZone,
    ) as unknown as ClockBuilderT;
  }
}

export class ScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | "newTrigger"
      | "getProjectTriggers"
      | "getUserTriggers"
      | "deleteTrigger"
      | "getScriptId"
      | "getService"
    >
{
  readonly [GAS] = "ScriptApp";
  readonly AuthMode = AuthMode as unknown as S["AuthMode"];
  readonly TriggerSource = TriggerSource as unknown as S["TriggerSource"];
  readonly EventType = EventType as unknown as S["EventType"];
  readonly WeekDay = WeekDay as unknown as GoogleAppsScript.Script.ScriptApp["WeekDay"];

  constructor(
    private readonly rt: Runtime,
    private readonly store: TriggerStore,
    /** The spreadsheet the add-on runs in (trigger source id). */
    private readonly documentId: string,
    /** Editor add-ons have Google's extra trigger restrictions. */
    private readonly addon = true,
  ) {}

  _now(): number {
    return this.rt.clock.nowMs();
  }
  _create(handler: string, s: Schedule): TriggerT {
    if (this.addon) {
      if (s.every?.unit === "minutes" || (s.every?.unit === "hours" && s.every.n < 1)) {
        throw this.rt.exception(MESSAGES.addonFrequency);
      }
      if (this.store.triggers.length >= 1) throw this.rt.exception(MESSAGES.addonTriggers);
    }
    if (!s.every && s.atMs === undefined) {
      throw this.rt.exception(
        "The trigger needs a schedule: call everyDays(), everyHours(), at() or after().",
      );
    }
    const rec: TriggerRecord = {
      uid: this.store.nextUid(),
      handler,
      schedule: s,
      nextMs: nextOccurrence(s, this._now(), true),
      createdMs: this._now(),
    };
    this.store.triggers.push(rec);
    return new Trigger(rec, this.documentId) as unknown as TriggerT;
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return new TriggerBuilder(
      this,
      functionName,
      this.rt.scriptTimeZone,
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getProjectTriggers(): TriggerT[] {
    return this.store.triggers.map((t) => new Trigger(t, this.documentId) as unknown as TriggerT);
  }
  getUserTriggers(_document: object): TriggerT[] {
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: TriggerT): void {
    const uid = trigger.getUniqueId();
    const i = this.store.triggers.findIndex((t) => t.uid === uid);
    if (i >= 0) this.store.triggers.splice(i, 1);
  }
  getScriptId(): string {
    return "1RecouvraSandboxScriptId0000000000000000000000";
  }
  getService(): GoogleAppsScript.Script.Service {
    const url = `https://script.google.com/macros/s/${this.getScriptId()}/exec`;
    return {
      getUrl: () => url,
      isEnabled: () => false,
    } as unknown as GoogleAppsScript.Script.Service;
  }
}
