// SpreadsheetApp.Range over a SheetModel: values exactly as Sheets returns them ('' for
// an empty cell, Date objects for date cells, numbers, booleans), Google's errors for
// wrong dimensions, strings typed in as Sheets would parse them.

import { toEnglishFormula, toStoredFormula } from "../formulas.js";
import type { CellValue, SheetModel } from "../model.js";
import { fromWallClock } from "../tz.js";
import { quoteSheetName, toA1 } from "./a1.js";
import {
  cellValue,
  ensureSize,
  getFormat,
  getFormula,
  getValue,
  putFormat,
  putFormula,
  putValue,
  spillCovering,
} from "./grid.js";
import { DEFAULT_NUMBER_FORMAT, displayValue, localeSymbols } from "./number-format.js";
import type { DataValidation } from "./rules.js";
import { GAS } from "./runtime.js";
import type { Sheet } from "./sheet.js";

type RangeT = GoogleAppsScript.Spreadsheet.Range;

type RangeMethods =
  | "getValues"
  | "setValues"
  | "getDisplayValues"
  | "getDisplayValue"
  | "getValue"
  | "setValue"
  | "getFormula"
  | "getFormulas"
  | "setFormula"
  | "setFormulas"
  | "getNumberFormat"
  | "getNumberFormats"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setDataValidation"
  | "getRow"
  | "getColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getLastRow"
  | "getLastColumn"
  | "getA1Notation"
  | "getSheet"
  | "clearContent"
  | "clear"
  | "isBlank"
  | "getCell"
  | "offset"
  | "activate"
  | "setFontWeight"
  | "setFontWeights"
  | "setFontColor"
  | "setBackground"
  | "setHorizontalAlignment"
  | "setWrap"
  | "setNote"
  | "getNote"
  | "setNotes"
  | "getNotes";

export class Range implements Pick<RangeT, RangeMethods> {
  readonly [GAS] = "SpreadsheetApp.Range";

  constructor(
    readonly _sheet: Sheet,
    /** 1-based, as Apps Script counts. */
    readonly _row: number,
    readonly _col: number,
    readonly _rows: number,
    readonly _cols: number,
  ) {
    if (_rows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (_cols < 1) throw new Error("The number of columns in the range must be at least 1.");
  }

  private get m(): SheetModel {
    return this._sheet._model;
  }
  private self(): RangeT {
    return this as unknown as RangeT;
  }
  /** Cells covered (the ledger's per-cell latency). */
  _cells(): number {
    return this._rows * this._cols;
  }
  /** Sheet-qualified A1 notation, for rules and named ranges. */
  _a1(): string {
    return `${quoteSheetName(this.m.name)}!${this.getA1Notation()}`;
  }

  private read<T>(f: (r: number, c: number) => T): T[][] {
    this._sheet._beforeRead();
    const out: T[][] = [];
    for (let r = 0; r < this._rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._cols; c++) row.push(f(this._row - 1 + r, this._col - 1 + c));
      out.push(row);
    }
    return out;
  }

