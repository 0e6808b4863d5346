// SpreadsheetApp.Sheet over a SheetModel.

import type { CellValue, SheetModel } from "../model.js";
import { parseA1, resolveA1 } from "./a1.js";
import { type ChartHost, EmbeddedChart, EmbeddedChartBuilder, newDraft } from "./chart.js";
import { ensureSize, getValue, lastColumn, lastRow, maxCols, maxRows } from "./grid.js";
import { Range } from "./range.js";
import { ConditionalFormatRule } from "./rules.js";
import { GAS } from "./runtime.js";
import type { Spreadsheet } from "./spreadsheet.js";

type SheetT = GoogleAppsScript.Spreadsheet.Sheet;
type RangeT = GoogleAppsScript.Spreadsheet.Range;

type SheetMethods =
  | "getName"
  | "setName"
  | "getIndex"
  | "getSheetId"
  | "getRange"
  | "getDataRange"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "insertRowsAfter"
  | "insertRowAfter"
  | "deleteRow"
  | "deleteRows"
  | "appendRow"
  | "clear"
  | "clearContents"
  | "setFrozenRows"
  | "getFrozenRows"
  | "setFrozenColumns"
  | "getFrozenColumns"
  | "hideSheet"
  | "showSheet"
  | "isSheetHidden"
  | "setColumnWidth"
  | "getColumnWidth"
  | "getConditionalFormatRules"
  | "setConditionalFormatRules"
  | "sort"
  | "getParent"
  | "activate"
  | "newChart"
  | "insertChart"
  | "getCharts"
  | "updateChart"
  | "removeChart";

export class Sheet implements Pick<SheetT, SheetMethods> {
  readonly [GAS] = "SpreadsheetApp.Sheet";

  constructor(
    readonly _ss: Spreadsheet,
    readonly _model: SheetModel,
    readonly _id: number,
  ) {}

  private self(): SheetT {
    return this as unknown as SheetT;
  }
  /** Formula results up to date before a read (the formula engine's hook). */
  _beforeRead(): void {
    this._ss._rt.beforeRead(this._model);
  }
  _wrote(): void {
    this._ss._rt.wrote(this._model);
  }

