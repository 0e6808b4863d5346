// Data validation and conditional-format rules: recorded faithfully, never enforced or
// rendered (the file layer writes them to .xlsx).

import type { ConditionalFormatModel, DataValidationModel } from "../model.js";
import { GAS } from "./runtime.js";

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type CFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type CFBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** SpreadsheetApp.DataValidationCriteria, as strings (enough to compare and record). */
export const DataValidationCriteria = {
  VALUE_IN_LIST: "VALUE_IN_LIST",
  VALUE_IN_RANGE: "VALUE_IN_RANGE",
  CHECKBOX: "CHECKBOX",
  DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
} as const;

/** SpreadsheetApp.BooleanCriteria (the conditions this sandbox records). */
export const BooleanCriteria = {
  TEXT_EQUAL_TO: "TEXT_EQUAL_TO",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
  CELL_EMPTY: "CELL_EMPTY",
  CELL_NOT_EMPTY: "CELL_NOT_EMPTY",
  NUMBER_GREATER_THAN: "NUMBER_GREATER_THAN",
} as const;

type Kind = DataValidationModel["kind"];

interface DvState {
  kind?: Kind;
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText?: string;
}

function asGas<T>(x: object): T {
  return x as unknown as T;
}

export class DataValidation
  implements Pick<DV, "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText">
{
  readonly [GAS] = "SpreadsheetApp.DataValidation";
  constructor(readonly _state: DvState) {}
  getAllowInvalid(): boolean {
    return this._state.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._state.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._state.values];
  }
  getHelpText(): string {
    return this._state.helpText ?? "";
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this._state, values: [...this._state.values] });
  }
  /** The model record for a range. */
  _model(a1: string): DataValidationModel {
    const m: DataValidationModel = {
      a1,
      kind: this._state.kind ?? "list",
      allowInvalid: this._state.allowInvalid,
    };
    if (this._state.kind === "list") m.values = this._state.values.map(String);
    if (this._state.helpText !== undefined) m.helpText = this._state.helpText;
    return m;
  }
}

