// The call ledger: every service call counted by service, class and method, Google's time estimated.

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../sandbox/index.js";
import type { WorkbookModel } from "../../sandbox/model.js";
import { newSheetModel } from "../../sandbox/services/grid.js";
import { midnightIn } from "../../sandbox/tz.js";

function ledger(): WorkbookModel {
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

function sandbox(workbook = ledger()) {
  const sb = createSandbox({ scripts: [], workbook, now: "2026-11-26T09:00" });
  const ss = sb.services.SpreadsheetApp.getActiveSpreadsheet();
  return { sb, ss, sheet: ss.getSheetByName("Créances") as GoogleAppsScript.Spreadsheet.Sheet };
}

describe("the call ledger", () => {
  it("counts each call by service, class and method and estimates Google's time", () => {
    const { sb, sheet } = sandbox();
    sb.calls.reset();
    sheet.getRange("A1:D3").getValues();
    sheet.getRange("A1:D3").setValues([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(sb.calls.counts).toEqual({
      "SpreadsheetApp.Range.getValues": 1,
      "SpreadsheetApp.Range.setValues": 1,
      "SpreadsheetApp.Sheet.getRange": 2,
    });
    // 80 ms + 12 cells × 0.01 ms, 100 ms + 12 × 0.02 ms, 2 × 5 ms.
    expect(sb.calls.estimatedGoogleSeconds).toBeCloseTo(0.19, 3);
    const before = sb.clock.nowMs();
    for (let r = 1; r <= 10; r++) sheet.getRange(r, 1).setValue(r);
    expect(sb.calls.counts["SpreadsheetApp.Range.setValue"]).toBe(10);
    expect(sb.clock.nowMs() - before).toBe(10 * (80 + 5));
  });
});
