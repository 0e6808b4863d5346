// .xlsx in and out of the sandbox's WorkbookModel, with ExcelJS.
//
// The time-zone trap: an .xlsx cell holds a wall-clock serial (days since 1899-12-30,
// no zone), while Apps Script hands out Date instants of that wall-clock time *in the
// spreadsheet's zone*. ExcelJS converts serials as if they were UTC; we undo that and
// go through sandbox/tz.ts, so the calendar date never depends on the machine's TZ.

import { readFile, writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type {
  CellValue,
  ConditionalFormatModel,
  DataValidationModel,
  SheetModel,
  WorkbookModel,
} from "../model.js";
import {
  assertTimeZone,
  fromWallClock,
  serialToWallClock,
  toWallClock,
  wallClockToSerial,
} from "../tz.js";
import { isPortable, unwrapFormula, wrapComputedValue, wrapFormula } from "./cached-formula.js";
import { DATE_FORMAT, DATE_TIME_FORMAT, isDateFormat } from "./formats.js";
import { fromExcelFormula, toExcelFormula, XLSX_MAX_ROW } from "./formula-syntax.js";

const DEFAULT_TIME_ZONE = "Europe/Paris";
/** ExcelJS's own epoch offset: the serial of 1970-01-01 (it reads serials as UTC). */
const UNIX_EPOCH_SERIAL = 25569;
/** Zip entries carry this date, so the same workbook gives the same bytes (the DOS
 * epoch, as reproducible builds use). */
const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

// --- columns, addresses -----------------------------------------------------------

function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" for 0-based (2, 1). */
function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based bounds of "B3", "B3:D9", "$B$3:$D$9", or an open-ended "B3:D" (to `lastRow`).
 * A sheet name before "!" ("'Créances'!O2:O22", as Sheets keeps a rule's ranges) is dropped:
 * an .xlsx rule or validation belongs to the sheet that holds it. */
function parseRange(
  ref: string,
  lastRow: number,
): { top: number; left: number; bottom: number; right: number } {
  const local = ref.trim().replace(/^(?:'(?:[^']|'')*'|[^'!]+)!/, "");
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d*))?$/.exec(local);
  if (!m) throw new RangeError(`Plage A1 invalide : ${ref}`);
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1] as string);
  if (!m[3]) return { top, left, bottom: top, right: left };
  const bottom = m[4] ? Number(m[4]) - 1 : lastRow;
  return { top, left, bottom, right: columnIndex(m[3]) };
}

// --- dates ------------------------------------------------------------------------

/** A Date from ExcelJS (a serial read as UTC) → the instant Apps Script would return. */
function excelDateToInstant(d: Date, timeZone: string): Date {
  return serialToInstant(d.getTime() / 86_400_000 + UNIX_EPOCH_SERIAL, timeZone);
}

/** A wall-clock serial → the instant Apps Script would return. */
function serialToInstant(serial: number, timeZone: string): Date {
  return fromWallClock(serialToWallClock(serial), timeZone);
}

/** An instant → the wall-clock serial an .xlsx stores for the spreadsheet's zone. */
function instantToSerial(d: Date, timeZone: string): number {
  return wallClockToSerial(toWallClock(d, timeZone));
}

