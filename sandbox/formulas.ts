// Formula cells that call a function of the bundle (custom functions such as
// `=NEXT_RELANCE(A2:N; A1:N1; TODAY())`), evaluated as Google Sheets does:
// - arguments: a one-cell range arrives as a scalar, a larger one as a 2-D array (blank
//   cells ''), open-ended ranges ("A2:N") reach the sheet's last row, other sheets
//   ('Créances'!A1), numbers, strings, TRUE/FALSE, TODAY() (midnight in the spreadsheet's
//   zone), NOW(), nested custom calls; ';' or ',' between arguments;
// - the call runs as a custom-function execution (read-only, 30 s, calling cell active);
// - a 2-D result spills below and beside the cell (SheetModel.spills); a spill that would
//   overwrite data shows #REF!, an exception #ERROR!, an unknown function #NAME?, each
//   with Sheets' message (cellError);
// - a formula is called again only when its formula text or its arguments' values
//   changed (Sheets' caching); otherwise its previous result is placed again. So
//   TODAY() makes it follow the day, and a no-argument call is refreshed only on reload.
// Formulas that are not a call of a bundle function (=A1+B1, =SUM(…)) keep the value
// they hold (from the file they were read from): the sandbox does not compute Sheets'
// built-in functions.

import { tokenize } from "./files/formula-syntax.js";
import type { CellValue, SheetModel, WorkbookModel } from "./model.js";
import { columnNumber, toA1 } from "./services/a1.js";
import {
  cellValue,
  getFormula,
  getValue,
  isBlank,
  maxCols,
  maxRows,
  putValue,
} from "./services/grid.js";
import type { Runtime } from "./services/runtime.js";
import { calendarDateIn, midnightIn } from "./tz.js";

// ---------- syntax ----------

function hasSemicolon(formula: string): boolean {
  return tokenize(formula, ",").some((t) => t.kind === "op" && t.text === ";");
}

/** Whether a locale writes decimals with a comma (and so separates arguments with ';'). */
function commaLocale(locale: string): boolean {
  return /^(fr|de|es|it|pt|nl)/i.test(locale);
}

/** A formula as a script passes it (English: ',' between arguments, '.' decimals) →
 * as the model stores it (the locale's syntax, "=F(A2:N; 1,5)" in French). A formula
 * already written with ';' is kept. */
export function toStoredFormula(formula: string, locale: string): string {
  if (!commaLocale(locale) || hasSemicolon(formula)) return formula;
  let braces = 0;
  return tokenize(formula, ".")
    .map((t) => {
      if (t.kind === "number") return t.text.replace(".", ",");
      if (t.kind !== "op") return t.text;
      if (t.text === "{") braces++;
      if (t.text === "}") braces--;
      if (t.text === ",") return braces > 0 ? "\\" : ";";
      return t.text;
    })
    .join("");
}

/** The stored formula as Apps Script's getFormula returns it (English syntax). */
export function toEnglishFormula(stored: string): string {
  if (!stored || !hasSemicolon(stored)) return stored;
  let braces = 0;
  return tokenize(stored, ",")
    .map((t) => {
      if (t.kind === "number") return t.text.replace(",", ".");
      if (t.kind !== "op") return t.text;
      if (t.text === "{") braces++;
      if (t.text === "}") braces--;
      if (t.text === ";") return ",";
      if (t.text === "\\" && braces > 0) return ",";
      return t.text;
    })
    .join("");
}

export type Expr =
  | { kind: "call"; name: string; args: (Expr | undefined)[] }
  | { kind: "range"; sheet?: string; a1: string }
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean };

/** Parses a formula that is one function call; undefined for anything else. */
export function parseFormula(formula: string): Expr | undefined {
  const body = formula.trim().replace(/^=/, "");
  const semicolons = hasSemicolon(body);
  const tokens = tokenize(body, semicolons ? "," : ".").filter(
    (t) => !(t.kind === "op" && /\s/.test(t.text)),
  );
  const sep = semicolons ? ";" : ",";
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];

  function expr(): Expr | undefined {
    const t = next();
    if (!t) return undefined;
    if (t.kind === "op" && t.text === "-") {
      const n = next();
      if (n?.kind !== "number") return undefined;
      return { kind: "number", value: -Number(n.text.replace(",", ".")) };
    }
    if (t.kind === "number") {
      if (peek()?.text === ":") return rangeFrom(t.text);
      return { kind: "number", value: Number(t.text.replace(",", ".")) };
    }
    if (t.kind === "string")
      return { kind: "string", value: t.text.slice(1, -1).replace(/""/g, '"') };
    if (t.kind === "sheet") {
      if (next()?.text !== "!") return undefined;
      const start = next();
      if (start?.kind !== "word" && start?.kind !== "number") return undefined;
      const r = rangeFrom(start.text);
      if (r?.kind !== "range") return undefined;
      return { ...r, sheet: t.text.slice(1, -1).replace(/''/g, "'") };
    }
    if (t.kind !== "word") return undefined;
    if (peek()?.text === "(") {
      next();
      const args: (Expr | undefined)[] = [];
      if (peek()?.text === ")") {
        next();
        return { kind: "call", name: t.text.toUpperCase(), args };
      }
      for (;;) {
        if (peek()?.text === sep || peek()?.text === ")") args.push(undefined);
        else {
          const a = expr();
          if (!a) return undefined;
          args.push(a);
        }
        const after = next();
        if (after?.text === ")") break;
        if (after?.text !== sep) return undefined;
      }
      return { kind: "call", name: t.text.toUpperCase(), args };
    }
    if (peek()?.text === "!") {
      next();
      const start = next();
      if (!start) return undefined;
      const r = rangeFrom(start.text);
      return r?.kind === "range" ? { ...r, sheet: t.text } : undefined;
    }
    if (/^(TRUE|FALSE)$/i.test(t.text)) return { kind: "boolean", value: /^TRUE$/i.test(t.text) };
    return rangeFrom(t.text);
  }

  function rangeFrom(start: string): Expr | undefined {
    let a1 = start;
    if (peek()?.text === ":") {
      next();
      const end = next();
      if (!end || (end.kind !== "word" && end.kind !== "number")) return undefined;
      a1 = `${start}:${end.text}`;
    }
    if (!/^\$?[A-Za-z]{0,3}\$?\d*(:\$?[A-Za-z]{0,3}\$?\d*)?$/.test(a1)) return undefined;
    return { kind: "range", a1: a1.replace(/\$/g, "") };
  }

  const e = expr();
  if (!e || pos !== tokens.length || e.kind !== "call") return undefined;
  return e;
}

// ---------- evaluation ----------

// Built-in Sheets functions: left uncomputed (not #NAME?).
const BUILT_INS = new Set(
  `ABS AND ARRAYFORMULA AVERAGE AVERAGEIF AVERAGEIFS CHAR CHOOSE COLUMN COLUMNS CONCAT CONCATENATE COUNT COUNTA
  COUNTBLANK COUNTIF COUNTIFS DATE DATEDIF DATEVALUE DAY DAYS EDATE EOMONTH EXACT FILTER FIND FLATTEN HLOOKUP
  HOUR HYPERLINK IF IFERROR IFNA IFS IMPORTRANGE INDEX INDIRECT INT ISBLANK ISERROR ISNUMBER ISOWEEKNUM ISTEXT
  JOIN LEFT LEN LOOKUP LOWER MATCH MAX MAXIFS MID MIN MINIFS MINUTE MOD MONTH NETWORKDAYS NOT NOW OFFSET OR PROPER
  QUERY REGEXEXTRACT REGEXMATCH REGEXREPLACE REPT RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH SECOND SEQUENCE
  SORT SPARKLINE SPLIT SUBSTITUTE SUM SUMIF SUMIFS SUMPRODUCT SWITCH TEXT TEXTJOIN TIME TODAY TRANSPOSE TRIM
  UNIQUE UPPER VALUE VLOOKUP WEEKDAY WEEKNUM WORKDAY XLOOKUP YEAR YEARFRAC`.split(/\s+/),
);