  private checkShape(data: unknown, what: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw new Error(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`,
      );
    }
    if (data.length !== this._rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._rows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._cols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._cols}.`,
        );
      }
    }
  }

  getValues(): CellValue[][] {
    return this.read((r, c) => {
      const v = getValue(this.m, r, c);
      return v instanceof Date ? new Date(v.getTime()) : v;
    });
  }
  getValue(): CellValue {
    return this.getCellRange().getValues()[0]?.[0] ?? "";
  }
  getDisplayValues(): string[][] {
    const ss = this._sheet._ss;
    return this.read((r, c) =>
      displayValue(getValue(this.m, r, c), getFormat(this.m, r, c), ss._locale(), ss._timeZone()),
    );
  }
  getDisplayValue(): string {
    return this.getCellRange().getDisplayValues()[0]?.[0] ?? "";
  }
  getFormulas(): string[][] {
    return this.read((r, c) => toEnglishFormula(getFormula(this.m, r, c)));
  }
  getFormula(): string {
    return this.getCellRange().getFormulas()[0]?.[0] ?? "";
  }
  getNumberFormats(): string[][] {
    return this.read((r, c) => getFormat(this.m, r, c) || DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.getCellRange().getNumberFormats()[0]?.[0] ?? DEFAULT_NUMBER_FORMAT;
  }

  setValues(values: unknown[][]): RangeT {
    this.checkShape(values, "setValues");
    this.write((r, c, i, j) => {
      const v = (values[i] as unknown[])[j];
      if (typeof v === "string" && v.length > 1 && v.startsWith("=")) {
        return { formula: toStoredFormula(v, this._sheet._ss._locale()) };
      }
      return { value: this.typed(v, r, c) };
    });
    return this.self();
  }
  setValue(value: unknown): RangeT {
    const row = Array.from({ length: this._cols }, () => value);
    return this.setValues(Array.from({ length: this._rows }, () => row));
  }
  setFormulas(formulas: string[][]): RangeT {
    this.checkShape(formulas, "setFormulas");
    this.write((_r, _c, i, j) => {
      const f = String((formulas[i] as unknown[])[j] ?? "");
      return f === "" ? { value: "" } : { formula: toStoredFormula(f, this._sheet._ss._locale()) };
    });
    return this.self();
  }
  setFormula(formula: string): RangeT {
    const row = Array.from({ length: this._cols }, () => formula);
    return this.setFormulas(Array.from({ length: this._rows }, () => row));
  }
  setNumberFormats(formats: string[][]): RangeT {
    this.checkShape(formats, "setNumberFormats");
    ensureSize(this.m, this._row + this._rows - 1, this._col + this._cols - 1);
    for (let i = 0; i < this._rows; i++) {
      for (let j = 0; j < this._cols; j++) {
        putFormat(
          this.m,
          this._row - 1 + i,
          this._col - 1 + j,
          String((formats[i] as unknown[])[j]),
        );
      }
    }
    this._sheet._wrote();
    return this.self();
  }
  setNumberFormat(format: string): RangeT {
    const row = Array.from({ length: this._cols }, () => format);
    return this.setNumberFormats(Array.from({ length: this._rows }, () => row));
  }

  /** Writes each cell: a value (removes any formula there) or a formula (its value
   * waits for the next recalculation). A non-empty value written inside another
   * formula's spill breaks that spill, as typing over an array result does in Sheets. */
  private write(
    cell: (r: number, c: number, i: number, j: number) => { value?: CellValue; formula?: string },
  ) {
    const m = this.m;
    ensureSize(m, this._row + this._rows - 1, this._col + this._cols - 1);
    const broken = new Set<SheetModel["spills"][number]>();
    for (let i = 0; i < this._rows; i++) {
      for (let j = 0; j < this._cols; j++) {
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        const w = cell(r, c, i, j);
        const ownSpill = m.spills.find((sp) => sp.row === r && sp.col === c);
        if (ownSpill && w.formula === undefined) {
          clearSpill(m, ownSpill);
          m.spills.splice(m.spills.indexOf(ownSpill), 1);
        }
        if (w.formula !== undefined) {
          putFormula(m, r, c, w.formula);
        } else {
          putFormula(m, r, c, "");
          putValue(m, r, c, w.value ?? "");
          const covering = spillCovering(m, r, c);
          if (covering && w.value !== "") broken.add(covering);
        }
      }
    }
    for (const sp of broken) {
      // The formula now shows #REF! and its other cells empty out; the next recalculation
      // says why ("Array result was not expanded because it would overwrite data in …").
      for (let r = sp.row; r < sp.row + sp.rows; r++) {
        for (let c = sp.col; c < sp.col + sp.cols; c++) {
          const inWrite =
            r >= this._row - 1 &&
            r < this._row - 1 + this._rows &&
            c >= this._col - 1 &&
            c < this._col - 1 + this._cols;
          if (!inWrite && !(r === sp.row && c === sp.col)) putValue(m, r, c, "");
        }
      }
      putValue(m, sp.row, sp.col, "#REF!");
      m.spills.splice(m.spills.indexOf(sp), 1);
    }
    this._sheet._wrote();
  }

  /** A string as Sheets parses what is typed: numbers, dates and booleans of the locale,
   * unless the cell is formatted as plain text ("@"). A leading apostrophe forces text and
   * is not part of the value ("'=A1" holds the text "=A1", "'007" the text "007"). */
  private typed(v: unknown, r: number, c: number): CellValue {
    const value = cellValue(v);
    if (typeof value === "string" && value.startsWith("'")) return value.slice(1);
    if (typeof value !== "string" || getFormat(this.m, r, c) === "@") return value;
    return parseTyped(value, this._sheet._ss._locale(), this._sheet._ss._timeZone());
  }

  clearContent(): RangeT {
    this.write(() => ({ value: "" }));
    return this.self();
  }
  clear(_options?: object): RangeT {
    this.write(() => ({ value: "" }));
    for (let i = 0; i < this._rows; i++) {
      for (let j = 0; j < this._cols; j++)
        putFormat(this.m, this._row - 1 + i, this._col - 1 + j, "");
    }
    return this.self();
  }
  isBlank(): boolean {
    return this.read(
      (r, c) => getValue(this.m, r, c) === "" && getFormula(this.m, r, c) === "",
    ).every((row) => row.every(Boolean));
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): RangeT {
    const a1 = this.getA1Notation();
    const list = this.m.dataValidations.filter((d) => d.a1 !== a1);
    if (rule) list.push((rule as unknown as DataValidation)._model(a1));
    this.m.dataValidations = list;
    return this.self();
  }

  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._rows;
  }
  getNumColumns(): number {
    return this._cols;
  }
  getLastRow(): number {
    return this._row + this._rows - 1;
  }
  getLastColumn(): number {
    return this._col + this._cols - 1;
  }
  getA1Notation(): string {
    return toA1(this._row, this._col, this._rows, this._cols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this._sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  getCell(row: number, column: number): RangeT {
    if (row < 1 || row > this._rows || column < 1 || column > this._cols) {
      throw new Error("Cell reference out of range");
    }
    return new Range(
      this._sheet,
      this._row + row - 1,
      this._col + column - 1,
      1,
      1,
    ) as unknown as RangeT;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeT {
    return new Range(
      this._sheet,
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._rows,
      numColumns ?? this._cols,
    ) as unknown as RangeT;
  }
  activate(): RangeT {
    this._sheet._ss._activate(this._sheet, this);
    return this.self();
  }
  private getCellRange(): Range {
    return new Range(this._sheet, this._row, this._col, 1, 1);
  }

  // Formatting that the sandbox does not render: accepted, recorded nowhere.
  setFontWeight(_w: GoogleAppsScript.Spreadsheet.FontWeight | null): RangeT {
    return this.self();
  }
  setFontWeights(weights: unknown[][]): RangeT {
    if (
      weights.length !== this.getNumRows() ||
      weights.some((r) => r.length !== this.getNumColumns())
    )
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${weights.length} but the range has ${this.getNumRows()}.`,
      );
    return this.self();
  }
  setFontColor(_c: string | null): RangeT {
    return this.self();
  }
  setBackground(_c: string | null): RangeT {
    return this.self();
  }
  setHorizontalAlignment(_a: "left" | "center" | "normal" | "right" | null): RangeT {
    return this.self();
  }
  setWrap(_w: boolean): RangeT {
    return this.self();
  }
  /** Notes are kept in the model (sheet.notes) and written to .xlsx as cell comments. */
  setNote(note: string | null): RangeT {
    const notes = this.m.notes ?? [];
    this.m.notes = notes;
    for (let r = this._row - 1; r < this._row - 1 + this._rows; r++) {
      const row = notes[r] ?? [];
      notes[r] = row;
      for (let c = this._col - 1; c < this._col - 1 + this._cols; c++) row[c] = note ?? "";
    }
    return this.self();
  }
  getNote(): string {
    return this.m.notes?.[this._row - 1]?.[this._col - 1] ?? "";
  }
  /** Every cell's note, '' where there is none (as Google returns them). */
  getNotes(): string[][] {
    return this.read((r, c) => this.m.notes?.[r]?.[c] ?? "");
  }
  /** One note per cell, dimensions matching the range's; null or '' removes a note. */
  setNotes(notes: (string | null)[][]): RangeT {
    this.checkShape(notes, "setNotes");
    const model = this.m.notes ?? [];
    this.m.notes = model;
    notes.forEach((row, i) => {
      const r = this._row - 1 + i;
      const cells = model[r] ?? [];
      model[r] = cells;
      row.forEach((note, j) => {
        cells[this._col - 1 + j] = note === null ? "" : String(note);
      });
    });
    return this.self();
  }
}

function clearSpill(m: SheetModel, sp: SheetModel["spills"][number]): void {
  for (let r = sp.row; r < sp.row + sp.rows; r++) {
    for (let c = sp.col; c < sp.col + sp.cols; c++) {
      if (!(r === sp.row && c === sp.col)) putValue(m, r, c, "");
    }
  }
}

/** What Sheets makes of a typed string in a locale: "12" → 12, "1 850,50" → 1850.5 (fr),
 * "26/11/2026" → that date at midnight (fr), "TRUE"/"VRAI" → true; anything else stays text. */
export function parseTyped(s: string, locale: string, timeZone: string): CellValue {
  const sym = localeSymbols(locale);
  const t = s.trim();
  if (t === "") return s;
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === sym.trueText) return true;
  if (upper === "FALSE" || upper === sym.falseText) return false;
  const group = sym.group === " " ? "[ \u00a0\u202f]" : ",";
  const dec = sym.decimal === "," ? "," : "\\.";
  const num = new RegExp(`^-?(\\d{1,3}(${group}\\d{3})+|\\d+)(${dec}\\d+)?$`);
  if (num.test(t)) {
    const normalized = t.replace(new RegExp(group, "g"), "").replace(sym.decimal, ".");
    return Number(normalized);
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (date) {
    const [a, b, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const [day, month] = sym.decimal === "," ? [a, b] : [b, a];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return fromWallClock({ year, month, day }, timeZone);
    }
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso)
    return fromWallClock(
      { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) },
      timeZone,
    );
  return s;
}
