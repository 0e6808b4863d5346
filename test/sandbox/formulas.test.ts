// Custom-function formulas evaluated as Sheets does: arguments, TODAY(), the calling
// cell, spills, #REF!/#ERROR!/#NAME?, and when Sheets recalculates.

import { describe, expect, it } from "vitest";
import { parseFormula, toEnglishFormula, toStoredFormula } from "../../sandbox/formulas.js";
import { createSandbox } from "../../sandbox/index.js";
import type { WorkbookModel } from "../../sandbox/model.js";
import { newSheetModel } from "../../sandbox/services/grid.js";
import { midnightIn } from "../../sandbox/tz.js";

// A bundle shaped like Recouvra's: an IIFE and stubs; NEXT_RELANCE returns 2 columns per row.
const code = `
var Recouvra = (() => {
  var calls = 0;
  function NEXT_RELANCE(rows, headers, today) {
    calls++;
    if (rows === undefined) {
      var cell = SpreadsheetApp.getActiveRange();
      var sheet = cell.getSheet();
      rows = sheet.getRange(cell.getRow(), 1, 1, 2).getValues();
    }
    if (!Array.isArray(rows)) rows = [[rows]];
    var day = today instanceof Date ? today : new Date();
    return rows.map(function (r) {
      if (r[0] === "") return ["", ""];
      if (r[0] === "BOOM") throw new Error("Erreur : ligne invalide");
      var next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 7);
      return ["Relance de courtoisie", next];
    });
  }
  function ECHO(x) { return x; }
  function KIND(x) { return Array.isArray(x) ? "array " + x.length + "x" + x[0].length : typeof x + ":" + (x instanceof Date ? x.toISOString() : x); }
  function CALLS() { return calls; }
  function WRITER() { SpreadsheetApp.getActiveSheet().getRange("Z1").setValue(1); return 1; }
  return { NEXT_RELANCE: NEXT_RELANCE, ECHO: ECHO, KIND: KIND, CALLS: CALLS, WRITER: WRITER };
})();
function NEXT_RELANCE(rows, headers, today) { return Recouvra.NEXT_RELANCE(rows, headers, today); }
function ECHO(x) { return Recouvra.ECHO(x); }
function KIND(x) { return Recouvra.KIND(x); }
function CALLS() { return Recouvra.CALLS(); }
function WRITER() { return Recouvra.WRITER(); }
function helper_() { return 1; }
var ticks = 0;
function TICK() { ticks++; return ticks; }
function addInvoice(id) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances").appendRow([id, "Client"]); }
function readStatus() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances").getRange("C2:D4").getValues(); }
function addAndRead(id) { addInvoice(id); return readStatus(); }
`;

function workbook(): WorkbookModel {
  const sheet = newSheetModel("Créances", 4, 4);
  sheet.values[0] = ["N° facture", "Client", "Prochaine étape", "Date"];
  sheet.values[1] = ["F-001", "Durand", "", ""];
  sheet.values[2] = ["F-002", "Martin", "", ""];
  return {
    name: "Suivi",
    timeZone: "Europe/Paris",
    locale: "fr_FR",
    sheets: [sheet],
    namedRanges: [],
  };
}

function sandbox(formula = "=NEXT_RELANCE(A2:B; A1:B1; TODAY())", at = "C2") {
  const wb = workbook();
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error("no sheet");
  const [col, row] = [at.charCodeAt(0) - 65, Number(at.slice(1)) - 1];
  sheet.formulas[row] = [];
  (sheet.formulas[row] as string[])[col] = formula;
  const sb = createSandbox({
    scripts: [{ name: "Code.js", code }],
    workbook: wb,
    now: "2026-11-26T09:00",
  });
  return { sb, sheet };
}

const paris = (d: string) => midnightIn(d, "Europe/Paris");