function isMidnightIn(d: Date, timeZone: string): boolean {
  const w = toWallClock(d, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}

// --- reading ----------------------------------------------------------------------

export interface ReadXlsxOptions {
  /** The spreadsheet's time zone, as if the file were imported into a Sheets file set
   * to it. Default "Europe/Paris". */
  timeZone?: string;
  /** The workbook's name; default the file name without extension. */
  name?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** A plain (non-formula) ExcelJS value → what getValues() returns. */
function plainValue(v: unknown, timeZone: string): CellValue {
  if (v === null || v === undefined) return "";
  // ExcelJS turns a text result in a date-formatted cell into an invalid Date.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : excelDateToInstant(v, timeZone);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (isRecord(v)) {
    if (Array.isArray(v.richText))
      return (v.richText as { text: string }[]).map((r) => r.text).join("");
    if (typeof v.error === "string") return v.error;
    if (typeof v.text === "string") return v.text; // hyperlink
    if (isRecord(v.text) && Array.isArray(v.text.richText))
      return (v.text.richText as { text: string }[]).map((r) => r.text).join("");
  }
  return String(v);
}

/** What ExcelJS's worksheets hold but its typings leave out. */
interface InternalWorksheet {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
}

interface GridCell {
  value: CellValue;
  formula: string;
  format: string;
}

function readSheet(ws: ExcelJS.Worksheet, timeZone: string): SheetModel {
  const cells = new Map<string, GridCell & { row: number; col: number }>();
  const spills: SheetModel["spills"] = [];
  // Google's export form (see cached-formula.ts): anchors, and the cells they spilled to.
  const wrappedAnchors: { row: number; col: number }[] = [];
  const computed = new Set<string>();
  const notes: string[][] = [];
  let rows = 0;
  let cols = 0;
  // Empty cells too: a formatted empty cell (a column formatted ahead) keeps its format.
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const r = Number(row.number) - 1;
      const c = Number(cell.col) - 1;
      const format = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : "";
      // A note (Range.setNote) was written as the cell's comment: it comes back as a note.
      const note = noteText(cell.note);
      if (note !== "") {
        const rowNotes = notes[r] ?? [];
        rowNotes[c] = note;
        notes[r] = rowNotes;
      }
      let value: CellValue = "";
      let formula = "";
      let inSpill = false;
      if (cell.type === ExcelJS.ValueType.Formula) {
        // `cell.result`, not `cell.value.result`: ExcelJS's copy of the value drops a 0 or false result.
        value = plainValue(cell.result, timeZone);
        const unwrapped = unwrapFormula(cell.formula);
        if (unwrapped.kind !== "plain" && unwrapped.cached !== undefined) {
          const cached = unwrapped.cached;
          value =
            typeof cached === "number" && format && isDateFormat(format)
              ? serialToInstant(cached, timeZone)
              : cached;
        }
        if (unwrapped.kind === "computedValue") {
          computed.add(`${r},${c}`);
          inSpill = true;
        } else if (unwrapped.kind === "formula") {
          formula = fromExcelFormula(unwrapped.excelFormula);
          wrappedAnchors.push({ row: r, col: c });
        } else {
          formula = fromExcelFormula(cell.formula);
          const raw = cell.value as { shareType?: string; ref?: string };
          if (raw.shareType === "array" && raw.ref) {
            const b = parseRange(raw.ref, r);
            spills.push({
              row: b.top,
              col: b.left,
              rows: b.bottom - b.top + 1,
              cols: b.right - b.left + 1,
            });
            rows = Math.max(rows, b.bottom + 1);
            cols = Math.max(cols, b.right + 1);
          }
        }
      } else if (cell.type === ExcelJS.ValueType.Merge) {
        value = "";
      } else {
        value = plainValue(cell.value, timeZone);
      }
      if (value === "" && formula === "" && format === "" && !inSpill) return;
      cells.set(`${r},${c}`, { row: r, col: c, value, formula, format });
      // Like getLastRow(), the grid ends at the last cell with content; a format alone
      // does not extend it.
      if (value !== "" || formula !== "" || inSpill) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    });
  });

  for (const { row, col } of wrappedAnchors) {
    let width = 1;
    while (computed.has(`${row},${col + width}`)) width++;
    let height = 1;
    while (computed.has(`${row + height},${col}`)) height++;
    if (width * height > 1) spills.push({ row, col, rows: height, cols: width });
  }

  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<CellValue>(cols).fill(""));
    formulas.push(new Array<string>(cols).fill(""));
    numberFormats.push(new Array<string>(cols).fill(""));
  }
  for (const cell of cells.values()) {
    if (cell.row >= rows || cell.col >= cols) continue;
    (values[cell.row] as CellValue[])[cell.col] = cell.value;
    (formulas[cell.row] as string[])[cell.col] = cell.formula;
    (numberFormats[cell.row] as string[])[cell.col] = cell.format;
  }

  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const frozen = view?.state === "frozen";
  const columnWidths: (number | undefined)[] = [];
  (ws.columns ?? []).forEach((column, i) => {
    // Excel widths are in characters of the default font (7 px + 5 px of padding).
    columnWidths[i] = column.width ? Math.round(column.width * 7 + 5) : undefined;
  });

  return {
    name: ws.name,
    values,
    formulas,
    numberFormats,
    frozenRows: frozen ? (view?.ySplit ?? 0) : 0,
    frozenColumns: frozen ? (view?.xSplit ?? 0) : 0,
    hidden: ws.state !== "visible",
    columnWidths: columnWidths.some((w) => w !== undefined) ? columnWidths : undefined,
    dataValidations: readValidations(ws),
    conditionalFormats: readConditionalFormats(ws),
    spills,
    ...(notes.length > 0
      ? { notes: Array.from(notes, (row) => Array.from(row ?? [], (n) => n ?? "")) }
      : {}),
  };
}

