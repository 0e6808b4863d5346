// SpreadsheetApp and the Spreadsheet (the workbook the add-on is bound to).

import type { WorkbookModel } from "../model.js";
import { assertTimeZone } from "../tz.js";
import { parseA1, quoteSheetName } from "./a1.js";
import { newSheetModel } from "./grid.js";
import { Range } from "./range.js";
import {
  BooleanCriteria,
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  DataValidationCriteria,
} from "./rules.js";
import { GAS, type Runtime } from "./runtime.js";
import { Sheet } from "./sheet.js";
import { Ui, type UiState } from "./ui.js";

type SpreadsheetT = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SheetT = GoogleAppsScript.Spreadsheet.Sheet;
type RangeT = GoogleAppsScript.Spreadsheet.Range;
type AppT = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

type SpreadsheetMethods =
  | "getId"
  | "getName"
  | "rename"
  | "getUrl"
  | "getSpreadsheetTimeZone"
  | "setSpreadsheetTimeZone"
  | "getSpreadsheetLocale"
  | "getSheets"
  | "getSheetByName"
  | "insertSheet"
  | "deleteSheet"
  | "setActiveSheet"
  | "getActiveSheet"
  | "getRange"
  | "getRangeByName"
  | "setNamedRange"
  | "toast"
  | "getNumSheets";

export class Spreadsheet implements Pick<SpreadsheetT, SpreadsheetMethods> {
  readonly [GAS] = "SpreadsheetApp.Spreadsheet";
  private readonly sheets = new Map<object, Sheet>();
  private nextSheetId = 0;
  private activeSheet?: Sheet;
  _activeRange?: Range;

  constructor(
    readonly _rt: Runtime,
    readonly _model: WorkbookModel,
    readonly _id: string,
    private readonly ui: UiState,
  ) {}

  _locale(): string {
    return this._model.locale;
  }
  _timeZone(): string {
    return this._model.timeZone;
  }

  /** The Sheet object of a model sheet (one per sheet, with a stable id). */
  _sheet(name: string): Sheet | undefined {
    const m = this._model.sheets.find((s) => s.name === name);
    if (!m) return undefined;
    let s = this.sheets.get(m);
    if (!s) {
      s = new Sheet(this, m, this.nextSheetId === 0 ? 0 : 100_000 + this.nextSheetId * 7919);
      this.nextSheetId++;
      this.sheets.set(m, s);
    }
    return s;
  }
  _checkNewName(name: string): void {
    if (this._model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  _activate(sheet: Sheet, range?: Range): void {
    this.activeSheet = sheet;
    this._activeRange = range;
  }
  /** "Sheet!A1:B2" (or "A1" on the active sheet) → a Range. */
  _rangeA1(a1: string): Range {
    const p = parseA1(a1);
    const sheet = p?.sheet === undefined ? this._active() : this._sheet(p.sheet);
    if (!p || !sheet) throw new Error("Range not found");
    return sheet._rangeA1(a1.slice(a1.lastIndexOf("!") + 1));
  }
  _active(): Sheet {
    const first = this._model.sheets.find((s) => !s.hidden) ?? this._model.sheets[0];
    if (this.activeSheet && this._model.sheets.includes(this.activeSheet._model))
      return this.activeSheet;
    if (!first) throw new Error("The spreadsheet has no sheet.");
    return this._sheet(first.name) as Sheet;
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._model.name;
  }
  rename(newName: string): void {
    this._model.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    try {
      assertTimeZone(timezone);
    } catch {
      throw new Error(`Invalid argument: ${timezone}`);
    }
    this._model.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._model.locale;
  }
  getSheets(): SheetT[] {
    return this._model.sheets.map((s) => this._sheet(s.name) as unknown as SheetT);
  }
  getNumSheets(): number {
    return this._model.sheets.length;
  }
  getSheetByName(name: string): SheetT | null {
    return (this._sheet(name) as unknown as SheetT) ?? null;
  }
  insertSheet(a?: string | number | object, b?: number | object): SheetT {
    const name = typeof a === "string" ? a : this.defaultSheetName();
    const index = typeof a === "number" ? a : typeof b === "number" ? b : this._model.sheets.length;
    this._checkNewName(name);
    const model = newSheetModel(name);
    this._model.sheets.splice(Math.max(0, Math.min(index, this._model.sheets.length)), 0, model);
    const sheet = this._sheet(name) as Sheet;
    this.activeSheet = sheet;
    this._rt.wrote(model);
    return sheet as unknown as SheetT;
  }
  private defaultSheetName(): string {
    const base = this._model.locale.startsWith("fr") ? "Feuille" : "Sheet";
    let n = this._model.sheets.length + 1;
    while (this._model.sheets.some((s) => s.name === `${base}${n}`)) n++;
    return `${base}${n}`;
  }
  deleteSheet(sheet: SheetT): void {
    const s = sheet as unknown as Sheet;
    const i = this._model.sheets.indexOf(s._model);
    if (i < 0) throw new Error("Sheet not found");
    if (this._model.sheets.length === 1) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    this._model.sheets.splice(i, 1);
    this._model.namedRanges = this._model.namedRanges.filter((n) => n.sheet !== s._model.name);
    if (this.activeSheet === s) this.activeSheet = undefined;
  }
  setActiveSheet(sheet: SheetT, _restoreSelection?: boolean): SheetT {
    this._activate(sheet as unknown as Sheet);
    return sheet;
  }
  getActiveSheet(): SheetT {
    return this._active() as unknown as SheetT;
  }
  getRange(a1Notation: string): RangeT {
    return this._rangeA1(a1Notation) as unknown as RangeT;
  }
  getRangeByName(name: string): RangeT | null {
    const n = this._model.namedRanges.find((x) => x.name === name);
    if (!n) return null;
    return this._rangeA1(`${quoteSheetName(n.sheet)}!${n.a1}`) as unknown as RangeT;
  }
  setNamedRange(name: string, range: RangeT): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new Error(`Invalid name: ${name}`);
    }
    const r = range as unknown as Range;
    const entry = { name, sheet: r._sheet._model.name, a1: r.getA1Notation() };
    this._model.namedRanges = [...this._model.namedRanges.filter((x) => x.name !== name), entry];
  }
  toast(msg: string, title = "", timeoutSeconds: number | null = 5): void {
    this.ui.toasts.push({ message: msg, title, timeoutSeconds });
  }
}

