// Embedded charts: Sheet.newChart() → EmbeddedChartBuilder (asColumnChart, addRange,
// setOption…) → build() → Sheet.insertChart / updateChart / removeChart. Recorded
// faithfully in the sheet's model (type, ranges, options, anchor), drawn by the sandbox's
// page as SVG; nothing here renders.
// developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder

import type { ChartModel } from "../model.js";
import { GAS } from "./runtime.js";

type RangeT = GoogleAppsScript.Spreadsheet.Range;
type BuilderT = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type ColumnBuilderT = GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
type BarBuilderT = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
type ChartT = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** What a Range argument gives the chart: its A1 notation on its sheet. */
interface RangeLike {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

/** Charts.ChartType, as the names the model records. */
export const ChartType = {
  AREA: "AREA",
  BAR: "BAR",
  COLUMN: "COLUMN",
  COMBO: "COMBO",
  LINE: "LINE",
  PIE: "PIE",
  SCATTER: "SCATTER",
  TABLE: "TABLE",
} as const;

type BuilderMethods =
  | "addRange"
  | "asBarChart"
  | "asColumnChart"
  | "build"
  | "clearRanges"
  | "getChartType"
  | "getRanges"
  | "removeRange"
  | "setChartType"
  | "setNumHeaders"
  | "setOption"
  | "setPosition"
  | "setTransposeRowsAndColumns";

export interface ChartHost {
  /** The sheet's name, to refuse a range of another sheet as Sheets does. */
  sheetName(): string;
  rangeOf(a1: string): RangeT;
  nextChartId(): number;
}

/** The state a builder edits: a copy of the chart's model until build(). */
type Draft = Omit<ChartModel, "id"> & { id?: number };

export class EmbeddedChartBuilder implements Pick<BuilderT, BuilderMethods> {
  readonly [GAS]: string = "SpreadsheetApp.EmbeddedChartBuilder";
  constructor(
    protected readonly host: ChartHost,
    protected readonly draft: Draft,
  ) {}

  protected asBuilder(): BuilderT {
    return this as unknown as BuilderT;
  }
  addRange(range: RangeT): BuilderT {
    const r = range as unknown as RangeLike;
    if (r.getSheet().getName() !== this.host.sheetName())
      throw new Error("The range must be on the same sheet as the chart.");
    this.draft.ranges.push(r.getA1Notation());
    return this.asBuilder();
  }
  removeRange(range: RangeT): BuilderT {
    const a1 = (range as unknown as RangeLike).getA1Notation();
    this.draft.ranges = this.draft.ranges.filter((x) => x !== a1);
    return this.asBuilder();
  }
  clearRanges(): BuilderT {
    this.draft.ranges = [];
    return this.asBuilder();
  }
  getRanges(): RangeT[] {
    return this.draft.ranges.map((a1) => this.host.rangeOf(a1));
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.draft.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): BuilderT {
    this.draft.type = String(type);
    return this.asBuilder();
  }
  asColumnChart(): ColumnBuilderT {
    this.draft.type = ChartType.COLUMN;
    return new EmbeddedColumnChartBuilder(this.host, this.draft) as unknown as ColumnBuilderT;
  }
  asBarChart(): BarBuilderT {
    this.draft.type = ChartType.BAR;
    return new EmbeddedColumnChartBuilder(this.host, this.draft, "Bar") as unknown as BarBuilderT;
  }
  setNumHeaders(headers: number): BuilderT {
    this.draft.numHeaders = headers;
    return this.asBuilder();
  }
  setTransposeRowsAndColumns(transpose: boolean): BuilderT {
    this.draft.transpose = transpose;
    return this.asBuilder();
  }
  setOption(option: string, value: unknown): BuilderT {
    this.draft.options[option] = value;
    return this.asBuilder();
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): BuilderT {
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error("Invalid argument: anchorRowPos");
    this.draft.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.asBuilder();
  }
  build(): ChartT {
    return new EmbeddedChart(this.host, {
      ...structuredClone(this.draft),
      id: this.draft.id ?? this.host.nextChartId(),
    }) as unknown as ChartT;
  }
}

/** The typed setters of the column and bar builders that Recouvra uses. */
export class EmbeddedColumnChartBuilder
  extends EmbeddedChartBuilder
  implements Pick<ColumnBuilderT, "setStacked" | "setTitle">
{
  override readonly [GAS]: string;
  constructor(host: ChartHost, draft: Draft, kind: "Column" | "Bar" = "Column") {
    super(host, draft);
    this[GAS] = `SpreadsheetApp.Embedded${kind}ChartBuilder`;
  }
  setStacked(): ColumnBuilderT {
    this.draft.options.isStacked = true;
    return this as unknown as ColumnBuilderT;
  }
  setTitle(chartTitle: string): ColumnBuilderT {
    this.draft.options.title = chartTitle;
    return this as unknown as ColumnBuilderT;
  }
}

export class EmbeddedChart
  implements
    Pick<
      ChartT,
      "getChartId" | "getNumHeaders" | "getRanges" | "modify" | "getTransposeRowsAndColumns"
    >
{
  readonly [GAS] = "SpreadsheetApp.EmbeddedChart";
  constructor(
    private readonly host: ChartHost,
    readonly _model: ChartModel,
  ) {}
  getChartId(): number {
    return this._model.id;
  }
  getNumHeaders(): number {
    return this._model.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._model.transpose;
  }
  getRanges(): RangeT[] {
    return this._model.ranges.map((a1) => this.host.rangeOf(a1));
  }
  /** Options as a plain object (Charts.ChartOptions has only get(option)). */
  _options(): Record<string, unknown> {
    return { ...this._model.options };
  }
  modify(): BuilderT {
    return new EmbeddedChartBuilder(this.host, structuredClone(this._model)) as unknown as BuilderT;
  }
}

export function newDraft(): Draft {
  return {
    type: ChartType.COLUMN,
    ranges: [],
    numHeaders: -1,
    transpose: false,
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
  };
}
