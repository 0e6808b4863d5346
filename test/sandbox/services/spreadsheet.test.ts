// Spreadsheet structure as Sheets answers: rows, sheets, sort, named ranges, rules recorded
// for the file layer.

import { describe, expect, it } from "vitest";
import { sandbox } from "../ledger-workbook";

describe("Sheets and structure", () => {
  it("appends rows after the last one and inserts/deletes rows", () => {
    const { sheet } = sandbox();
    sheet.appendRow(["F-003", "Petit", "", 99]);
    expect(sheet.getLastRow()).toBe(4);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange("A4").getValue()).toBe("F-001");
    expect(sheet.getRange("A2:A3").getValues()).toEqual([[""], [""]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange("A2:A4").getValues()).toEqual([["F-001"], ["F-002"], ["F-003"]]);
    expect(() => sheet.deleteRows(1, 99)).toThrow("Those rows are out of bounds.");
  });

  it("sorts below the frozen rows, blanks last", () => {
    const { sheet } = sandbox();
    sheet.setFrozenRows(1);
    sheet.appendRow(["F-000", "Albert", "", 10]);
    sheet.sort(4, false);
    expect(sheet.getRange("A1:A4").getValues().flat()).toEqual([
      "N° facture",
      "F-001",
      "F-002",
      "F-000",
    ]);
    sheet.sort(2);
    expect(sheet.getRange("B2:B4").getValues().flat()).toEqual(["Albert", "Durand SARL", "Martin"]);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it("inserts, renames, hides and deletes sheets with Google's rules", () => {
    const { ss } = sandbox();
    const journal = ss.insertSheet("Journal");
    expect(journal.getMaxRows()).toBe(1000);
    expect(journal.getMaxColumns()).toBe(26);
    expect(journal.getIndex()).toBe(2);
    expect(() => ss.insertSheet("journal")).toThrow(
      'A sheet with the name "journal" already exists. Please enter another name.',
    );
    const params = ss.insertSheet("Paramètres", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Paramètres", "Créances", "Journal"]);
    params.hideSheet();
    expect(params.isSheetHidden()).toBe(true);
    journal.setName("Historique");
    expect(ss.getSheetByName("Journal")).toBeNull();
    ss.deleteSheet(ss.getSheetByName("Historique") as GoogleAppsScript.Spreadsheet.Sheet);
    expect(ss.getNumSheets()).toBe(2);
    expect(ss.getRange("'Créances'!B3").getValue()).toBe("Martin");
  });

  it("keeps named ranges, the time zone, the locale and toasts", () => {
    const { sb, ss, sheet } = sandbox();
    ss.setNamedRange("Montants", sheet.getRange("D2:D3"));
    expect(ss.getRangeByName("Montants")?.getValues()).toEqual([[1850], [420.5]]);
    expect(ss.getRangeByName("Inconnu")).toBeNull();
    expect(ss.getSpreadsheetTimeZone()).toBe("Europe/Paris");
    expect(ss.getSpreadsheetLocale()).toBe("fr_FR");
    ss.setSpreadsheetTimeZone("Pacific/Noumea");
    expect(sb.workbook.timeZone).toBe("Pacific/Noumea");
    expect(() => ss.setSpreadsheetTimeZone("Mars/Olympus")).toThrow();
    ss.toast("3 relances envoyées", "Recouvra");
    expect(sb.ui.toasts).toEqual([
      { message: "3 relances envoyées", title: "Recouvra", timeoutSeconds: 5 },
    ]);
    expect(ss.getUrl()).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/1[\w-]{43}\/edit$/);
  });

  it("records data validation and conditional-format rules in the model", () => {
    const { sb, sheet } = sandbox();
    const app = sb.services.SpreadsheetApp;
    sheet
      .getRange("E2:E1000")
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(["Standard", "Fidèle", "En difficulté", "Récalcitrant"], true)
          .setAllowInvalid(false)
          .setHelpText("Profil du débiteur")
          .build(),
      );
    sheet.getRange("F2:F1000").setDataValidation(app.newDataValidation().requireCheckbox().build());
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo("Litige")
      .setBackground("#f4cccc")
      .setBold(true)
      .setRanges([sheet.getRange("G2:G1000")])
      .build();
    const rules = sheet.getConditionalFormatRules();
    rules.push(rule);
    sheet.setConditionalFormatRules(rules);
    const model = sb.workbook.sheets[0];
    expect(model?.dataValidations).toEqual([
      {
        a1: "E2:E1000",
        kind: "list",
        values: ["Standard", "Fidèle", "En difficulté", "Récalcitrant"],
        allowInvalid: false,
        helpText: "Profil du débiteur",
      },
      { a1: "F2:F1000", kind: "checkbox", allowInvalid: true },
    ]);
    expect(model?.conditionalFormats).toEqual([
      {
        ranges: ["'Créances'!G2:G1000"],
        condition: { kind: "textEqualTo", value: "Litige" },
        background: "#f4cccc",
        bold: true,
      },
    ]);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe("G2:G1000");
    expect(() => app.newDataValidation().build()).toThrow();
  });
});