  getName(): string {
    return this._model.name;
  }
  setName(name: string): SheetT {
    if (name !== this._model.name) this._ss._checkNewName(name);
    for (const n of this._ss._model.namedRanges) if (n.sheet === this._model.name) n.sheet = name;
    this._model.name = name;
    return this.self();
  }
  getIndex(): number {
    return this._ss._model.sheets.indexOf(this._model) + 1;
  }
  getSheetId(): number {
    return this._id;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this._ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
  activate(): SheetT {
    this._ss._activate(this);
    return this.self();
  }

  // --- embedded charts -------------------------------------------------------------
  private lastChartId = 0;
  private chartHost(): ChartHost {
    return {
      sheetName: () => this._model.name,
      rangeOf: (a1) => this._rangeA1(a1) as unknown as RangeT,
      nextChartId: () => {
        this.lastChartId =
          Math.max(this.lastChartId, ...(this._model.charts ?? []).map((c) => c.id)) + 1;
        return this.lastChartId;
      },
    };
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(
      this.chartHost(),
      newDraft(),
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  private chartModel(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    if (!(chart instanceof EmbeddedChart)) throw new Error("Invalid argument: chart");
    return chart._model;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this.chartModel(chart);
    this._model.charts ??= [];
    const charts = this._model.charts;
    if (charts.some((c) => c.id === model.id))
      throw new Error("The chart is already in the sheet.");
    charts.push(structuredClone(model));
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return (this._model.charts ?? []).map(
      (c) =>
        new EmbeddedChart(
          this.chartHost(),
          structuredClone(c),
        ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart,
    );
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this.chartModel(chart);
    const charts = this._model.charts ?? [];
    const i = charts.findIndex((c) => c.id === model.id);
    if (i < 0) throw new Error("The chart could not be found in the sheet.");
    charts[i] = structuredClone(model);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const id = this.chartModel(chart).id;
    this._model.charts = (this._model.charts ?? []).filter((c) => c.id !== id);
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeT {
    if (typeof a === "string") return this._rangeA1(a) as unknown as RangeT;
    if (column === undefined)
      throw new Error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    for (const [n, v] of [
      ["row", a],
      ["column", column],
    ] as const) {
      if (!Number.isInteger(v) || v < 1) {
        throw new Error(`The starting ${n} of the range is too small.`);
      }
    }
    return this.checked(
      new Range(this, a, column, numRows ?? 1, numColumns ?? 1),
    ) as unknown as RangeT;
  }
  /** With strictGrid, a range past the sheet's size is refused as Google does; otherwise
   * the grid grows when written (files give tight grids, Sheets gives at least 1000 rows). */
  private checked(r: Range): Range {
    if (
      this._ss._rt.strictGrid &&
      (r.getLastRow() > maxRows(this._model) || r.getLastColumn() > maxCols(this._model))
    ) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return r;
  }
  _rangeA1(a1: string): Range {
    const p = parseA1(a1);
    if (!p) throw new Error(`Range not found`);
    const r = resolveA1(p, maxRows(this._model), maxCols(this._model));
    return this.checked(new Range(this, r.row, r.col, r.rows, r.cols));
  }
  getDataRange(): RangeT {
    return new Range(
      this,
      1,
      1,
      Math.max(1, lastRow(this._model)),
      Math.max(1, lastColumn(this._model)),
    ) as unknown as RangeT;
  }
  getLastRow(): number {
    this._beforeRead();
    return lastRow(this._model);
  }
  getLastColumn(): number {
    this._beforeRead();
    return lastColumn(this._model);
  }
  getMaxRows(): number {
    return maxRows(this._model);
  }
  getMaxColumns(): number {
    return maxCols(this._model);
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetT {
    this.shiftRows(afterPosition, howMany);
    return this.self();
  }
  insertRowAfter(afterPosition: number): SheetT {
    return this.insertRowsAfter(afterPosition, 1);
  }
  deleteRow(rowPosition: number): SheetT {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const m = this._model;
    if (rowPosition < 1 || rowPosition + howMany - 1 > maxRows(m)) {
      throw new Error("Those rows are out of bounds.");
    }
    if (howMany >= maxRows(m)) throw new Error("You can't delete all the rows on the sheet.");
    this.shiftRows(rowPosition - 1, -howMany);
  }

  /** Inserts (delta > 0) rows after `at` rows, or deletes -delta rows after `at`, moving
   * values, formulas, formats and spills. Formula references are not rewritten. */
  private shiftRows(at: number, delta: number): void {
    const m = this._model;
    const width = maxCols(m);
    for (const grid of [m.values, m.formulas, m.numberFormats] as unknown[][][]) {
      if (grid.length < at) continue;
      if (delta > 0) {
        const blank = grid === m.values ? () => Array.from({ length: width }, () => "") : () => [];
        grid.splice(at, 0, ...Array.from({ length: delta }, blank));
      } else grid.splice(at, -delta);
    }
    m.spills = m.spills
      .filter((sp) => delta > 0 || sp.row < at || sp.row >= at - delta)
      .map((sp) => (sp.row >= at ? { ...sp, row: sp.row + delta } : sp));
    this._wrote();
  }

  appendRow(rowContents: unknown[]): SheetT {
    // appendRow adds the row to the grid if needed, even with strictGrid.
    const row = lastRow(this._model) + 1;
    ensureSize(this._model, row, rowContents.length);
    new Range(this, row, 1, 1, Math.max(1, rowContents.length)).setValues([rowContents]);
    return this.self();
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): SheetT {
    const m = this._model;
    if (!options?.formatOnly) {
      for (const row of m.values) row.fill("");
      m.formulas = [];
      m.spills = [];
    }
    if (!options?.contentsOnly) {
      m.numberFormats = [];
      m.conditionalFormats = [];
    }
    this._wrote();
    return this.self();
  }
  clearContents(): SheetT {
    return this.clear({ contentsOnly: true });
  }

  setFrozenRows(rows: number): void {
    this._model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._model.frozenColumns;
  }
  hideSheet(): SheetT {
    const visible = this._ss._model.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._model) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this._model.hidden = true;
    return this.self();
  }
  showSheet(): SheetT {
    this._model.hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this._model.hidden;
  }
  setColumnWidth(columnPosition: number, width: number): SheetT {
    const widths = this._model.columnWidths ?? [];
    while (widths.length < columnPosition) widths.push(undefined);
    widths[columnPosition - 1] = width;
    this._model.columnWidths = widths;
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    return this._model.columnWidths?.[columnPosition - 1] ?? 100;
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this._model.conditionalFormats.map(
      (m) =>
        ConditionalFormatRule._fromModel(
          m,
          (a1) => this._ss._rangeA1(a1) as unknown as RangeT,
        ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this._model.conditionalFormats = rules.map((r) =>
      (r as unknown as ConditionalFormatRule)._model(),
    );
  }

  /** Sorts the rows below the frozen ones by a column, as Sheets orders values: numbers
   * and dates, then text (ignoring case), then booleans; blanks last either way. */
  sort(columnPosition: number, ascending = true): SheetT {
    this._beforeRead();
    const m = this._model;
    const first = m.frozenRows;
    const last = lastRow(m);
    if (last <= first) return this.self();
    const width = maxCols(m);
    ensureSize(m, last, width);
    const rows = Array.from({ length: last - first }, (_, i) => {
      const r = first + i;
      return {
        values: m.values[r] as CellValue[],
        formulas: m.formulas[r] ?? [],
        formats: m.numberFormats[r] ?? [],
        key: getValue(m, r, columnPosition - 1),
      };
    });
    rows.sort((a, b) => compareCells(a.key, b.key, ascending));
    rows.forEach((row, i) => {
      const r = first + i;
      m.values[r] = row.values;
      while (m.formulas.length <= r) m.formulas.push([]);
      while (m.numberFormats.length <= r) m.numberFormats.push([]);
      m.formulas[r] = row.formulas;
      m.numberFormats[r] = row.formats;
    });
    this._wrote();
    return this.self();
  }
}

function rank(v: CellValue): number {
  if (typeof v === "number" || v instanceof Date) return 0;
  if (typeof v === "string") return 1;
  return 2;
}

export function compareCells(a: CellValue, b: CellValue, ascending: boolean): number {
  if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
  const ra = rank(a);
  const rb = rank(b);
  let d: number;
  if (ra !== rb) d = ra - rb;
  else if (ra === 0) d = Number(a) - Number(b);
  else if (ra === 1) d = String(a).localeCompare(String(b), "fr", { sensitivity: "base" });
  else d = Number(a) - Number(b);
  return ascending ? d : -d;
}