describe("formula syntax", () => {
  it("parses calls with ';' or ',' separators, ranges, other sheets and literals", () => {
    expect(parseFormula("=NEXT_RELANCE(A2:N; A1:N1; TODAY())")).toEqual({
      kind: "call",
      name: "NEXT_RELANCE",
      args: [
        { kind: "range", a1: "A2:N" },
        { kind: "range", a1: "A1:N1" },
        { kind: "call", name: "TODAY", args: [] },
      ],
    });
    expect(parseFormula("=f('Créances'!$A$1, 1.5, \"a;b\", TRUE)")?.kind).toBe("call");
    expect(parseFormula("=f('Créances'!$A$1, 1.5, \"a;b\", TRUE)")).toMatchObject({
      args: [
        { kind: "range", sheet: "Créances", a1: "A1" },
        { kind: "number", value: 1.5 },
        { kind: "string", value: "a;b" },
        { kind: "boolean", value: true },
      ],
    });
    expect(parseFormula("=F(1,5; -2)")).toMatchObject({ args: [{ value: 1.5 }, { value: -2 }] });
    expect(parseFormula("=NEXT_RELANCE()")).toEqual({
      kind: "call",
      name: "NEXT_RELANCE",
      args: [],
    });
    expect(parseFormula("=A1+B1")).toBeUndefined();
  });

  it("converts between the script's English syntax and the French one the model keeps", () => {
    expect(toStoredFormula("=NEXT_RELANCE(A2:N, A1:N1, TODAY())", "fr_FR")).toBe(
      "=NEXT_RELANCE(A2:N; A1:N1; TODAY())",
    );
    expect(toStoredFormula('=ROUND(1.5, 0) & "a,b"', "fr_FR")).toBe('=ROUND(1,5; 0) & "a,b"');
    expect(toEnglishFormula("=ROUND(1,5; 0)")).toBe("=ROUND(1.5, 0)");
    expect(toStoredFormula("=F(A1, 2)", "en_US")).toBe("=F(A1, 2)");
  });
});

describe("evaluation as Sheets does it", () => {
  it("passes ranges as 2-D arrays, TODAY() as midnight in the spreadsheet's zone, and spills the result", () => {
    const { sb, sheet } = sandbox();
    // A2:B reaches the last row (4): two invoices and a blank row.
    expect(sheet.values.slice(1).map((r) => r.slice(2))).toEqual([
      ["Relance de courtoisie", paris("2026-12-03")],
      ["Relance de courtoisie", paris("2026-12-03")],
      ["", ""],
    ]);
    expect(sheet.spills).toEqual([{ row: 1, col: 2, rows: 3, cols: 2 }]);
    expect(sb.cellError("Créances", "C2")).toBeUndefined();
    expect(sb.callCustomFunction("KIND", [[["a", 1]]])).toBe("array 1x2");
  });

  it("passes a one-cell range as a scalar, and dates as Dates", () => {
    const { sheet } = sandbox("=KIND(A2)", "D1");
    expect(sheet.values[0]?.[3]).toBe("string:F-001");
    const other = sandbox("=KIND(TODAY())", "D1");
    expect(other.sheet.values[0]?.[3]).toBe("object:2026-11-25T23:00:00.000Z");
  });

  it("shows #REF! when the spill would overwrite data, and spills again once it is gone", () => {
    const { sb, sheet } = sandbox();
    const range = sb.services.SpreadsheetApp.getActiveSpreadsheet().getRange("'Créances'!D3");
    range.setValue("à la main");
    sb.recalculate();
    expect(sheet.values[1]?.[2]).toBe("#REF!");
    expect(sb.cellError("Créances", "C2")).toEqual({
      value: "#REF!",
      message: "Array result was not expanded because it would overwrite data in D3.",
    });
    expect(sheet.values[2]?.[2]).toBe(""); // the rest of the old spill is gone
    expect(sheet.spills).toEqual([]);
    range.clearContent();
    sb.recalculate();
    expect(sheet.values[1]?.[2]).toBe("Relance de courtoisie");
    expect(sheet.spills).toHaveLength(1);
  });

  it("rewrites its own previous spill without calling it blocked", () => {
    const { sb, sheet } = sandbox();
    sb.recalculate({ reload: true });
    sb.recalculate({ reload: true });
    expect(sheet.values[2]?.[2]).toBe("Relance de courtoisie");
    expect(sb.cellError("Créances", "C2")).toBeUndefined();
  });

  it("shows #ERROR! with the exception's message, and #NAME? for an unknown or private function", () => {
    const { sb, sheet } = sandbox("=NEXT_RELANCE(A2:B3)");
    sb.services.SpreadsheetApp.getActiveSpreadsheet().getRange("'Créances'!A3").setValue("BOOM");
    sb.recalculate();
    expect(sheet.values[1]?.[2]).toBe("#ERROR!");
    expect(sb.cellError("Créances", "C2")?.message).toBe("Erreur : ligne invalide");
    expect(sandbox("=NEXT_RELANCES(A2:B3)").sheet.values[1]?.[2]).toBe("#NAME?");
    const priv = sandbox("=HELPER_()");
    expect(priv.sheet.values[1]?.[2]).toBe("#NAME?");
    expect(priv.sb.cellError("Créances", "C2")?.message).toBe("Unknown function: 'HELPER_'.");
  });

  it("leaves Sheets' own functions uncomputed, and refuses writes from a formula", () => {
    const { sheet } = sandbox("=SUM(A1:A3)");
    expect(sheet.values[1]?.[2]).toBe("");
    const w = sandbox("=WRITER()");
    expect(w.sheet.values[1]?.[2]).toBe("#ERROR!");
    expect(w.sb.cellError("Créances", "C2")?.message).toBe(
      "You do not have permission to call setValue",
    );
  });

  it("gives a no-argument call its calling cell as the active range", () => {
    const { sheet } = sandbox("=NEXT_RELANCE()", "C3");
    expect(sheet.values[2]?.slice(2)).toEqual(["Relance de courtoisie", paris("2026-12-03")]);
  });
});