export class DataValidationBuilder
  implements
    Pick<
      DVBuilder,
      | "build"
      | "requireValueInList"
      | "requireCheckbox"
      | "requireDate"
      | "requireNumberGreaterThanOrEqualTo"
      | "requireNumberBetween"
      | "setAllowInvalid"
      | "setHelpText"
      | "getAllowInvalid"
      | "getHelpText"
      | "getCriteriaValues"
    >
{
  readonly [GAS] = "SpreadsheetApp.DataValidationBuilder";
  constructor(private readonly s: DvState = { criteria: "", values: [], allowInvalid: true }) {}
  private self(): DVBuilder {
    return asGas<DVBuilder>(this);
  }
  build(): DV {
    if (!this.s.kind)
      throw new Error("You must specify a criteria type for the data validation rule.");
    return asGas<DV>(new DataValidation({ ...this.s, values: [...this.s.values] }));
  }
  requireValueInList(values: string[], _showDropdown?: boolean): DVBuilder {
    Object.assign(this.s, {
      kind: "list",
      criteria: DataValidationCriteria.VALUE_IN_LIST,
      values: [...values],
    });
    return this.self();
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DVBuilder {
    const values =
      checkedValue === undefined
        ? []
        : [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    Object.assign(this.s, { kind: "checkbox", criteria: DataValidationCriteria.CHECKBOX, values });
    return this.self();
  }
  requireDate(): DVBuilder {
    Object.assign(this.s, {
      kind: "date",
      criteria: DataValidationCriteria.DATE_IS_VALID_DATE,
      values: [],
    });
    return this.self();
  }
  requireNumberGreaterThanOrEqualTo(n: number): DVBuilder {
    Object.assign(this.s, {
      kind: "number",
      criteria: DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO,
      values: [n],
    });
    return this.self();
  }
  requireNumberBetween(start: number, end: number): DVBuilder {
    Object.assign(this.s, {
      kind: "number",
      criteria: DataValidationCriteria.NUMBER_BETWEEN,
      values: [start, end],
    });
    return this.self();
  }
  setAllowInvalid(allow: boolean): DVBuilder {
    this.s.allowInvalid = allow;
    return this.self();
  }
  setHelpText(text: string): DVBuilder {
    this.s.helpText = text;
    return this.self();
  }
  getAllowInvalid(): boolean {
    return this.s.allowInvalid;
  }
  getHelpText(): string | null {
    return this.s.helpText ?? null;
  }
  getCriteriaValues(): unknown[] {
    return [...this.s.values];
  }
}

/** A range as a rule refers to it: its sheet-qualified A1 notation. */
export interface RangeRef {
  _a1(): string;
}

interface CfState {
  ranges: RangeRef[];
  condition?: { kind: string; value?: string };
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

export class ConditionalFormatRule implements Pick<CFRule, "getRanges" | "copy"> {
  readonly [GAS] = "SpreadsheetApp.ConditionalFormatRule";
  constructor(
    readonly _state: CfState,
    private readonly resolve: (a1: string) => GoogleAppsScript.Spreadsheet.Range,
    private readonly stored?: ConditionalFormatModel,
  ) {}
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    if (this.stored) return this.stored.ranges.map((a1) => this.resolve(a1));
    return this._state.ranges.map((r) => asGas<GoogleAppsScript.Spreadsheet.Range>(r));
  }
  copy(): CFBuilder {
    return asGas<CFBuilder>(new ConditionalFormatRuleBuilder(this.resolve, { ...this._state }));
  }
  _model(): ConditionalFormatModel {
    if (this.stored) return this.stored;
    const m: ConditionalFormatModel = {
      ranges: this._state.ranges.map((r) => r._a1()),
      condition: this._state.condition ?? { kind: "always" },
    };
    if (this._state.background !== undefined) m.background = this._state.background;
    if (this._state.fontColor !== undefined) m.fontColor = this._state.fontColor;
    if (this._state.bold !== undefined) m.bold = this._state.bold;
    return m;
  }
  /** A rule read back from the model (Sheet.getConditionalFormatRules). */
  static _fromModel(
    m: ConditionalFormatModel,
    resolve: (a1: string) => GoogleAppsScript.Spreadsheet.Range,
  ) {
    const state: CfState = { ranges: [], condition: m.condition };
    if (m.background !== undefined) state.background = m.background;
    if (m.fontColor !== undefined) state.fontColor = m.fontColor;
    if (m.bold !== undefined) state.bold = m.bold;
    return new ConditionalFormatRule(state, resolve, m);
  }
}

export class ConditionalFormatRuleBuilder
  implements
    Pick<
      CFBuilder,
      | "build"
      | "whenTextEqualTo"
      | "whenTextStartsWith"
      | "whenFormulaSatisfied"
      | "whenCellEmpty"
      | "whenCellNotEmpty"
      | "whenNumberGreaterThan"
      | "setBackground"
      | "setFontColor"
      | "setBold"
      | "setRanges"
    >
{
  readonly [GAS] = "SpreadsheetApp.ConditionalFormatRuleBuilder";
  constructor(
    private readonly resolve: (a1: string) => GoogleAppsScript.Spreadsheet.Range,
    private readonly s: CfState = { ranges: [] },
  ) {}
  private self(): CFBuilder {
    return asGas<CFBuilder>(this);
  }
  build(): CFRule {
    if (!this.s.condition) throw new Error("Conditional format rule must have a condition.");
    return asGas<CFRule>(
      new ConditionalFormatRule({ ...this.s, ranges: [...this.s.ranges] }, this.resolve),
    );
  }
  whenTextEqualTo(text: string): CFBuilder {
    this.s.condition = { kind: "textEqualTo", value: text };
    return this.self();
  }
  whenTextStartsWith(text: string): CFBuilder {
    this.s.condition = { kind: "textStartsWith", value: text };
    return this.self();
  }
  whenFormulaSatisfied(formula: string): CFBuilder {
    this.s.condition = { kind: "customFormula", value: formula };
    return this.self();
  }
  whenCellEmpty(): CFBuilder {
    this.s.condition = { kind: "cellEmpty" };
    return this.self();
  }
  whenCellNotEmpty(): CFBuilder {
    this.s.condition = { kind: "cellNotEmpty" };
    return this.self();
  }
  whenNumberGreaterThan(n: number): CFBuilder {
    this.s.condition = { kind: "numberGreaterThan", value: String(n) };
    return this.self();
  }
  setBackground(color: string | null): CFBuilder {
    if (color === null) delete this.s.background;
    else this.s.background = color;
    return this.self();
  }
  setFontColor(color: string | null): CFBuilder {
    if (color === null) delete this.s.fontColor;
    else this.s.fontColor = color;
    return this.self();
  }
  setBold(bold: boolean | null): CFBuilder {
    if (bold === null) delete this.s.bold;
    else this.s.bold = bold;
    return this.self();
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): CFBuilder {
    this.s.ranges = ranges.map((r) => r as unknown as RangeRef);
    return this.self();
  }
}
