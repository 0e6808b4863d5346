// « Tableau de bord »: the dashboard's figures written in one setValues (and one
// setNumberFormats), and a stacked-column chart of the ageing balance built with Sheets' own
// EmbeddedChartBuilder — updated in place when it exists, so a user's move or resize stays.

import type { CalendarDate } from "../domain/calendar-date";
import type { LedgerLine } from "../domain/daily-plan";
import { computeDashboard, type Dashboard } from "../domain/dashboard";
import { DASHBOARD_SHEET, type DashboardCell, dashboardTable } from "../domain/dashboard-table";
import type { JournalEntry } from "../domain/journal";
import { ledgerClaims } from "../domain/ledger";
import type { RecoverySettings } from "../domain/settings";
import { readJournal } from "./journal-sheet";
import { readLedger } from "./ledger-sheet";
import { readSettings } from "./settings-sheet";
import { type SheetDates, sheetDates } from "./sheet-dates";
import { activeSpreadsheet } from "./sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DashboardSource {
  lines: readonly LedgerLine[];
  journal: readonly JournalEntry[];
  today: CalendarDate;
  settings: RecoverySettings;
}

/** The figures, from what the shell read in bulk. */
export function dashboardOf(source: DashboardSource): Dashboard {
  return computeDashboard(
    ledgerClaims(source.lines),
    source.journal,
    source.today,
    source.settings.ladder,
  );
}

export function dashboardSheet(): Sheet {
  const ss = activeSpreadsheet();
  return ss.getSheetByName(DASHBOARD_SHEET) ?? ss.insertSheet(DASHBOARD_SHEET);
}

function cellOf(cell: DashboardCell, dates: SheetDates): unknown {
  return typeof cell === "object" ? dates.dateCellOf(cell.date) : cell;
}

/** Rewrites the sheet with the dashboard's figures and refreshes its chart. */
export function writeDashboard(board: Dashboard, dates: SheetDates): void {
  const sheet = dashboardSheet();
  const table = dashboardTable(board);
  const rows = table.values.length;
  const columns = table.values[0]?.length ?? 1;
  // The previous figures may run longer (a debtor paid since): cleared with their formats.
  sheet.clear();
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(table.values.map((r) => r.map((c) => cellOf(c, dates))));
  range.setNumberFormats(table.formats);
  const titles = new Set(table.titleRows);
  range.setFontWeights(
    table.values.map((_, i) => Array(columns).fill(titles.has(i + 1) ? "bold" : "normal")),
  );
  sheet.setColumnWidth(1, 260);

  const data = sheet.getRange(
    table.chart.row,
    table.chart.column,
    table.chart.rows,
    table.chart.columns,
  );
  const existing = sheet.getCharts()[0];
  const chart = (existing ? existing.modify().clearRanges() : sheet.newChart())
    .addRange(data)
    .setNumHeaders(1)
    .asColumnChart()
    .setStacked()
    .setTitle(table.chartTitle)
    .setOption("vAxis.format", "#,##0 €")
    .setPosition(3, columns + 2, 0, 0)
    .build();
  if (existing) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}

/** Reads the ledger, the Journal and « Paramètres » in bulk, writes the sheet; returns the
 * figures (for the menu's message, the digest, the sidebar). */
export function refreshDashboard(): Dashboard {
  const dates = sheetDates(activeSpreadsheet().getSpreadsheetTimeZone());
  const { settings } = readSettings(dates);
  const board = dashboardOf({
    lines: readLedger(dates).lines,
    journal: readJournal(dates),
    today: dates.today(),
    settings,
  });
  writeDashboard(board, dates);
  return board;
}
