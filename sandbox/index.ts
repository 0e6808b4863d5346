// The sandbox: Apps Script on a laptop. createSandbox() loads the bundle (dist/*.js) into
// an isolated vm with in-memory Google services over a WorkbookModel, and exposes what
// a test, a benchmark or `npm start` needs:
//
//   const sb = createSandbox({ account: "consumer", now: "2026-11-26T09:00", workbook });
//   sb.run("onOpen");                       // an execution: own time limit, own locks
//   sb.recalculate();                       // custom-function formulas, as Sheets would
//   sb.fireDueTriggers("2026-11-27T12:00"); // time-driven triggers on the simulated clock
//   sb.mails, sb.documents, sb.drive, sb.ui, sb.logs, sb.calls.counts …
//   sb.onServiceCall(({ key, phase }) => { … sb.killExecution(); }); // fault injection
//
// Google's limits and errors are modelled in sandbox/services (see runtime.ts LIMITS and
// MESSAGES); call latencies in sandbox/calls.ts.

import { createHash } from "node:crypto";
import { CallLedger } from "./calls.js";
import { Clock } from "./clock.js";
import { FormulaEngine } from "./formulas.js";
import { Bundle, type BundleFile, readBundleDir, toHostError } from "./loader.js";
import type { DocumentModel, EmailModel, WorkbookModel } from "./model.js";
import { DriveStore } from "./services/drive.js";
import { newSheetModel } from "./services/grid.js";
import { createServices, MimeType, type SandboxState, type Services } from "./services/index.js";
import { LockStore } from "./services/lock.js";
import { Membrane } from "./services/membrane.js";
import { newStores } from "./services/properties.js";
import {
  type Account,
  type CallHook,
  type ExecutionKind,
  hostRealm,
  LIMITS,
  MESSAGES,
  Runtime,
} from "./services/runtime.js";
import { type TriggerRun, TriggerStore } from "./services/script.js";
import { newUiState } from "./services/ui.js";
import type { LogEntry } from "./services/utilities.js";
import { assertTimeZone, toWallClock } from "./tz.js";

export type { Account, CallHook } from "./services/runtime.js";

export interface SandboxOptions {
  /** Where the built bundle is (default "dist"): *.js, *.html, appsscript.json. */
  bundleDir?: string;
  /** Or the bundle's scripts given inline (tests' fixture bundles); wins over bundleDir. */
  scripts?: BundleFile[];
  /** .html files for HtmlService when `scripts` is used, by name without extension. */
  html?: Record<string, string>;
  /** Quotas of a consumer (gmail.com) or Workspace account. Default "consumer". */
  account?: Account;
  /** The spreadsheet's time zone (and the script's, unless appsscript.json says otherwise). */
  timeZone?: string;
  locale?: string;
  /** The user running the add-on (Session.getEffectiveUser, the mails' From). */
  user?: string;
  /** The simulated now: a Date, or a wall-clock "yyyy-mm-ddThh:mm" in `timeZone`. */
  now?: Date | string;
  /** The spreadsheet; default: one empty sheet. Kept by reference and mutated. */
  workbook?: WorkbookModel;
  /** Whether the script runs as an editor add-on (trigger restrictions). Default true. */
  addon?: boolean;
  /** Refuse ranges past a sheet's size with Google's "The coordinates of the range are
   * outside the dimensions of the sheet." Default false: the grid grows when written, since
   * sheets read from files are only as big as their data (Sheets gives at least 1000 rows). */
  strictGrid?: boolean;
}

export interface ExecuteOptions {
  /** "trigger": a time-driven run (no Ui); default "run" (menu, sidebar, editor). */
  kind?: Exclude<ExecutionKind, "custom">;
}