/** An ExcelJS comment as plain text: a string, or rich text runs. */
function noteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (note === undefined || note === null) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function unquoteList(formula: string): string[] {
  const body = formula.replace(/^"|"$/g, "");
  return body.split(",").map((s) => s.trim());
}

function readValidations(ws: ExcelJS.Worksheet): DataValidationModel[] {
  // ExcelJS spreads each rule over every cell it covers; the cells of one rule share
  // one object, so grouping by identity gives the rule's range back.
  const model = (ws as unknown as InternalWorksheet).dataValidations.model;
  const groups = new Map<
    ExcelJS.DataValidation,
    { r0: number; c0: number; r1: number; c1: number }
  >();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const b = parseRange(address, 0);
    const g = groups.get(dv);
    if (!g) groups.set(dv, { r0: b.top, c0: b.left, r1: b.bottom, c1: b.right });
    else {
      g.r0 = Math.min(g.r0, b.top);
      g.c0 = Math.min(g.c0, b.left);
      g.r1 = Math.max(g.r1, b.bottom);
      g.c1 = Math.max(g.c1, b.right);
    }
  }
  const out: DataValidationModel[] = [];
  for (const [dv, g] of groups) {
    const range = `${a1(g.r0, g.c0)}:${a1(g.r1, g.c1)}`;
    const common = {
      a1: range,
      allowInvalid: !(dv.showErrorMessage && (dv.errorStyle ?? "stop") === "stop"),
      ...(dv.prompt ? { helpText: dv.prompt } : {}),
    };
    if (dv.type === "list") {
      const values = unquoteList(String(dv.formulae?.[0] ?? ""));
      const upper = values.map((v) => v.toUpperCase()).sort();
      // A Sheets checkbox travels in .xlsx as a TRUE/FALSE list.
      if (upper.join(",") === "FALSE,TRUE") out.push({ ...common, kind: "checkbox" });
      else out.push({ ...common, kind: "list", values });
    } else if (dv.type === "date") out.push({ ...common, kind: "date" });
    else if (dv.type === "decimal" || dv.type === "whole") out.push({ ...common, kind: "number" });
  }
  return out;
}

function argbToHex(color: unknown): string | undefined {
  const argb = isRecord(color) ? color.argb : undefined;
  return typeof argb === "string" && argb.length === 8
    ? `#${argb.slice(2).toUpperCase()}`
    : undefined;
}

function readConditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormatModel[] {
  const out: ConditionalFormatModel[] = [];
  for (const cf of (ws as unknown as InternalWorksheet).conditionalFormattings ?? []) {
    const ranges = cf.ref.split(/\s+/).filter(Boolean);
    for (const rule of cf.rules) {
      let condition: ConditionalFormatModel["condition"] | undefined;
      const formula = "formulae" in rule ? String(rule.formulae?.[0] ?? "") : "";
      const startsWith = /^LEFT\(\$?[A-Z]{1,3}\$?\d+,LEN\("((?:[^"]|"")*)"\)\)="\1"$/.exec(formula);
      if (rule.type === "expression" && startsWith)
        condition = {
          kind: "textStartsWith",
          value: (startsWith[1] as string).replace(/""/g, '"'),
        };
      else if (rule.type === "expression")
        condition = { kind: "customFormula", value: fromExcelFormula(formula) };
      else if (rule.type === "containsText")
        condition = { kind: "textContains", value: rule.text ?? "" };
      else if (rule.type === "cellIs") {
        const text = /^"(.*)"$/s.exec(formula);
        if (rule.operator === "equal")
          condition = text
            ? { kind: "textEqualTo", value: (text[1] as string).replace(/""/g, '"') }
            : { kind: "numberEqualTo", value: formula };
        else if (rule.operator === "greaterThan")
          condition = { kind: "numberGreaterThan", value: formula };
        else if (rule.operator === "lessThan")
          condition = { kind: "numberLessThan", value: formula };
      }
      if (!condition) continue;
      const style = rule.style as Partial<ExcelJS.Style> | undefined;
      const fill = style?.fill as { bgColor?: unknown; fgColor?: unknown } | undefined;
      const background = argbToHex(fill?.bgColor) ?? argbToHex(fill?.fgColor);
      const fontColor = argbToHex(style?.font?.color);
      out.push({
        ranges,
        condition,
        ...(background ? { background } : {}),
        ...(fontColor ? { fontColor } : {}),
        ...(style?.font?.bold ? { bold: true } : {}),
      });
    }
  }
  return out;
}

/** Reads every sheet of an .xlsx file (a path or its bytes) as Sheets would hold it
 * after importing the file into a spreadsheet set to `opts.timeZone`. */
export async function readXlsx(
  source: string | Uint8Array,
  opts: ReadXlsxOptions = {},
): Promise<WorkbookModel> {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const bytes = typeof source === "string" ? await readFile(source) : source;
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; the bytes are what it reads.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const name =
    opts.name ?? (typeof source === "string" ? basename(source, extname(source)) : "Classeur");
  const sheets = wb.worksheets.map((ws) => readSheet(ws, timeZone));
  const namedRanges: WorkbookModel["namedRanges"] = [];
  const defined = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model;
  for (const dn of defined ?? []) {
    for (const range of dn.ranges) {
      const m = /^'?(.*?)'?!(.+)$/.exec(range);
      if (m)
        namedRanges.push({
          name: dn.name,
          sheet: (m[1] as string).replace(/''/g, "'"),
          a1: (m[2] as string).replace(/\$/g, ""),
        });
    }
  }
  return { name, timeZone, locale: "fr_FR", sheets, namedRanges };
}

// --- writing ----------------------------------------------------------------------

export interface WriteXlsxOptions {
  /** Creation and modification date recorded in the file's properties (default now). */
  date?: Date;
}

