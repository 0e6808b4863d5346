// Loads the bundle (dist/*.js, exactly what clasp pushes) into a fresh node:vm context
// that, like Apps Script's V8, has the JavaScript built-ins and Google's services but
// none of Node's globals: no require, process, Buffer, module, global, setTimeout,
// console (Apps Script's own console is provided). A bundle that reaches for one fails
// with a ReferenceError, surfaced to the caller.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { types } from "node:util";
import vm from "node:vm";
import { type Clock, installZonedDate } from "./clock.js";
import type { Membrane } from "./services/membrane.js";
import type { Realm } from "./services/runtime.js";

export interface BundleFile {
  name: string;
  code: string;
}

/** The .js files of a bundle directory in Apps Script's order (file name order, as
 * clasp pushes a flat dist/), its .html files, and appsscript.json if present. */
export function readBundleDir(dir: string): {
  scripts: BundleFile[];
  html: Map<string, string>;
  manifest?: { timeZone?: string };
} {
  const names = readdirSync(dir).sort();
  const scripts = names
    .filter((n) => n.endsWith(".js"))
    .map((name) => ({ name, code: readFileSync(join(dir, name), "utf8") }));
  const html = new Map<string, string>();
  for (const n of names.filter((x) => x.endsWith(".html"))) {
    html.set(n.replace(/\.html$/, ""), readFileSync(join(dir, n), "utf8"));
  }
  const manifestName = names.find((n) => n === "appsscript.json");
  const manifest = manifestName
    ? JSON.parse(readFileSync(join(dir, manifestName), "utf8"))
    : undefined;
  return { scripts, html, manifest };
}

const ERROR_TYPES: Record<string, ErrorConstructor> = {
  ReferenceError,
  TypeError,
  RangeError,
  SyntaxError,
  EvalError,
  URIError,
};

/** An error from the bundle's realm as an Error of this realm (same name, message and
 * stack), so that callers and test matchers see a real ReferenceError, TypeError… */
export function toHostError(e: unknown): unknown {
  if (!types.isNativeError(e) || e instanceof Error) return e;
  const src = e as Error;
  const Ctor = ERROR_TYPES[src.name] ?? Error;
  const out = new Ctor(src.message);
  if (out.name !== src.name) out.name = src.name;
  if (src.stack) out.stack = src.stack;
  return out;
}

export class Bundle {
  readonly context: vm.Context;
  readonly realm: Realm;
  /** Globals present before the bundle ran (built-ins, services): not the bundle's functions. */
  private readonly before: Set<string>;

  constructor(
    private readonly membrane: () => Membrane,
    clock: Clock,
    scriptTimeZone: string,
  ) {
    this.context = vm.createContext(Object.create(null), {
      name: "Apps Script (sandbox)",
      codeGeneration: { strings: true, wasm: false },
    });
    const nativeDate = installZonedDate(
      (src) => vm.runInContext(src, this.context),
      clock,
      scriptTimeZone,
    );
    this.realm = {
      ...(vm.runInContext("({ Array, Error, Object })", this.context) as Omit<Realm, "Date">),
      Date: nativeDate,
    };
    this.before = new Set();
  }

  /** Defines the Google services (already wrapped) and enums as globals. */
  define(globals: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(globals)) this.context[k] = v;
    for (const k of Object.getOwnPropertyNames(this.context)) this.before.add(k);
  }

  /** Evaluates the bundle's scripts, in order, in the one global scope they share. */
  load(scripts: BundleFile[]): void {
    for (const s of scripts) {
      try {
        new vm.Script(s.code, { filename: s.name }).runInContext(this.context);
      } catch (e) {
        throw toHostError(e);
      }
    }
  }

  /** Evaluates an expression in the bundle's realm (template scriptlets, tests). */
  evaluate(code: string): unknown {
    try {
      return vm.runInContext(code, this.context);
    } catch (e) {
      throw toHostError(e);
    }
  }

  /** The global functions the bundle defines (what a menu, a trigger, a formula or
   * google.script.run can call). */
  functions(): string[] {
    return Object.getOwnPropertyNames(this.context).filter(
      (k) => !this.before.has(k) && typeof this.context[k] === "function",
    );
  }

  /** Calls a global function with host values; returns a host value. Throws what it
   * throws (as a host Error), or "Script function not found" as Apps Script does. */
  call(name: string, args: unknown[]): unknown {
    const fn = this.context[name];
    if (typeof fn !== "function" || this.before.has(name)) {
      throw new Error(`Script function not found: ${name}`);
    }
    const m = this.membrane();
    try {
      const out = (fn as (...a: unknown[]) => unknown)(...args.map((a) => m.toRealm(a)));
      return m.fromRealm(out);
    } catch (e) {
      throw toHostError(e);
    }
  }

  /** Runs template code (HtmlService) in the bundle's realm. */
  runTemplate(code: string, vars: Record<string, unknown>): string {
    const names = Object.keys(vars);
    const escapeHtml = (v: unknown) =>
      String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const fn = this.evaluate(
      `(function (__escape${names.map((n) => `, ${n}`).join("")}) {\n${code}\n})`,
    ) as (...a: unknown[]) => string;
    return String(fn(escapeHtml, ...names.map((n) => vars[n])));
  }
}
