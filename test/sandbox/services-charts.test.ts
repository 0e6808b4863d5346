// Embedded charts in the in-memory SpreadsheetApp: built, inserted, updated and removed as
// Sheets does, recorded in the model, drawn as SVG by the sandbox's page.
import { describe, expect, it } from "vitest";
import { chartData, chartSvg, sheetChartsSvg } from "../../sandbox/files/chart-svg";
import { createSandbox } from "../../sandbox/index";

function openWithTable() {
  const sb = createSandbox({ timeZone: "Europe/Paris", now: "2026-11-26T09:00" });
  const ss = sb.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.getRange(1, 1, 3, 3).setValues([
    ["Client", "Non échu", "Plus de 90 j"],
    ["Alpha", 100, 900],
    ["Bêta", 0, 250.5],
  ]);
  return { sb, ss, sheet };
}

describe("embedded charts", () => {
  it("are built with EmbeddedChartBuilder and recorded with their ranges, options and anchor", () => {
    const { sb, sheet } = openWithTable();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange("A1:C3"))
      .setNumHeaders(1)
      .asColumnChart()
      .setStacked()
      .setTitle("Balance âgée")
      .setPosition(2, 5, 10, 0)
      .build();
    expect(sb.workbook.sheets[0]?.charts ?? []).toEqual([]); // not in the sheet before insertChart
    sheet.insertChart(chart);
    expect(sb.workbook.sheets[0]?.charts).toEqual([
      {
        id: 1,
        type: "COLUMN",
        ranges: ["A1:C3"],
        numHeaders: 1,
        transpose: false,
        options: { isStacked: true, title: "Balance âgée" },
        position: { row: 2, column: 5, offsetX: 10, offsetY: 0 },
      },
    ]);
    expect(sb.calls.counts["SpreadsheetApp.Sheet.insertChart"]).toBe(1);
    expect(() => sheet.insertChart(chart)).toThrow("already in the sheet");
  });

  it("are changed through modify() and updateChart, and removed", () => {
    const { sb, sheet } = openWithTable();
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange("A1:C3")).build());
    const [chart] = sheet.getCharts();
    if (!chart) throw new Error("no chart");
    const changed = chart
      .modify()
      .clearRanges()
      .addRange(sheet.getRange("A1:C2"))
      .setOption("title", "Alpha")
      .build();
    expect(sb.workbook.sheets[0]?.charts?.[0]?.ranges).toEqual(["A1:C3"]); // until updateChart
    sheet.updateChart(changed);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0]?.getRanges()[0]?.getA1Notation()).toBe("A1:C2");
    sheet.removeChart(changed);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it("refuse a range of another sheet, as Sheets does", () => {
    const { ss, sheet } = openWithTable();
    const other = ss.insertSheet("Autre");
    expect(() => sheet.newChart().addRange(other.getRange("A1:B2"))).toThrow("same sheet");
  });

  it("are drawn as SVG from the sheet's values: one stacked column per row, one colour per series", () => {
    const { sb, sheet } = openWithTable();
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange("A1:C3"))
        .setNumHeaders(1)
        .asColumnChart()
        .setStacked()
        .setTitle("Balance âgée")
        .build(),
    );
    const model = sb.workbook.sheets[0];
    if (!model?.charts?.[0]) throw new Error("no chart");
    expect(chartData(model, model.charts[0])).toEqual({
      title: "Balance âgée",
      categories: ["Alpha", "Bêta"],
      series: [
        { name: "Non échu", values: [100, 0] },
        { name: "Plus de 90 j", values: [900, 250.5] },
      ],
      stacked: true,
    });
    const [svg] = sheetChartsSvg(model);
    expect(svg).toContain("<svg");
    // Alpha's two segments and Bêta's one (a zero draws nothing), each with its figure.
    expect(svg?.match(/<rect [^>]*><title>/g)).toHaveLength(3);
    expect(svg).toContain("Alpha — Plus de 90 j : 900 €");
    expect(chartSvg({ title: "x", categories: [], series: [], stacked: true })).toContain("<svg");
  });
});