export interface Sandbox {
  /** The spreadsheet, as the file layer reads and writes it. */
  readonly workbook: WorkbookModel;
  readonly clock: Clock;
  /** Service calls of runs and triggers: counts, estimatedGoogleSeconds, reset(). */
  readonly calls: CallLedger;
  /** Service calls made by custom functions while recalculating. */
  readonly customFunctionCalls: CallLedger;
  readonly mails: EmailModel[];
  readonly documents: DocumentModel[];
  readonly drive: DriveStore;
  /** Installed triggers (`triggers.triggers`) and their runs (`triggers.runs`). */
  readonly triggers: TriggerStore;
  /** Menus, sidebars, dialogs, alerts, prompts and toasts; queue answers in `ui.answers`. */
  readonly ui: ReturnType<typeof newUiState>;
  readonly logs: LogEntry[];
  readonly locks: LockStore;
  readonly properties: ReturnType<typeof newStores>;
  readonly runtime: Runtime;
  /** The services as host-realm proxies (counted, checked), for tests that drive them directly. */
  readonly services: Services;
  /** The bundle's global functions. */
  functions(): string[];
  /** Runs a global function of the bundle as one execution; returns its result or rethrows. */
  run<T = unknown>(fn: string, ...args: unknown[]): T;
  execute<T = unknown>(fn: string, args: unknown[], options?: ExecuteOptions): T;
  /** Calls a custom function as a formula in `cell` would (restricted, 30 s); the result is returned, not placed. */
  callCustomFunction(
    name: string,
    args: unknown[],
    at?: { sheet?: string; cell?: string },
  ): unknown;
  /** Recalculates the custom-function formulas (`reload`: as when the spreadsheet is opened). */
  recalculate(options?: { reload?: boolean }): void;
  /** The error a formula cell shows (#REF!, #ERROR!, #NAME?) with Sheets' message. */
  cellError(sheet: string, a1: string): { value: string; message: string } | undefined;
  /** Advances the clock to `until`, running each time-driven trigger as it comes due. */
  fireDueTriggers(until: Date | string): TriggerRun[];
  /** Fault injection for tests: `hook` sees each service call of a run or trigger just
   * before it is made and once it has returned, keyed as in `calls` ("MailApp.sendEmail").
   * It may throw (the bundle sees that call fail), stop the run (`killExecution`), or change
   * the world between two calls as a user would (its own service calls are not hooked).
   * `undefined` removes it. */
  onServiceCall(hook: CallHook | undefined): void;
  /** Stops the current execution as Google does at its 6-minute limit: each later service
   * call of it throws "Exceeded maximum execution time"; what it did so far remains. */
  killExecution(): void;
}