/** A model value → what ExcelJS writes, with the format a date needs when it has none. */
function excelValue(
  v: CellValue,
  format: string,
  timeZone: string,
): { value: number | string | boolean; format: string } {
  if (v instanceof Date) {
    const fallback = isMidnightIn(v, timeZone) ? DATE_FORMAT : DATE_TIME_FORMAT;
    return {
      value: instantToSerial(v, timeZone),
      format: format && isDateFormat(format) ? format : fallback,
    };
  }
  return { value: v, format };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel, timeZone: string): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? "hidden" : "visible",
    views:
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? [{ state: "frozen", xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
  });
  const rows = Math.max(sheet.values.length, sheet.formulas.length, sheet.numberFormats.length);

  // Each spill by its anchor; then which cells belong to a spill of a wrapped formula.
  const spillAt = new Map<string, SheetModel["spills"][number]>();
  for (const s of sheet.spills) if (s.rows * s.cols > 1) spillAt.set(`${s.row},${s.col}`, s);
  const inWrappedSpill = new Set<string>();
  const portable = new Map<string, boolean>();
  for (const s of spillAt.values()) {
    const f = sheet.formulas[s.row]?.[s.col] ?? "";
    const keep = f !== "" && isPortable(toExcelFormula(f));
    portable.set(`${s.row},${s.col}`, keep);
    if (keep) continue;
    for (let r = s.row; r < s.row + s.rows; r++)
      for (let c = s.col; c < s.col + s.cols; c++)
        if (r !== s.row || c !== s.col) inWrappedSpill.add(`${r},${c}`);
  }

  for (let r = 0; r < rows; r++) {
    const vRow = sheet.values[r] ?? [];
    const fRow = sheet.formulas[r] ?? [];
    const nRow = sheet.numberFormats[r] ?? [];
    const cols = Math.max(vRow.length, fRow.length, nRow.length);
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      const formula = fRow[c] ?? "";
      const { value, format } = excelValue(vRow[c] ?? "", nRow[c] ?? "", timeZone);
      const member = formula === "" && inWrappedSpill.has(key);
      if (value === "" && formula === "" && format === "" && !member) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (formula) {
        const excel = toExcelFormula(formula);
        const spill = spillAt.get(key);
        // The cached result is what LibreOffice and Excel show; a formula they cannot
        // compute is wrapped as Google's own export does (cached-formula.ts).
        if (!isPortable(excel)) cell.value = { formula: wrapFormula(excel, value), result: value };
        else if (spill && portable.get(key)) {
          const ref = `${a1(spill.row, spill.col)}:${a1(spill.row + spill.rows - 1, spill.col + spill.cols - 1)}`;
          cell.value = {
            formula: excel,
            result: value,
            shareType: "array",
            ref,
          } as ExcelJS.CellFormulaValue;
        } else cell.value = { formula: excel, result: value };
      } else if (member) {
        cell.value = { formula: wrapComputedValue(value), result: value };
      } else if (value !== "") {
        cell.value = value;
      }
      if (format) cell.numFmt = format;
    }
  }

  for (const [r, row] of (sheet.notes ?? []).entries()) {
    for (const [c, note] of (row ?? []).entries()) if (note) ws.getCell(r + 1, c + 1).note = note;
  }

  (sheet.columnWidths ?? []).forEach((px, i) => {
    if (px !== undefined)
      ws.getColumn(i + 1).width = Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
  });

  const lastRow = Math.max(rows, 1000) - 1;
  for (const dv of sheet.dataValidations) writeValidation(ws, dv, lastRow);
  for (const cf of sheet.conditionalFormats) writeConditionalFormat(ws, cf, lastRow);
}

/** Closes an open-ended Sheets range ("E2:E") at the last row worth covering. */
function closedRange(ref: string, lastRow: number): string {
  const b = parseRange(ref, lastRow);
  return b.top === b.bottom && b.left === b.right
    ? a1(b.top, b.left)
    : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
}

