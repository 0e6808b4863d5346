// What every in-memory service shares: the clock, the call ledger, the account's
// quotas, the realm the bundle lives in, and the stack of executions (a run, a trigger,
// a custom-function call) with their time limits and locks.

import type { CallLedger } from "../calls.js";
import type { Clock } from "../clock.js";
import type { SheetModel } from "../model.js";
import { calendarDateIn } from "../tz.js";

/** Marks a class whose instances are Google objects; the value is its ledger label,
 * e.g. "SpreadsheetApp.Range". See membrane.ts. */
export const GAS: unique symbol = Symbol.for("recouvra.sandbox.gas");

export type Account = "consumer" | "workspace";

/** The constructors of the realm that receives values (the vm context, or this one). */
export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

export const hostRealm: Realm = { Array, Date, Error, Object };

export type ExecutionKind = "run" | "trigger" | "custom";

export interface Execution {
  id: number;
  kind: ExecutionKind;
  /** The function that started it. */
  name: string;
  startMs: number;
  /** Simulated time spent so far: service latencies, sleeps and lock waits. */
  elapsedMs: number;
  limitMs: number;
  /** Release callbacks of the locks it holds. */
  locks: Set<() => void>;
  wroteSpreadsheet: boolean;
  /** The calling cell of a custom function (1-based). */
  activeCell?: { sheet: string; row: number; col: number };
}

/** Apps Script's limits (docs/architecture.md; developers.google.com/apps-script/guides/services/quotas). */
export const LIMITS = {
  executionMs: 6 * 60_000,
  customFunctionMs: 30_000,
  /** Recipients per day (to + cc + bcc). */
  emailRecipients: { consumer: 100, workspace: 1500 },
  docsCreated: { consumer: 250, workspace: 1500 },
  /** Total runtime of triggers per day. */
  triggerRuntimeMs: { consumer: 90 * 60_000, workspace: 6 * 3_600_000 },
} as const;

/** Google's own wording, verified against public reports of the real errors. */
export const MESSAGES = {
  timeout: "Exceeded maximum execution time",
  emailQuota: "Service invoked too many times for one day: email.",
  docsQuota: "Service invoked too many times for one day: docs create.",
  lockTimeout: "Lock timeout: another process was holding the lock for too long.",
  addonTriggers:
    "This add-on has created too many time-based triggers in this document for this Google user account.",
  addonFrequency:
    "Add-ons can't create time-based triggers that run more frequently than once per hour.",
  uiContext: "Cannot call SpreadsheetApp.getUi() from this context.",
  triggerRuntime: "Service using too much computer time for one day.",
} as const;

/** Daily counters. Google's quotas reset 24 h after the first use in practice, but the
 * documented and commonly observed reset is at midnight Pacific time
 * (America/Los_Angeles); the sandbox resets at that midnight. */
export class DailyQuotas {
  private day = "";
  private readonly used = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  private roll(): void {
    const today = calendarDateIn(this.clock.now(), "America/Los_Angeles");
    if (today !== this.day) {
      this.day = today;
      this.used.clear();
    }
  }

  usedToday(name: string): number {
    this.roll();
    return this.used.get(name) ?? 0;
  }

  add(name: string, n: number): void {
    this.roll();
    this.used.set(name, (this.used.get(name) ?? 0) + n);
  }
}

export interface RuntimeOptions {
  clock: Clock;
  /** Calls made by runs and triggers. */
  ledger: CallLedger;
  /** Calls made by custom functions while Sheets recalculates (not part of any run). */
  customLedger: CallLedger;
  account: Account;
  user: string;
  /** appsscript.json's timeZone: the bundle's local zone and Session.getScriptTimeZone(). */
  scriptTimeZone: string;
  /** The user's locale (Session.getActiveUserLocale), e.g. "fr". */
  userLocale: string;
  /** Refuse ranges past a sheet's size, as Google does (default: the grid grows). */
  strictGrid?: boolean;
}

/** A service call as a fault-injection hook sees it: "before" it is made, "after" it has
 * returned. Throwing from the hook makes the call fail as the bundle sees it. */
export type CallHook = (call: { key: string; phase: "before" | "after" }) => void;

