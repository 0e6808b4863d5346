// The dashboard's headline figures for `npm start`, read from the « Tableau de bord » sheet
// the morning run just refreshed (the bundle computed them: the sandbox only reads cells).
import { countOf } from "../src/domain/text.js";
import type { CellValue, WorkbookModel } from "./model.js";

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

function cell(rows: CellValue[][], label: string, column = 1): CellValue | undefined {
  return rows.find((r) => r[0] === label)?.[column];
}

function money(v: CellValue | undefined): string {
  return typeof v === "number" ? euros.format(v) : "—";
}

function days(v: CellValue | undefined): string {
  return typeof v === "number" ? `${String(v).replace(".", ",")} j` : "—";
}

function counted(v: CellValue | undefined, singular: string, plural?: string): string {
  // The domain's plural, with the plain spaces of a terminal.
  return typeof v === "number"
    ? countOf(v, singular, plural).replace(/\u00a0/g, " ")
    : `— ${singular}`;
}

/** Lines to print, or none when the workbook has no dashboard. */
export function dashboardHeadlines(workbook: WorkbookModel): string[] {
  const rows = workbook.sheets.find((s) => s.name === "Tableau de bord")?.values;
  if (!rows || cell(rows, "Encours") === undefined) return [];
  const lines = [
    `${rows[0]?.[0] ?? "Tableau de bord"} :`,
    `  Encours ${money(cell(rows, "Encours"))}, dont échu ${money(cell(rows, "Dont échu"))} — ${counted(cell(rows, "Factures ouvertes"), "facture ouverte", "factures ouvertes")}, ${counted(cell(rows, "Clients débiteurs"), "client")}.`,
    `  DSO ${days(cell(rows, "DSO (90 jours)"))} (il y a 30 jours : ${days(cell(rows, "DSO il y a 30 jours"))}, il y a 60 jours : ${days(cell(rows, "DSO il y a 60 jours"))}).`,
    `  Encaissé ce mois-ci ${money(cell(rows, "Encaissé ce mois-ci"))}, le mois dernier ${money(cell(rows, "Encaissé le mois dernier"))}.`,
  ];
  const top = rows.findIndex((r) => typeof r[0] === "string" && /plus gros retards$/.test(r[0]));
  const first = top >= 0 ? rows[top + 1] : undefined;
  if (first && typeof first[1] === "number")
    lines.push(`  Plus gros retard : ${first[0]}, ${money(first[1])} échus — ${first[3]}.`);
  return lines;
}