function idFactory(seed: string) {
  let n = 0;
  return (prefix: string) => {
    n++;
    // Drive-like ids: 44 characters, deterministic for reproducible outputs.
    return `1${createHash("sha256").update(`${seed}:${prefix}:${n}`).digest("base64url").slice(0, 43)}`;
  };
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const timeZone = options.timeZone ?? "Europe/Paris";
  assertTimeZone(timeZone);
  const locale = options.locale ?? "fr_FR";
  const bundle = options.scripts
    ? {
        scripts: options.scripts,
        html: new Map(Object.entries(options.html ?? {})),
        manifest: undefined,
      }
    : readBundleDir(options.bundleDir ?? "dist");
  const scriptTimeZone = bundle.manifest?.timeZone ?? timeZone;

  const clock = new Clock();
  if (typeof options.now === "string") clock.set(options.now, timeZone);
  else if (options.now) clock.setInstant(options.now);
  else clock.setInstant(Date.now());

  const calls = new CallLedger();
  const customFunctionCalls = new CallLedger();
  const user = options.user ?? "comptabilite@exemple.test";
  const rt = new Runtime({
    clock,
    ledger: calls,
    customLedger: customFunctionCalls,
    account: options.account ?? "consumer",
    user,
    scriptTimeZone,
    userLocale: locale.split("_")[0] ?? locale,
    strictGrid: options.strictGrid ?? false,
  });
  const newId = idFactory(`${user}:${options.workbook?.name ?? "ledger"}`);
  const workbook: WorkbookModel = options.workbook ?? {
    name: "Suivi des créances",
    timeZone,
    locale,
    sheets: [newSheetModel("Feuille 1")],
    namedRanges: [],
  };
  const state: SandboxState = {
    workbook,
    spreadsheetId: newId("spreadsheet"),
    documents: [],
    mails: [],
    drive: new DriveStore(newId, () => clock.nowMs()),
    triggers: new TriggerStore(),
    locks: new LockStore(),
    properties: newStores(),
    ui: newUiState(),
    logs: [],
    htmlFiles: bundle.html,
  };

  const loaded: Bundle = new Bundle(() => bundleMembrane, clock, scriptTimeZone);
  rt.realm = loaded.realm;
  const bundleMembrane = new Membrane(rt, loaded.realm);
  const hostMembrane = new Membrane(rt, hostRealm);
  const { globals } = createServices(rt, state, {
    templateRunner: (code, vars) => loaded.runTemplate(code, vars),
    addon: options.addon ?? true,
  });

  const engine = new FormulaEngine(workbook, rt, {
    resolve: (name) =>
      loaded.functions().find((f) => f.toUpperCase() === name.toUpperCase() && !f.endsWith("_")),
    call: (name, args) => loaded.call(name, args),
  });

  const wrapped: Record<string, unknown> = { MimeType: bundleMembrane.toRealm({ ...MimeType }) };
  const services = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(globals)) {
    wrapped[k] = bundleMembrane.wrap(v);
    services[k] = hostMembrane.wrap(v);
  }
  loaded.define(wrapped);
  loaded.load(bundle.scripts);

  // Sheets recalculates TODAY() when the day changes, even with nobody editing.
  clock.onChange(() => {
    if (!rt.current() && engine.dayChanged()) engine.recalculate();
  });

  function execute<T>(fn: string, args: unknown[], opts: ExecuteOptions = {}): T {
    if (engine.dayChanged()) engine.recalculate();
    const exec = rt.begin(opts.kind ?? "run", fn);
    try {
      const result = loaded.call(fn, args) as T;
      // Google would have stopped it before it returned (its effects until then remain).
      if (exec.elapsedMs > exec.limitMs) throw new Error(MESSAGES.timeout);
      return result;
    } catch (e) {
      throw toHostError(e);
    } finally {
      rt.end(exec);
      if (exec.wroteSpreadsheet || engine.dirty || engine.dayChanged()) engine.recalculate();
    }
  }

  function parseCell(a1: string): { row: number; col: number } {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(a1);
    if (!m) throw new RangeError(`Not a cell: ${a1}`);
    let col = 0;
    for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  }

  const sandbox: Sandbox = {
    workbook,
    clock,
    calls,
    customFunctionCalls,
    mails: state.mails,
    documents: state.documents,
    drive: state.drive,
    triggers: state.triggers,
    ui: state.ui,
    logs: state.logs,
    locks: state.locks,
    properties: state.properties,
    runtime: rt,
    services: services as unknown as Services,
    functions: () => loaded.functions(),
    run: <T>(fn: string, ...args: unknown[]) => execute<T>(fn, args),
    execute,
    callCustomFunction(name, args, at = {}) {
      const sheet = at.sheet ?? workbook.sheets[0]?.name ?? "";
      const { row, col } = parseCell(at.cell ?? "A1");
      const fn = loaded.functions().find((f) => f.toUpperCase() === name.toUpperCase());
      if (!fn) throw new Error(`Unknown function: '${name}'.`);
      const exec = rt.begin("custom", fn, { sheet, row, col });
      try {
        const out = loaded.call(fn, args);
        if (exec.elapsedMs > exec.limitMs)
          throw new Error("Exceeded maximum execution time (line 0).");
        return out;
      } finally {
        rt.end(exec);
      }
    },
    recalculate: (o) => engine.recalculate(o),
    onServiceCall(hook) {
      rt.callHook = hook;
    },
    killExecution: () => rt.kill(),
    cellError: (sheet, a1) => engine.cellError(sheet, a1),
    fireDueTriggers(until) {
      const untilMs = typeof until === "string" ? wallToMs(until, timeZone) : until.getTime();
      const runs: TriggerRun[] = [];
      for (let t = state.triggers.due(untilMs); t; t = state.triggers.due(untilMs)) {
        const at = t.nextMs as number;
        if (at > clock.nowMs()) clock.setInstant(at);
        state.triggers.advance(t);
        const run: TriggerRun = { uid: t.uid, handler: t.handler, at: new Date(at) };
        if (rt.quotas.usedToday("triggerMs") >= LIMITS.triggerRuntimeMs[rt.account]) {
          run.error = MESSAGES.triggerRuntime;
        } else {
          const start = clock.nowMs();
          try {
            execute(t.handler, [timeDrivenEvent(at, t.uid, t.schedule.timeZone)], {
              kind: "trigger",
            });
          } catch (e) {
            // A failing trigger of an add-on emails nobody: the failure is only recorded.
            run.error = e instanceof Error ? e.message : String(e);
          }
          rt.quotas.add("triggerMs", clock.nowMs() - start);
        }
        state.triggers.runs.push(run);
        runs.push(run);
      }
      if (untilMs > clock.nowMs()) clock.setInstant(untilMs);
      return runs;
    },
  };
  engine.recalculate({ reload: true });
  return sandbox;
}

function wallToMs(wall: string, timeZone: string): number {
  const c = new Clock();
  c.set(wall, timeZone);
  return c.nowMs();
}

/** The event object Apps Script passes to a time-driven trigger's function. */
function timeDrivenEvent(atMs: number, uid: string, timeZone: string) {
  const w = toWallClock(new Date(atMs), timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const jan1 = Date.UTC(w.year, 0, 1);
  return {
    authMode: "FULL",
    triggerUid: uid,
    year: w.year,
    month: w.month,
    "day-of-month": w.day,
    "day-of-week": d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    "week-of-year": Math.floor((d.getTime() - jan1) / (7 * 86_400_000)) + 1,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: timeZone,
  };
}
