// « Tableau de bord » as a sheet: every figure of the dashboard in one rectangle of cells
// (written with one setValues), its number formats, and where the chart takes its data.
import { type CalendarDate, formatFrenchDate } from "./calendar-date";
import { AGEING_BUCKETS, type Dashboard, type DsoPoint } from "./dashboard";

export const DASHBOARD_SHEET = "Tableau de bord";
export const DASHBOARD_COLUMNS = 7;
export const EURO_FORMAT = '#,##0.00 "€"';
export const DAYS_FORMAT = '0.0 "j"';
export const DATE_FORMAT = "dd/mm/yyyy";
/** How many debtors the chart shows: the largest balances (the table lists them all). */
export const CHART_DEBTORS = 10;

/** A cell of the table: text, a number, or a calendar date (the shell makes it a date cell). */
export type DashboardCell = string | number | { date: CalendarDate };

export interface DashboardTable {
  values: DashboardCell[][];
  formats: string[][];
  /** 1-based rows of the section titles, set in bold. */
  titleRows: number[];
  /** The chart's data: the ageing table's header and its first debtors, columns A to F. */
  chart: { row: number; column: number; rows: number; columns: number };
  chartTitle: string;
}

function dsoText(p: DsoPoint): string | number {
  return p.days === undefined ? "—" : p.days;
}

export function dashboardTable(board: Dashboard): DashboardTable {
  const values: DashboardCell[][] = [];
  const formats: string[][] = [];
  const titleRows: number[] = [];
  const row = (cells: DashboardCell[], cellFormats: string[] = []) => {
    values.push(
      Array.from({ length: DASHBOARD_COLUMNS }, (_, i) =>
        i < cells.length ? (cells[i] as DashboardCell) : "",
      ),
    );
    formats.push(Array.from({ length: DASHBOARD_COLUMNS }, (_, i) => cellFormats[i] ?? ""));
  };
  const title = (cells: DashboardCell[]) => {
    row(cells);
    titleRows.push(values.length);
  };
  const euro = (label: string, amount: number, note = "") =>
    row([label, amount, note], ["", EURO_FORMAT]);

  title([`Tableau de bord au ${formatFrenchDate(board.today)}`]);
  row([]);
  title(["Indicateur", "Valeur", "Détail"]);
  euro(
    "Encours",
    board.outstanding,
    `${board.openInvoices} facture${board.openInvoices > 1 ? "s" : ""} ouverte${board.openInvoices > 1 ? "s" : ""}, ${board.debtors} client${board.debtors > 1 ? "s" : ""}`,
  );
  euro("Dont échu", board.pastDue);
  row(["Factures ouvertes", board.openInvoices]);
  row(["Clients débiteurs", board.debtors]);
  const dso = (label: string, p: DsoPoint) =>
    row([label, dsoText(p), `au ${formatFrenchDate(p.date)}`], ["", DAYS_FORMAT]);
  dso("DSO (90 jours)", board.dso.today);
  dso("DSO il y a 30 jours", board.dso.days30Ago);
  dso("DSO il y a 60 jours", board.dso.days60Ago);
  euro("Encaissé ce mois-ci", board.recovered.thisMonth);
  euro("Encaissé le mois dernier", board.recovered.lastMonth);
  row([]);

  title(["Montant par statut", "Montant", "Factures"]);
  for (const s of board.byStatus) row([s.status, s.amount, s.invoices], ["", EURO_FORMAT]);
  row([]);

  const bucketFormats = ["", ...AGEING_BUCKETS.map(() => EURO_FORMAT), EURO_FORMAT];
  title(["Balance âgée", ...AGEING_BUCKETS, "Total"]);
  const ageingHeader = values.length;
  for (const d of board.ageing) row([d.client, ...d.ageing, d.outstanding], bucketFormats);
  title(["Total", ...board.ageingTotal, board.outstanding]);
  formats[formats.length - 1] = bucketFormats;
  row([]);

  title([
    `Les ${board.topPastDue.length} plus gros retards`,
    "Échu",
    "Encours",
    "Prochaine étape",
    "Date",
  ]);
  for (const t of board.topPastDue)
    row(
      [
        t.client,
        t.pastDue,
        t.outstanding,
        t.nextStep,
        t.nextStepDate === "" ? "" : { date: t.nextStepDate as CalendarDate },
      ],
      ["", EURO_FORMAT, EURO_FORMAT, "", t.nextStepDate === "" ? "" : DATE_FORMAT],
    );
  if (board.topPastDue.length === 0) row(["Aucun retard."]);

  return {
    values,
    formats,
    titleRows,
    chart: {
      row: ageingHeader,
      column: 1,
      rows: 1 + Math.min(CHART_DEBTORS, board.ageing.length),
      columns: 1 + AGEING_BUCKETS.length,
    },
    chartTitle: "Balance âgée des plus gros encours",
  };
}