export interface CellError {
  /** What the cell shows: #REF!, #ERROR!, #NAME?, #N/A. */
  value: string;
  /** Sheets' explanation (the cell's tooltip). */
  message: string;
}

interface Cached {
  formula: string;
  fingerprint: string;
  result: CellValue[][] | CellError;
}

/** How the engine calls the bundle: the function's global name (as the bundle spells
 * it) and host values; returns host values. Throws what the function throws. */
export interface CustomFunctionHost {
  /** The bundle's name for a formula's function (case-insensitive), if it is callable. */
  resolve(name: string): string | undefined;
  call(name: string, args: unknown[]): unknown;
}

export class FormulaEngine {
  private readonly cache = new Map<string, Cached>();
  private readonly errors = new Map<string, CellError>();
  private running = false;
  /** Bumped by each write through the services: what a formula's ranges depend on. */
  private readonly versions = new WeakMap<SheetModel, number>();
  /** Set by any write to the spreadsheet; cleared by recalculate(). */
  dirty = true;
  private lastDay = "";

  constructor(
    private readonly workbook: WorkbookModel,
    private readonly rt: Runtime,
    private readonly host: CustomFunctionHost,
  ) {
    rt.afterWrite = (sheet) => {
      this.dirty = true;
      this.versions.set(sheet, (this.versions.get(sheet) ?? 0) + 1);
    };
    // Reading a sheet that holds formulas waits for them, as Sheets' reads do.
    rt.beforeRead = (sheet) => {
      if (
        this.dirty &&
        !this.running &&
        this.rt.current()?.kind !== "custom" &&
        hasFormulas(sheet)
      ) {
        this.recalculate();
      }
    };
  }

  /** The error a cell shows, with Sheets' message. `a1` like "Créances!O2" or "O2" on the first sheet. */
  cellError(sheet: string, a1: string): CellError | undefined {
    return this.errors.get(`${sheet}!${a1}`);
  }

  /** Whether the spreadsheet's calendar day changed since the last recalculation. */
  dayChanged(): boolean {
    return calendarDateIn(this.rt.clock.now(), this.workbook.timeZone) !== this.lastDay;
  }

  /** Recalculates every custom-function formula. A formula is called again when its text,
   * the day (TODAY()), or a sheet its ranges read changed through the services; `reload`
   * calls every function again (opening the spreadsheet; needed too after editing the
   * model directly rather than through the services). */
  recalculate(options: { reload?: boolean } = {}): void {
    if (this.running) return;
    this.running = true;
    try {
      if (options.reload) this.cache.clear();
      this.lastDay = calendarDateIn(this.rt.clock.now(), this.workbook.timeZone);
      this.dirty = false;
      for (const sheet of this.workbook.sheets) {
        for (let r = 0; r < sheet.formulas.length; r++) {
          const row = sheet.formulas[r] ?? [];
          for (let c = 0; c < row.length; c++) {
            const f = row[c];
            if (f) this.evaluateCell(sheet, r, c, f);
          }
        }
      }
      // A value written meanwhile by a formula does not make the sheet dirty again.
      this.dirty = false;
    } finally {
      this.running = false;
    }
  }