type AppMethods =
  | "getActive"
  | "getActiveSpreadsheet"
  | "getActiveSheet"
  | "getActiveRange"
  | "flush"
  | "newDataValidation"
  | "newConditionalFormatRule"
  | "getUi";

export class SpreadsheetApp implements Pick<AppT, AppMethods> {
  readonly [GAS] = "SpreadsheetApp";
  readonly DataValidationCriteria =
    DataValidationCriteria as unknown as AppT["DataValidationCriteria"];
  readonly BooleanCriteria = BooleanCriteria as unknown as AppT["BooleanCriteria"];
  readonly WrapStrategy = {
    WRAP: "WRAP",
    OVERFLOW: "OVERFLOW",
    CLIP: "CLIP",
  } as unknown as AppT["WrapStrategy"];

  constructor(
    readonly _ss: Spreadsheet,
    private readonly ui: UiState,
  ) {}

  getActive(): SpreadsheetT {
    return this._ss as unknown as SpreadsheetT;
  }
  getActiveSpreadsheet(): SpreadsheetT {
    return this._ss as unknown as SpreadsheetT;
  }
  getActiveSheet(): SheetT {
    const cell = this._ss._rt.current()?.activeCell;
    if (cell) return this._ss._sheet(cell.sheet) as unknown as SheetT;
    return this._ss._active() as unknown as SheetT;
  }
  /** The calling cell during a custom function; else the selection (A1 of the active sheet by default). */
  getActiveRange(): RangeT {
    const cell = this._ss._rt.current()?.activeCell;
    if (cell) {
      const sheet = this._ss._sheet(cell.sheet) as Sheet;
      return new Range(sheet, cell.row, cell.col, 1, 1) as unknown as RangeT;
    }
    const active = this._ss._activeRange;
    if (active) return active as unknown as RangeT;
    return new Range(this._ss._active(), 1, 1, 1, 1) as unknown as RangeT;
  }
  /** Writes are applied at once in the sandbox; formulas catch up when their cells are read. */
  flush(): void {}
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilder() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(
      (a1) => this._ss._rangeA1(a1) as unknown as RangeT,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return new Ui(this.ui) as unknown as GoogleAppsScript.Base.Ui;
  }
}
