// Reading and writing a SheetModel's grid: values, formulas and number formats share one
// rectangle (formulas and formats may be shorter: missing means '').

import { types } from "node:util";
import type { CellValue, SheetModel } from "../model.js";

/** A fresh sheet of Sheets' default size, 1000 rows × 26 columns. */
export function newSheetModel(name: string, rows = 1000, cols = 26): SheetModel {
  return {
    name,
    values: Array.from({ length: rows }, () => Array.from({ length: cols }, () => "")),
    formulas: [],
    numberFormats: [],
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    dataValidations: [],
    conditionalFormats: [],
    spills: [],
  };
}

export function maxRows(s: SheetModel): number {
  return s.values.length;
}

/** The grid is rectangular (ensureSize keeps it so): its first row gives the width. */
export function maxCols(s: SheetModel): number {
  return s.values[0]?.length ?? 0;
}

/** Grows the grid (Sheets adds rows/columns when a script writes beyond it). */
export function ensureSize(s: SheetModel, rows: number, cols: number): void {
  const last = s.values[rows - 1];
  if (last && last.length >= cols && (s.values[0]?.length ?? 0) >= cols) return;
  let width = cols;
  for (const row of s.values) if (row.length > width) width = row.length;
  for (const row of s.values) while (row.length < width) row.push("");
  while (s.values.length < rows) s.values.push(Array.from({ length: width }, () => ""));
}

/** 0-based cell access. */
export function getValue(s: SheetModel, r: number, c: number): CellValue {
  return s.values[r]?.[c] ?? "";
}

export function getFormula(s: SheetModel, r: number, c: number): string {
  return s.formulas[r]?.[c] ?? "";
}

export function getFormat(s: SheetModel, r: number, c: number): string {
  return s.numberFormats[r]?.[c] ?? "";
}

function setIn<T>(grid: T[][], r: number, c: number, v: T, blank: T): void {
  while (grid.length <= r) grid.push([]);
  const row = grid[r] as T[];
  while (row.length <= c) row.push(blank);
  row[c] = v;
}

export function putValue(s: SheetModel, r: number, c: number, v: CellValue): void {
  const row = s.values[r];
  if (row && c < row.length) row[c] = v;
  else {
    ensureSize(s, r + 1, c + 1);
    (s.values[r] as CellValue[])[c] = v;
  }
}

export function putFormula(s: SheetModel, r: number, c: number, f: string): void {
  if (f === "" && getFormula(s, r, c) === "") return;
  setIn(s.formulas, r, c, f, "");
}

export function putFormat(s: SheetModel, r: number, c: number, f: string): void {
  if (f === "" && getFormat(s, r, c) === "") return;
  setIn(s.numberFormats, r, c, f, "");
}

export function isBlank(s: SheetModel, r: number, c: number): boolean {
  return getValue(s, r, c) === "" && getFormula(s, r, c) === "";
}

/** Last row (1-based) holding a value or a formula; 0 for an empty sheet. */
export function lastRow(s: SheetModel): number {
  for (let r = s.values.length - 1; r >= 0; r--) {
    const row = s.values[r] as CellValue[];
    if (row.some((v) => v !== "")) return r + 1;
    if (s.formulas[r]?.some((f) => f !== "")) return r + 1;
  }
  return 0;
}

export function lastColumn(s: SheetModel): number {
  let n = 0;
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r] as CellValue[];
    for (let c = row.length - 1; c >= n; c--) {
      if (row[c] !== "" || (s.formulas[r]?.[c] ?? "") !== "") {
        n = c + 1;
        break;
      }
    }
  }
  return n;
}

/** A value as a cell stores it: '' for null/undefined, a copy of a Date (of any realm). */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (types.isDate(v)) return new Date((v as Date).getTime());
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** The spill (other than its anchor) that covers a 0-based cell, if any. */
export function spillCovering(s: SheetModel, r: number, c: number) {
  return s.spills.find(
    (sp) =>
      r >= sp.row &&
      r < sp.row + sp.rows &&
      c >= sp.col &&
      c < sp.col + sp.cols &&
      !(r === sp.row && c === sp.col),
  );
}