function writeValidation(ws: ExcelJS.Worksheet, dv: DataValidationModel, lastRow: number): void {
  const common = {
    allowBlank: true,
    showErrorMessage: dv.allowInvalid !== true,
    errorStyle: "stop" as const,
    ...(dv.helpText ? { showInputMessage: true, prompt: dv.helpText } : {}),
  };
  let rule: ExcelJS.DataValidation;
  switch (dv.kind) {
    case "list":
      rule = {
        ...common,
        type: "list",
        formulae: [`"${(dv.values ?? []).map((v) => v.replace(/"/g, '""')).join(",")}"`],
      };
      break;
    case "checkbox":
      rule = { ...common, type: "list", formulae: ['"TRUE,FALSE"'] };
      break;
    case "date":
      rule = {
        ...common,
        type: "date",
        operator: "greaterThan",
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
      break;
    case "number":
      rule = { ...common, type: "decimal", operator: "greaterThan", formulae: [-1e300] };
      break;
  }
  (ws as unknown as InternalWorksheet).dataValidations.add(closedRange(dv.a1, lastRow), rule);
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase().padStart(6, "0")}`;
}

function writeConditionalFormat(
  ws: ExcelJS.Worksheet,
  cf: ConditionalFormatModel,
  lastRow: number,
): void {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.background)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: hexToArgb(cf.background) } };
  if (cf.fontColor || cf.bold)
    style.font = {
      ...(cf.fontColor ? { color: { argb: hexToArgb(cf.fontColor) } } : {}),
      ...(cf.bold ? { bold: true } : {}),
    };
  const value = cf.condition.value ?? "";
  const base = { priority: 1, style };
  let rule: ExcelJS.ConditionalFormattingRule;
  switch (cf.condition.kind) {
    case "customFormula":
      rule = { ...base, type: "expression", formulae: [toExcelFormula(value)] };
      break;
    case "textEqualTo":
      rule = {
        ...base,
        type: "cellIs",
        operator: "equal",
        formulae: [`"${value.replace(/"/g, '""')}"`],
      };
      break;
    case "textContains":
      rule = { ...base, type: "containsText", operator: "containsText", text: value };
      break;
    case "textStartsWith": {
      // ExcelJS has no « begins with » rule; the formula Excel itself stores for one.
      const first = parseRange(cf.ranges[0] ?? "A1", lastRow);
      const text = `"${value.replace(/"/g, '""')}"`;
      rule = {
        ...base,
        type: "expression",
        formulae: [`LEFT(${a1(first.top, first.left)},LEN(${text}))=${text}`],
      };
      break;
    }
    case "numberEqualTo":
      rule = { ...base, type: "cellIs", operator: "equal", formulae: [value.replace(",", ".")] };
      break;
    case "numberGreaterThan":
      rule = {
        ...base,
        type: "cellIs",
        operator: "greaterThan",
        formulae: [value.replace(",", ".")],
      };
      break;
    case "numberLessThan":
      rule = { ...base, type: "cellIs", operator: "lessThan", formulae: [value.replace(",", ".")] };
      break;
    default:
      return; // A rule .xlsx cannot express is left out rather than written wrong.
  }
  ws.addConditionalFormatting({
    ref: cf.ranges.map((r) => closedRange(r, lastRow)).join(" "),
    rules: [rule],
  });
}

/** The .xlsx bytes of a workbook: every sheet, formulas with their cached results. */
export async function xlsxBytes(
  wb: WorkbookModel,
  opts: WriteXlsxOptions = {},
): Promise<Uint8Array> {
  assertTimeZone(wb.timeZone);
  const book = new ExcelJS.Workbook();
  const date = opts.date ?? new Date();
  book.creator = "Recouvra";
  book.lastModifiedBy = "Recouvra";
  book.created = date;
  book.modified = date;
  for (const sheet of wb.sheets) writeSheet(book, sheet, wb.timeZone);
  for (const nr of wb.namedRanges) {
    const b = parseRange(nr.a1, XLSX_MAX_ROW - 1);
    const abs = `$${columnLetters(b.left)}$${b.top + 1}:$${columnLetters(b.right)}$${b.bottom + 1}`;
    book.definedNames.add(`'${nr.sheet.replace(/'/g, "''")}'!${abs}`, nr.name);
  }
  const raw = new Uint8Array(await book.xlsx.writeBuffer());
  return normalizeZip(raw);
}

/** Rewrites the zip with fixed entry dates: same workbook, same bytes. */
async function normalizeZip(bytes: Uint8Array): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [path, entry] of Object.entries(src.files)) {
    if (entry.dir) continue;
    out.file(path, await entry.async("uint8array"), { date: ZIP_ENTRY_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Writes a workbook to an .xlsx file (see xlsxBytes). */
export async function writeXlsx(
  wb: WorkbookModel,
  path: string,
  opts: WriteXlsxOptions = {},
): Promise<void> {
  await writeFile(path, await xlsxBytes(wb, opts));
}
