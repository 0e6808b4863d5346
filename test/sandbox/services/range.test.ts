// Range as Sheets answers: values, dates, blanks, Google's errors, display values in French.

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../sandbox/index.js";
import { midnightIn } from "../../../sandbox/tz.js";
import { ledger, sandbox } from "../ledger-workbook";

describe("Range values", () => {
  it("returns '' for empty cells, Dates for date cells, numbers as numbers", () => {
    const { sheet } = sandbox();
    const values = sheet.getRange("A2:E3").getValues();
    expect(values[0]).toEqual([
      "F-001",
      "Durand SARL",
      new Date("2026-10-14T22:00:00.000Z"),
      1850,
      "",
    ]);
    expect(values[1]?.[2]).toBeInstanceOf(Date);
    expect(sheet.getRange(4, 1).getValue()).toBe("");
  });

  it("reads open-ended ranges to the sheet's last row and addresses by row/column", () => {
    const { sheet } = sandbox();
    const range = sheet.getRange("A2:D");
    expect(range.getNumRows()).toBe(4);
    expect(range.getA1Notation()).toBe("A2:D5");
    expect(sheet.getRange(2, 2, 2).getValues()).toEqual([["Durand SARL"], ["Martin"]]);
    expect(sheet.getRange(1, 1, 1, 2).getA1Notation()).toBe("A1:B1");
  });

  it("refuses data of the wrong shape with Google's messages", () => {
    const { sheet } = sandbox();
    expect(() =>
      sheet.getRange("A1:B3").setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
    );
    expect(() => sheet.getRange("A1:D1").setValues([[1, 2, 3, 4, 5]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.",
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      "The number of rows in the range must be at least 1.",
    );
  });

  it("stores Dates as Dates, grows the grid when written beyond it, and counts the last row", () => {
    const { sheet } = sandbox();
    const when = new Date("2026-11-26T08:15:00.000Z");
    sheet.getRange(9, 6, 1, 2).setValues([[when, true]]);
    expect(sheet.getMaxRows()).toBe(9);
    expect(sheet.getMaxColumns()).toBe(7);
    const back = sheet.getRange("F9:G9").getValues()[0] ?? [];
    expect(back[0]).toEqual(when);
    expect(back[0]).not.toBe(when);
    expect(back[1]).toBe(true);
    expect(sheet.getLastRow()).toBe(9);
    expect(sheet.getLastColumn()).toBe(7);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:G9");
  });

  it("refuses ranges past the sheet's size when strictGrid is on, as Google does", () => {
    const sb = createSandbox({ scripts: [], workbook: ledger(), strictGrid: true });
    const sheet = sb.services.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(6, 1).setValue("x")).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange("A1:E1")).toThrow("outside the dimensions of the sheet");
    sheet.appendRow(["F-003"]);
    sheet.appendRow(["F-004"]);
    sheet.appendRow(["F-005"]);
    expect(sheet.getMaxRows()).toBe(6);
    expect(sheet.getRange(6, 1).getValue()).toBe("F-005");
  });

  it("parses typed strings as Sheets does in French, unless the cell is plain text", () => {
    const { sheet } = sandbox();
    sheet.getRange("A4:E4").setValues([["0042", "1 850,50", "26/11/2026", "VRAI", "F-003"]]);
    expect(sheet.getRange("A4:E4").getValues()[0]).toEqual([
      42,
      1850.5,
      midnightIn("2026-11-26", "Europe/Paris"),
      true,
      "F-003",
    ]);
    sheet.getRange("A5").setNumberFormat("@").setValue("0042");
    expect(sheet.getRange("A5").getValue()).toBe("0042");
    // A leading apostrophe forces text and is not part of the value.
    sheet.getRange("A6:C6").setValues([['\'=HYPERLINK("x")', "'0042", "'+33"]]);
    expect(sheet.getRange("A6:C6").getValues()[0]).toEqual(['=HYPERLINK("x")', "0042", "+33"]);
    expect(sheet.getRange("A6").getFormula()).toBe("");
  });

  it("shows display values with the number format, the French locale and the sheet's zone", () => {
    const { sheet } = sandbox();
    expect(sheet.getRange("C2:D3").getDisplayValues()).toEqual([
      ["15/10/2026", "1 850,00 €"],
      ["02/11/2026", "420,50 €"],
    ]);
    sheet.getRange("E2:E3").setValues([[0.125], [new Date("2026-11-26T08:15:00Z")]]);
    sheet.getRange("E2").setNumberFormat("0.0%");
    expect(sheet.getRange("E2:E3").getDisplayValues()).toEqual([
      ["12,5%"],
      ["26/11/2026 09:15:00"],
    ]);
    expect(sheet.getRange("E2").getNumberFormat()).toBe("0.0%");
    expect(sheet.getRange("B2").getNumberFormat()).toBe("0.###############");
  });

  it("keeps formulas in the locale's syntax and returns them in English", () => {
    const { sb, sheet } = sandbox();
    sheet.getRange("F2").setFormula("=ROUND(D2*1.5, 2)");
    expect(sb.workbook.sheets[0]?.formulas[1]?.[5]).toBe("=ROUND(D2*1,5; 2)");
    expect(sheet.getRange("F2").getFormula()).toBe("=ROUND(D2*1.5, 2)");
    sheet.getRange("F2").setValue(3);
    expect(sheet.getRange("F2").getFormula()).toBe("");
  });

  it("reads and writes notes in bulk, '' where none, with Google's errors for a wrong shape", () => {
    const { sheet } = sandbox();
    sheet.getRange("B3").setNote("Client à rappeler");
    expect(sheet.getRange("A2:B3").getNotes()).toEqual([
      ["", ""],
      ["", "Client à rappeler"],
    ]);
    sheet.getRange("C2:C4").setNotes([["Première"], [null], ["Troisième"]]);
    expect(sheet.getRange("B2:C4").getNotes()).toEqual([
      ["", "Première"],
      ["Client à rappeler", ""],
      ["", "Troisième"],
    ]);
    sheet.getRange("C2:C4").setNotes([[""], [null], ["Troisième"]]);
    expect(sheet.getRange("C2").getNote()).toBe("");
    expect(() => sheet.getRange("C2:C4").setNotes([["a"], ["b"]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
    );
    expect(() =>
      sheet.getRange("C2:C3").setNotes([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 1.",
    );
    expect(sheet.getRange("B3").getNote()).toBe("Client à rappeler");
  });

  it("clears content but keeps formats", () => {
    const { sheet } = sandbox();
    sheet.getRange("C2:D2").clearContent();
    expect(sheet.getRange("C2:D2").getValues()).toEqual([["", ""]]);
    expect(sheet.getRange("D2").getNumberFormat()).toBe("#,##0.00 [$€-40C]");
  });
});
