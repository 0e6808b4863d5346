// A sheet's embedded chart drawn as SVG, the way Sheets draws a column or bar chart from its
// ranges: the first column gives the categories, the header row the series, each further
// column a series; stacked when the chart says isStacked. For the sandbox's local page.

import type { CellValue, ChartModel, SheetModel } from "../model.js";
import { parseA1, resolveA1 } from "../services/a1.js";
import { maxCols, maxRows } from "../services/grid.js";

const PALETTE = ["#4285f4", "#fbbc04", "#fb8c00", "#ea4335", "#8e24aa", "#34a853", "#46bdc6"];

export interface ChartData {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  stacked: boolean;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The table a chart reads: its first range, header row = series names. */
export function chartData(sheet: SheetModel, chart: ChartModel): ChartData | undefined {
  const a1 = chart.ranges[0];
  const parts = a1 === undefined ? undefined : parseA1(a1);
  if (!parts) return undefined;
  const r = resolveA1(parts, maxRows(sheet), maxCols(sheet));
  const cell = (row: number, col: number): CellValue => sheet.values[row - 1]?.[col - 1] ?? "";
  const headers = Math.max(0, chart.numHeaders);
  const series = Array.from({ length: r.cols - 1 }, (_, i) => ({
    name: headers > 0 ? String(cell(r.row, r.col + 1 + i)) : `Série ${i + 1}`,
    values: [] as number[],
  }));
  const categories: string[] = [];
  for (let row = r.row + headers; row < r.row + r.rows; row++) {
    categories.push(String(cell(row, r.col)));
    series.forEach((s, i) => {
      const v = cell(row, r.col + 1 + i);
      s.values.push(typeof v === "number" ? v : 0);
    });
  }
  return {
    title: String(chart.options.title ?? ""),
    categories,
    series,
    stacked: chart.options.isStacked === true || chart.options.isStacked === "true",
  };
}

const euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** Stacked (or grouped) columns, a legend, a value axis in euros. */
export function chartSvg(data: ChartData, width = 640, height = 320): string {
  const left = 70;
  const top = 36;
  const bottom = 70;
  const right = 150;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = data.categories.map((_, i) =>
    data.stacked
      ? data.series.reduce((s, x) => s + Math.max(0, x.values[i] ?? 0), 0)
      : Math.max(0, ...data.series.map((x) => x.values[i] ?? 0)),
  );
  const max = Math.max(1, ...totals);
  const step = niceStep(max / 4);
  const top_ = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / top_) * plotH;
  const band = plotW / Math.max(1, data.categories.length);
  const parts: string[] = [];
  parts.push(
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(data.title)}</text>`,
  );
  for (let v = 0; v <= top_ + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="10">${euros.format(v)} €</text>`,
    );
  }
  data.categories.forEach((category, i) => {
    const x0 = left + i * band + band * 0.15;
    const w = band * 0.7;
    let base = 0;
    data.series.forEach((s, k) => {
      const v = Math.max(0, s.values[i] ?? 0);
      if (v === 0) return;
      const colour = PALETTE[k % PALETTE.length];
      const label = `${category} — ${s.name} : ${euros.format(v)} €`;
      if (data.stacked) {
        parts.push(
          `<rect x="${x0}" y="${y(base + v)}" width="${w}" height="${y(base) - y(base + v)}" fill="${colour}"><title>${escapeXml(label)}</title></rect>`,
        );
        base += v;
      } else {
        const bw = w / data.series.length;
        parts.push(
          `<rect x="${x0 + k * bw}" y="${y(v)}" width="${bw}" height="${y(0) - y(v)}" fill="${colour}"><title>${escapeXml(label)}</title></rect>`,
        );
      }
    });
    const short = category.length > 14 ? `${category.slice(0, 13)}…` : category;
    parts.push(
      `<text x="${x0 + w / 2}" y="${top + plotH + 14}" text-anchor="end" font-size="10" transform="rotate(-30 ${x0 + w / 2} ${top + plotH + 14})">${escapeXml(short)}</text>`,
    );
  });
  data.series.forEach((s, k) => {
    const ly = top + k * 18;
    parts.push(
      `<rect x="${left + plotW + 16}" y="${ly}" width="12" height="12" fill="${PALETTE[k % PALETTE.length]}"/>`,
    );
    parts.push(
      `<text x="${left + plotW + 34}" y="${ly + 10}" font-size="11">${escapeXml(s.name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(data.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif">${parts.join("")}</svg>`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Every chart of a sheet, as SVG. */
export function sheetChartsSvg(sheet: SheetModel): string[] {
  return (sheet.charts ?? []).flatMap((c) => {
    const data = chartData(sheet, c);
    return data ? [chartSvg(data)] : [];
  });
}