  private evaluateCell(sheet: SheetModel, r: number, c: number, formula: string): void {
    const key = `${sheet.name}!${toA1(r + 1, c + 1)}`;
    const expr = parseFormula(formula);
    if (expr?.kind !== "call") return;
    const fn = this.host.resolve(expr.name);
    if (!fn) {
      if (BUILT_INS.has(expr.name)) return;
      this.place(sheet, r, c, key, {
        value: "#NAME?",
        message: `Unknown function: '${expr.name}'.`,
      });
      return;
    }
    const fingerprint = this.fingerprint(expr, sheet);
    const cached = this.cache.get(key);
    let result: CellValue[][] | CellError;
    if (cached && cached.formula === formula && cached.fingerprint === fingerprint) {
      result = cached.result;
    } else {
      let args: unknown[];
      try {
        args = expr.args.map((a) => (a === undefined ? undefined : this.argument(a, sheet)));
      } catch (e) {
        this.place(sheet, r, c, key, { value: "#REF!", message: (e as Error).message });
        return;
      }
      result = this.call(fn, args, sheet.name, r, c);
      this.cache.set(key, { formula, fingerprint, result });
    }
    this.place(sheet, r, c, key, result);
  }

  /** What an argument list depends on: literals, the versions of the sheets its ranges
   * read, today's date for TODAY(), the instant for NOW(). Cheap, even for whole columns. */
  private fingerprint(e: Expr | undefined, sheet: SheetModel): string {
    if (e === undefined) return "_";
    switch (e.kind) {
      case "range": {
        const target = this.workbook.sheets.find((s) => s.name === (e.sheet ?? sheet.name));
        return `${e.sheet ?? sheet.name}!${e.a1}@${target ? (this.versions.get(target) ?? 0) : "?"}`;
      }
      case "call": {
        const own =
          e.name === "TODAY" ? this.lastDay : e.name === "NOW" ? String(this.rt.clock.nowMs()) : "";
        return `${e.name}${own}(${e.args.map((a) => this.fingerprint(a, sheet)).join(";")})`;
      }
      default:
        return JSON.stringify(e.value);
    }
  }

  /** Runs a custom function as Sheets does: its own execution, read-only, 30 s. */
  private call(
    fn: string,
    args: unknown[],
    sheet: string,
    r: number,
    c: number,
  ): CellValue[][] | CellError {
    const exec = this.rt.begin("custom", fn, { sheet, row: r + 1, col: c + 1 });
    try {
      const out = this.host.call(fn, args);
      if (exec.elapsedMs > exec.limitMs) {
        return { value: "#ERROR!", message: "Exceeded maximum execution time (line 0)." };
      }
      return toGrid(out);
    } catch (e) {
      const message =
        e instanceof Error || (typeof e === "object" && e && "message" in e)
          ? String((e as Error).message)
          : String(e);
      return { value: "#ERROR!", message };
    } finally {
      this.rt.end(exec);
    }
  }

  private argument(e: Expr, sheet: SheetModel): unknown {
    switch (e.kind) {
      case "number":
      case "string":
      case "boolean":
        return e.value;
      case "range":
        return this.rangeValue(e.sheet ?? sheet.name, e.a1);
      case "call": {
        if (e.name === "TODAY" && e.args.length === 0) {
          return midnightIn(
            calendarDateIn(this.rt.clock.now(), this.workbook.timeZone),
            this.workbook.timeZone,
          );
        }
        if (e.name === "NOW" && e.args.length === 0) return this.rt.clock.now();
        if ((e.name === "TRUE" || e.name === "FALSE") && e.args.length === 0)
          return e.name === "TRUE";
        const fn = this.host.resolve(e.name);
        if (!fn) throw new Error(`Unsupported in the sandbox: ${e.name}() as an argument.`);
        const inner = this.call(
          fn,
          e.args.map((a) => (a ? this.argument(a, sheet) : undefined)),
          sheet.name,
          0,
          0,
        );
        if (!Array.isArray(inner)) throw new Error(inner.message);
        return inner.length === 1 && inner[0]?.length === 1 ? inner[0][0] : inner;
      }
    }
  }