describe("when Sheets recalculates", () => {
  it("after an execution that wrote, and inside it when the formula's cells are read", () => {
    const { sb, sheet } = sandbox();
    expect(sb.run("addAndRead", "F-003")).toEqual([
      ["Relance de courtoisie", paris("2026-12-03")],
      ["Relance de courtoisie", paris("2026-12-03")],
      ["Relance de courtoisie", paris("2026-12-03")],
    ]);
    sb.run("addInvoice", "F-004");
    expect(sheet.values[4]?.slice(2)).toEqual(["Relance de courtoisie", paris("2026-12-03")]);
  });

  it("when the day changes (TODAY()), not when only the hour does", () => {
    const { sb, sheet } = sandbox();
    const callsBefore = sb.callCustomFunction("CALLS", []);
    sb.clock.set("2026-11-26T23:30", "Europe/Paris");
    expect(sb.callCustomFunction("CALLS", [])).toBe(callsBefore);
    sb.clock.set("2026-11-27T00:10", "Europe/Paris");
    expect(sheet.values[1]?.[3]).toEqual(paris("2026-12-04"));
  });

  it("calls a function again only when its arguments change; a no-argument call only on reload", () => {
    const { sb, sheet } = sandbox("=TICK()");
    expect(sheet.values[1]?.[2]).toBe(1);
    sb.run("addInvoice", "F-009");
    sb.recalculate();
    expect(sheet.values[1]?.[2]).toBe(1);
    sb.recalculate({ reload: true });
    expect(sheet.values[1]?.[2]).toBe(2);
  });

  it("counts custom functions' service calls apart from the runs'", () => {
    const { sb } = sandbox("=NEXT_RELANCE()", "C3");
    sb.calls.reset();
    sb.recalculate({ reload: true });
    expect(sb.calls.counts).toEqual({});
    expect(sb.customFunctionCalls.counts["SpreadsheetApp.Range.getValues"]).toBe(2);
  });
});