export class Runtime {
  readonly clock: Clock;
  readonly ledger: CallLedger;
  readonly customLedger: CallLedger;
  readonly account: Account;
  readonly user: string;
  readonly scriptTimeZone: string;
  readonly userLocale: string;
  readonly strictGrid: boolean;
  readonly quotas: DailyQuotas;
  realm: Realm = hostRealm;
  private readonly stack: Execution[] = [];
  private nextId = 1;
  /** Set by the formula engine: bring formula results up to date before a read. */
  beforeRead: (sheet: SheetModel) => void = () => {};
  /** Set by the formula engine: a cell range was written. */
  afterWrite: (sheet: SheetModel) => void = () => {};
  /** Fault injection (tests): sees each service call of a run or trigger (see Membrane). */
  callHook: CallHook | undefined;
  private hooking = false;

  constructor(o: RuntimeOptions) {
    this.clock = o.clock;
    this.ledger = o.ledger;
    this.customLedger = o.customLedger;
    this.account = o.account;
    this.user = o.user;
    this.scriptTimeZone = o.scriptTimeZone;
    this.userLocale = o.userLocale;
    this.strictGrid = o.strictGrid ?? false;
    this.quotas = new DailyQuotas(o.clock);
  }

  current(): Execution | undefined {
    return this.stack[this.stack.length - 1];
  }

  begin(kind: ExecutionKind, name: string, activeCell?: Execution["activeCell"]): Execution {
    const exec: Execution = {
      id: this.nextId++,
      kind,
      name,
      startMs: this.clock.nowMs(),
      elapsedMs: 0,
      limitMs: kind === "custom" ? LIMITS.customFunctionMs : LIMITS.executionMs,
      locks: new Set(),
      wroteSpreadsheet: false,
      activeCell,
    };
    this.stack.push(exec);
    return exec;
  }

  /** Ends an execution: Apps Script releases the locks a finished script still holds. */
  end(exec: Execution): void {
    for (const release of [...exec.locks]) release();
    const i = this.stack.lastIndexOf(exec);
    if (i >= 0) this.stack.splice(i, 1);
  }

  /** Time passes for the current execution (a call's latency, a sleep, a lock wait).
   * Custom functions run beside the user's session while Sheets recalculates: their
   * time counts against their own 30 s but does not move the clock. */
  wait(ms: number): void {
    const exec = this.current();
    if (exec) exec.elapsedMs += ms;
    if (exec?.kind !== "custom") this.clock.advance(ms);
  }

  /** An error as Apps Script throws it: an Error of the bundle's realm named "Exception". */
  exception(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = "Exception";
    return e;
  }

  /** Stops the current execution as Google does at its time limit: from now on each of its
   * service calls throws "Exceeded maximum execution time" (its effects so far remain). */
  kill(): void {
    const exec = this.current();
    if (exec) exec.elapsedMs = Math.max(exec.elapsedMs, exec.limitMs + 1);
  }

  /** Runs the fault-injection hook, if any, for a call of a run or trigger (never for a
   * custom function, nor for the calls the hook itself makes). */
  hook(key: string, phase: "before" | "after"): void {
    const exec = this.current();
    if (!this.callHook || this.hooking || !exec || exec.kind === "custom") return;
    this.hooking = true;
    try {
      this.callHook({ key, phase });
    } finally {
      this.hooking = false;
    }
  }

  /** Throws "Exceeded maximum execution time" once the current execution is past its limit. */
  checkLimit(): void {
    const exec = this.current();
    if (exec && exec.elapsedMs > exec.limitMs) throw this.exception(MESSAGES.timeout);
  }

  /** Records a call in the ledger and lets its latency pass. */
  charge(key: string, cells = 0): void {
    const exec = this.current();
    const ledger = exec?.kind === "custom" ? this.customLedger : this.ledger;
    this.wait(ledger.record(key, cells));
  }

  /** Marks the spreadsheet written by the current execution. */
  wrote(sheet: SheetModel): void {
    const exec = this.current();
    if (exec) exec.wroteSpreadsheet = true;
    this.afterWrite(sheet);
  }
}
