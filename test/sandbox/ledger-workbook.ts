// A small « Créances » workbook and a sandbox over it, for the spreadsheet services' tests.
import { createSandbox } from "../../sandbox/index.js";
import type { WorkbookModel } from "../../sandbox/model.js";
import { newSheetModel } from "../../sandbox/services/grid.js";
import { midnightIn } from "../../sandbox/tz.js";

export function ledger(): WorkbookModel {
  const sheet = newSheetModel("Créances", 5, 4);
  sheet.values[0] = ["N° facture", "Client", "Échéance", "Montant TTC"];
  sheet.values[1] = ["F-001", "Durand SARL", midnightIn("2026-10-15", "Europe/Paris"), 1850];
  sheet.values[2] = ["F-002", "Martin", midnightIn("2026-11-02", "Europe/Paris"), 420.5];
  sheet.numberFormats[1] = ["", "", "dd/mm/yyyy", "#,##0.00 [$€-40C]"];
  sheet.numberFormats[2] = ["", "", "dd/mm/yyyy", "#,##0.00 [$€-40C]"];
  return {
    name: "Suivi",
    timeZone: "Europe/Paris",
    locale: "fr_FR",
    sheets: [sheet],
    namedRanges: [],
  };
}

export function sandbox(workbook = ledger()) {
  const sb = createSandbox({ scripts: [], workbook, now: "2026-11-26T09:00" });
  const ss = sb.services.SpreadsheetApp.getActiveSpreadsheet();
  return { sb, ss, sheet: ss.getSheetByName("Créances") as GoogleAppsScript.Spreadsheet.Sheet };
}
