// The boundary between the bundle (a vm realm) and the in-memory services (this realm).
//
// Every Google object handed to the bundle is a Proxy that, for each method call:
// - refuses it in restricted contexts (custom functions, triggers) as Google does,
// - throws "Exceeded maximum execution time" once the execution is past its limit,
// - records it in the ledger ("SpreadsheetApp.Range.getValues") and advances the clock,
// - lets a test's fault-injection hook see it before and after (Runtime.callHook),
// - converts arguments into this realm (Dates, arrays, plain objects) and results into
//   the bundle's realm, so that `value instanceof Date` and `Array.isArray` hold there,
// - rethrows errors as the bundle realm's Error.
// Only methods and capitalised enum properties (SpreadsheetApp.DataValidationCriteria)
// are visible; members whose name starts with "_" are the sandbox's own.

import { types } from "node:util";
import { GAS, type Realm, type Runtime } from "./runtime.js";

type GasObject = { [GAS]: string };

function isGas(v: unknown): v is GasObject {
  return typeof v === "object" && v !== null && typeof (v as GasObject)[GAS] === "string";
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

const SCOPES: Record<string, string> = {
  MailApp: "https://www.googleapis.com/auth/script.send_mail",
  GmailApp: "https://mail.google.com/",
  DocumentApp: "https://www.googleapis.com/auth/documents",
  DriveApp: "https://www.googleapis.com/auth/drive",
  ScriptApp: "https://www.googleapis.com/auth/script.scriptapp",
};

// Spreadsheet methods that change something: refused in a custom function.
const WRITES =
  /^(set|insert|delete|clear|append|sort|hide|show|activate|add|remove|copy|move|merge|unmerge|protect|auto|toast|rename|duplicate|create|trim|randomize|expand|collapse|group|ungroup|uncheck|check|breakApart|shift|update|apply|flush)/;

/** Google's refusal of a call inside a custom function, or undefined when it is allowed.
 * developers.google.com/apps-script/guides/sheets/functions ("Using Apps Script services"):
 * Spreadsheet is read only (get*, not set*); Mail, Docs, Drive and triggers need
 * authorization a custom function never has; Properties, Cache, Lock, Utilities work. */
export function customFunctionRefusal(label: string, method: string): string | undefined {
  const service = label.split(".")[0] ?? label;
  const scope = SCOPES[service];
  if (scope) {
    return `You do not have permission to call ${service}.${method}. Required permissions: ${scope}`;
  }
  if (label === "SpreadsheetApp" && method === "getUi")
    return "Cannot call SpreadsheetApp.getUi() from this context.";
  if (label === "SpreadsheetApp" && /^(open|openById|openByUrl|create)$/.test(method)) {
    return `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`;
  }
  if (service === "SpreadsheetApp" && !label.endsWith("Builder") && WRITES.test(method)) {
    return `You do not have permission to call ${method}`;
  }
  if (service === "Ui") return "Cannot call SpreadsheetApp.getUi() from this context.";
  return undefined;
}

export class Membrane {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    private readonly rt: Runtime,
    /** The realm of the code that holds the proxies (the bundle's, or a test's). */
    private readonly realm: Realm = rt.realm,
  ) {}

  /** The proxy the bundle sees for a service object. */
  wrap<T extends object>(target: T): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    const label = (target as unknown as GasObject)[GAS];
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        if (prop === "toString") return () => label.split(".").pop();
        if (typeof prop !== "string" || prop.startsWith("_") || prop === "constructor") {
          return undefined;
        }
        const v = Reflect.get(t, prop, t);
        if (typeof v === "function")
          return this.method(t, label, prop, v as (...a: unknown[]) => unknown);
        if (/^[A-Z]/.test(prop)) return this.toRealm(v);
        return undefined;
      },
      // Assignments reach only objects that take them (HtmlTemplate variables).
      set: (t, prop, value) => {
        const setter = (t as { _set?: (k: string, v: unknown) => void })._set;
        if (typeof prop === "string" && setter) setter.call(t, prop, value);
        return true;
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  private method(target: object, label: string, name: string, fn: (...a: unknown[]) => unknown) {
    const rt = this.rt;
    return (...args: unknown[]) => {
      const key = `${label}.${name}`;
      const exec = rt.current();
      if (exec?.kind === "custom") {
        const refusal = customFunctionRefusal(label, name);
        if (refusal) throw rt.exception(refusal);
      }
      if (exec?.kind === "trigger" && (key === "SpreadsheetApp.getUi" || label === "Ui")) {
        throw rt.exception("Cannot call SpreadsheetApp.getUi() from this context.");
      }
      rt.checkLimit();
      const cells = (target as { _cells?: () => number })._cells?.() ?? 0;
      let result: unknown;
      try {
        rt.hook(key, "before");
        // A hook that killed the execution stops this very call, as Google's limit would.
        rt.checkLimit();
        result = fn.apply(
          target,
          args.map((a) => this.fromRealm(a)),
        );
        rt.hook(key, "after");
      } catch (e) {
        throw this.errorToRealm(e);
      } finally {
        // The round trip takes its time whether the call succeeds or not.
        rt.charge(key, cells);
      }
      return this.toRealm(result);
    };
  }

  /** A value of this realm → the bundle's realm. */
  toRealm(v: unknown): unknown {
    if (typeof v !== "object" || v === null) return v;
    if (isGas(v)) return this.wrap(v);
    if (this.targets.has(v)) return v;
    const realm = this.realm;
    if (types.isDate(v)) return new realm.Date((v as Date).getTime());
    if (Array.isArray(v)) {
      const out = new realm.Array();
      for (const x of v) out.push(this.toRealm(x));
      return out;
    }
    if (types.isUint8Array(v) || !isPlainObject(v)) return v;
    const o = new realm.Object() as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) o[k] = this.toRealm(x);
    return o;
  }

  /** A value from the bundle → this realm (proxies back to their targets). */
  fromRealm(v: unknown): unknown {
    if (typeof v !== "object" || v === null) return v;
    const target = this.targets.get(v);
    if (target) return target;
    if (types.isDate(v)) return new Date((v as Date).getTime());
    if (Array.isArray(v)) return v.map((x) => this.fromRealm(x));
    if (types.isTypedArray(v) || !isPlainObject(v)) return v;
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = this.fromRealm(x);
    return o;
  }

  /** Errors thrown by a service, as an Error of the bundle's realm with the same name. */
  errorToRealm(e: unknown): unknown {
    const realm = this.realm;
    if (!types.isNativeError(e) || e instanceof realm.Error) return e;
    const err = e as Error;
    const out = new realm.Error(err.message);
    out.name = err.name === "Error" ? "Exception" : err.name;
    return out;
  }
}