  private rangeValue(sheetName: string, a1: string): unknown {
    const sheet = this.workbook.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`Unresolved sheet name '${sheetName}'.`);
    const [start = "", end] = a1.split(":");
    const p1 = /^([A-Za-z]*)(\d*)$/.exec(start);
    const p2 = end === undefined ? p1 : /^([A-Za-z]*)(\d*)$/.exec(end);
    if (!p1 || !p2) throw new Error(`Bad range ${a1}`);
    const c1 = p1[1] ? columnNumber(p1[1]) : 1;
    const r1 = p1[2] ? Number(p1[2]) : 1;
    const c2 = p2[1] ? columnNumber(p2[1]) : Math.max(maxCols(sheet), c1);
    const r2 = p2[2] ? Number(p2[2]) : Math.max(maxRows(sheet), r1);
    const rows: CellValue[][] = [];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
      const row: CellValue[] = [];
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
        const v = getValue(sheet, r - 1, c - 1);
        row.push(v instanceof Date ? new Date(v.getTime()) : v);
      }
      rows.push(row);
    }
    return rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : rows;
  }

  /** Writes a result at its cell and spills it, or shows the error. */
  private place(
    sheet: SheetModel,
    r: number,
    c: number,
    key: string,
    result: CellValue[][] | CellError,
  ): void {
    const prevIndex = sheet.spills.findIndex((sp) => sp.row === r && sp.col === c);
    const prev = prevIndex >= 0 ? sheet.spills[prevIndex] : undefined;
    const clearPrev = (keep?: { rows: number; cols: number }) => {
      if (!prev) return;
      for (let i = 0; i < prev.rows; i++) {
        for (let j = 0; j < prev.cols; j++) {
          if (i === 0 && j === 0) continue;
          if (keep && i < keep.rows && j < keep.cols) continue;
          putValue(sheet, r + i, c + j, "");
        }
      }
    };
    const fail = (err: CellError) => {
      clearPrev();
      if (prevIndex >= 0) sheet.spills.splice(prevIndex, 1);
      putValue(sheet, r, c, err.value);
      this.errors.set(key, err);
    };
    if (!Array.isArray(result)) {
      fail(result);
      return;
    }
    const rows = result.length;
    const cols = Math.max(1, ...result.map((row) => row.length));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const rr = r + i;
        const cc = c + j;
        const inPrev = prev !== undefined && i < prev.rows && j < prev.cols;
        const otherSpill = sheet.spills.some(
          (sp) =>
            sp !== prev &&
            rr >= sp.row &&
            rr < sp.row + sp.rows &&
            cc >= sp.col &&
            cc < sp.col + sp.cols,
        );
        if (
          otherSpill ||
          getFormula(sheet, rr, cc) !== "" ||
          (!inPrev && !isBlank(sheet, rr, cc))
        ) {
          fail({
            value: "#REF!",
            message: `Array result was not expanded because it would overwrite data in ${toA1(rr + 1, cc + 1)}.`,
          });
          return;
        }
      }
    }
    clearPrev({ rows, cols });
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) putValue(sheet, r + i, c + j, result[i]?.[j] ?? "");
    }
    const extent = { row: r, col: c, rows, cols };
    if (prevIndex >= 0) sheet.spills.splice(prevIndex, 1);
    if (rows * cols > 1) sheet.spills.push(extent);
    this.errors.delete(key);
  }
}

/** A custom function's return value as the grid Sheets shows: a scalar is one cell, a
 * 1-D array a column, a 2-D array a block (short rows padded with ''). */
function toGrid(out: unknown): CellValue[][] | CellError {
  if (out === undefined || out === null) return [[""]];
  if (!Array.isArray(out)) return [[cellValue(out)]];
  if (out.length === 0) return { value: "#N/A", message: "Array result was empty." };
  if (!out.some(Array.isArray)) return out.map((v) => [cellValue(v)]);
  return out.map((row) => (Array.isArray(row) ? row.map(cellValue) : [cellValue(row)]));
}

function hasFormulas(sheet: SheetModel): boolean {
  return sheet.formulas.some((row) => row.some((f) => f !== ""));
}
