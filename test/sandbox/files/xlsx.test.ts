// .xlsx in and out: what a user sees after opening the file the sandbox wrote, and what
// the sandbox holds after opening a file a user made.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { EURO_FORMAT } from "../../../sandbox/files/formats.js";
import { fromExcelFormula, toExcelFormula } from "../../../sandbox/files/formula-syntax.js";
import { readXlsx, xlsxBytes } from "../../../sandbox/files/xlsx.js";
import type { CellValue, SheetModel, WorkbookModel } from "../../../sandbox/model.js";
import { calendarDateIn, fromWallClock, midnightIn } from "../../../sandbox/tz.js";

const PARIS = "Europe/Paris";
const day = (iso: string, tz = PARIS) => midnightIn(iso, tz);

function sheet(name: string, values: CellValue[][], extra: Partial<SheetModel> = {}): SheetModel {
  return {
    name,
    values,
    formulas: values.map((r) => r.map(() => "")),
    numberFormats: values.map((r) => r.map(() => "")),
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    dataValidations: [],
    conditionalFormats: [],
    spills: [],
    ...extra,
  };
}

/** A small ledger after the sandbox computed its columns: formulas, spills, results. */
function computedLedger(timeZone = PARIS): WorkbookModel {
  const values: CellValue[][] = [
    [
      "N° facture",
      "Échéance",
      "Montant TTC",
      "Statut",
      "Prochaine étape",
      "Date prochaine étape",
      "Pénalités",
    ],
    [
      "F-001",
      day("2026-11-25", timeZone),
      1850,
      "Échue",
      "Relance de courtoisie",
      day("2026-11-26", timeZone),
      0.44,
    ],
    ["F-002", day("2026-03-29", timeZone), 950.5, "Soldée", "—", "", 0],
    [
      "F-003",
      day("2026-12-31", timeZone),
      12,
      "Erreur : Montant TTC : « abc » n'est pas un montant",
      "",
      "",
      "",
    ],
  ];
  const formulas = values.map((r) => r.map(() => ""));
  (formulas[1] as string[])[3] = "=STATUT_CREANCE(A2:N; A1:N1; TODAY())";
  (formulas[1] as string[])[4] = "=NEXT_RELANCE(A2:N; A1:N1; TODAY())";
  (formulas[1] as string[])[6] = "=PENALITES_RETARD(A2:N; A1:N1; TODAY())";
  const numberFormats = values.map((r, i) =>
    r.map((_, c) =>
      i > 0 && (c === 2 || c === 6)
        ? EURO_FORMAT
        : i > 0 && (c === 1 || c === 5)
          ? "dd/mm/yyyy"
          : "",
    ),
  );
  return {
    name: "Suivi",
    timeZone,
    locale: "fr_FR",
    namedRanges: [{ name: "Factures", sheet: "Créances", a1: "A2:C4" }],
    sheets: [
      sheet("Créances", values, {
        formulas,
        numberFormats,
        frozenRows: 1,
        frozenColumns: 1,
        columnWidths: [110, 95, undefined, 120],
        spills: [
          { row: 1, col: 3, rows: 3, cols: 1 },
          { row: 1, col: 4, rows: 3, cols: 2 },
          { row: 1, col: 6, rows: 3, cols: 1 },
        ],
        dataValidations: [
          {
            a1: "B2:B1000",
            kind: "list",
            values: ["Professionnel", "Particulier"],
            helpText: "Type de client",
          },
          { a1: "H2:H1000", kind: "checkbox", allowInvalid: true },
        ],
        conditionalFormats: [
          {
            ranges: ["D2:D1000"],
            condition: { kind: "textEqualTo", value: "Litige" },
            background: "#F4CCCC",
            bold: true,
          },
          {
            ranges: ["A2:G1000"],
            condition: { kind: "customFormula", value: '=$D2="Soldée"' },
            fontColor: "#6AA84F",
          },
        ],
      }),
      sheet(
        "Journal",
        [
          ["Date", "Factures"],
          [
            fromWallClock({ year: 2026, month: 11, day: 26, hour: 9, minute: 5 }, timeZone),
            "F-001",
          ],
        ],
        { frozenRows: 1 },
      ),
      sheet("Caché", [["secret", true, false]], { hidden: true }),
    ],
  };
}

describe("formulas between French Sheets and .xlsx", () => {
  it("swaps argument separators and decimal marks, closes open ranges, and comes back identical", () => {
    const cases: [string, string][] = [
      ["=NEXT_RELANCE(A2:N; A1:N1; TODAY())", "NEXT_RELANCE(A2:N1048576, A1:N1, TODAY())"],
      ['=IF($O2="a;b"; 1,5; {1\\2;3\\4})', 'IF($O2="a;b", 1.5, {1,2;3,4})'],
      ["='Créances'!$A$2:$N*2,5", "'Créances'!$A$2:$N1048576*2.5"],
      ["=SUM(A2:A10)", "SUM(A2:A10)"],
    ];
    for (const [french, excel] of cases) {
      expect(toExcelFormula(french)).toBe(excel);
      expect(fromExcelFormula(excel)).toBe(french);
    }
  });
});

describe("writeXlsx / readXlsx round trip", () => {
  it("keeps every sheet, value, date, format, frozen pane, width and hidden state", async () => {
    const wb = computedLedger();
    const back = await readXlsx(await xlsxBytes(wb), { name: "Suivi" });
    expect(back.sheets.map((s) => s.name)).toEqual(["Créances", "Journal", "Caché"]);
    const ledger = back.sheets[0] as SheetModel;
    expect(ledger.values).toEqual(wb.sheets[0]?.values);
    expect(calendarDateIn(ledger.values[2]?.[1] as Date, PARIS)).toBe("2026-03-29"); // DST day
    expect(ledger.numberFormats[1]?.[2]).toBe(EURO_FORMAT);
    expect(ledger.numberFormats[1]?.[1]).toBe("dd/mm/yyyy");
    expect(ledger.frozenRows).toBe(1);
    expect(ledger.frozenColumns).toBe(1);
    expect(ledger.columnWidths?.slice(0, 4)).toEqual([110, 95, undefined, 120]);
    const journal = back.sheets[1] as SheetModel;
    expect(journal.values[1]?.[0]).toEqual(wb.sheets[1]?.values[1]?.[0]); // 09:05 kept
    expect(journal.numberFormats[1]?.[0]).toBe("dd/mm/yyyy hh:mm:ss"); // a date format when none
    expect(back.sheets[2]?.hidden).toBe(true);
    expect(back.sheets[2]?.values).toEqual([["secret", true, false]]);
    expect(back.namedRanges).toEqual([{ name: "Factures", sheet: "Créances", a1: "A2:C4" }]);
  });

  it("writes notes as cell comments, which come back as notes", async () => {
    const wb = computedLedger();
    const ledger = wb.sheets[0] as SheetModel;
    ledger.notes = [[], ["", "Échéance au-delà du délai légal de paiement\nType non renseigné"]];
    const bytes = await xlsxBytes(wb);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const note = excel.worksheets[0]?.getCell("B2").note;
    const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    expect(text).toBe("Échéance au-delà du délai légal de paiement\nType non renseigné");
    const back = (await readXlsx(bytes)).sheets[0] as SheetModel;
    expect(back.notes?.[1]?.[1]).toBe(
      "Échéance au-delà du délai légal de paiement\nType non renseigné",
    );
    expect(back.notes?.[1]?.[0] ?? "").toBe("");
    expect((await readXlsx(await xlsxBytes(computedLedger()))).sheets[0]?.notes).toBeUndefined();
  });

  it("gives back the same formulas, cached results and spills", async () => {
    const wb = computedLedger();
    const back = await readXlsx(await xlsxBytes(wb));
    const ledger = back.sheets[0] as SheetModel;
    expect(ledger.formulas).toEqual(wb.sheets[0]?.formulas);
    expect(ledger.spills).toEqual(wb.sheets[0]?.spills);
    expect(ledger.values[1]?.slice(3)).toEqual(wb.sheets[0]?.values[1]?.slice(3));
    expect(ledger.values[2]?.[6]).toBe(0); // a 0 result is not lost
  });

  it("caches results so that a spreadsheet without Recouvra shows them, not #NAME?", async () => {
    const zip = await JSZip.loadAsync(await xlsxBytes(computedLedger()));
    const xml = ((await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
    // The anchor: Google's own export form, the formula kept inside and the result as fallback.
    expect(xml).toContain(
      '<f>IFERROR(__xludf.DUMMYFUNCTION("STATUT_CREANCE(A2:N1048576, A1:N1, TODAY())"),"Échue")</f><v>Échue</v>',
    );
    // A spilled date: its serial (26/11/2026) cached and as fallback.
    expect(xml).toMatch(
      /<c r="F2" s="\d+"><f>IFERROR\(__xludf\.DUMMYFUNCTION\("""COMPUTED_VALUE"""\),46352\)<\/f><v>46352<\/v>/,
    );
  });

  it("keeps a text result in a date column, and the format of empty cells", async () => {
    // DATE_PRESCRIPTION spills dates, and « Erreur : … » on a bad row, into a column
    // formatted as dates ahead of time.
    const values: CellValue[][] = [
      ["Prescription", "Note"],
      [day("2031-11-25"), "x"],
      ["Erreur : Type : « Entreprise » inconnu", "y"],
      ["", "z"],
    ];
    const wb: WorkbookModel = {
      name: "t",
      timeZone: PARIS,
      locale: "fr_FR",
      namedRanges: [],
      sheets: [
        sheet("Créances", values, {
          formulas: [[""], ["=DATE_PRESCRIPTION(A2:N; A1:N1)"]],
          numberFormats: [
            ["", ""],
            ["dd/mm/yyyy", ""],
            ["dd/mm/yyyy", ""],
            ["dd/mm/yyyy", ""],
            ["dd/mm/yyyy", EURO_FORMAT],
          ],
          spills: [{ row: 1, col: 0, rows: 3, cols: 1 }],
        }),
      ],
    };
    const back = (await readXlsx(await xlsxBytes(wb))).sheets[0] as SheetModel;
    expect(back.values).toEqual(values);
    expect(back.spills).toEqual(wb.sheets[0]?.spills);
    expect(back.numberFormats[3]?.[0]).toBe("dd/mm/yyyy");
    // A format below the last row with content does not make the sheet longer.
    expect(back.values).toHaveLength(4);
  });

  it("reads validations and conditional formats back", async () => {
    const back = await readXlsx(await xlsxBytes(computedLedger()));
    const ledger = back.sheets[0] as SheetModel;
    expect(ledger.dataValidations).toEqual([
      {
        a1: "B2:B1000",
        kind: "list",
        values: ["Professionnel", "Particulier"],
        allowInvalid: false,
        helpText: "Type de client",
      },
      { a1: "H2:H1000", kind: "checkbox", allowInvalid: true },
    ]);
    expect(ledger.conditionalFormats).toEqual([
      {
        ranges: ["D2:D1000"],
        condition: { kind: "textEqualTo", value: "Litige" },
        background: "#F4CCCC",
        bold: true,
      },
      {
        ranges: ["A2:G1000"],
        condition: { kind: "customFormula", value: '=$D2="Soldée"' },
        fontColor: "#6AA84F",
      },
    ]);
  });

  it("writes the rules Initialiser adds, whose ranges Sheets keeps with the sheet's name", async () => {
    const wb = computedLedger();
    const ledger = wb.sheets[0] as SheetModel;
    ledger.conditionalFormats = [
      {
        ranges: ["'Créances'!D2:D22"],
        condition: { kind: "textEqualTo", value: "Soldée" },
        background: "#D1F0D9",
      },
      {
        ranges: ["'Créances'!D2:D22"],
        condition: { kind: "textStartsWith", value: "Erreur" },
        background: "#F8D7DA",
        fontColor: "#842029",
        bold: true,
      },
    ];
    ledger.dataValidations = [{ a1: "'Créances'!B2:B22", kind: "date" }];
    const back = (await readXlsx(await xlsxBytes(wb))).sheets[0] as SheetModel;
    expect(back.conditionalFormats).toEqual([
      {
        ranges: ["D2:D22"],
        condition: { kind: "textEqualTo", value: "Soldée" },
        background: "#D1F0D9",
      },
      {
        ranges: ["D2:D22"],
        condition: { kind: "textStartsWith", value: "Erreur" },
        background: "#F8D7DA",
        fontColor: "#842029",
        bold: true,
      },
    ]);
    expect(back.dataValidations).toEqual([{ a1: "B2:B22", kind: "date", allowInvalid: false }]);
  });

  it("writes the same bytes for the same workbook", async () => {
    const date = day("2026-11-26");
    const a = await xlsxBytes(computedLedger(), { date });
    const b = await xlsxBytes(computedLedger(), { date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("keeps calendar dates in a spreadsheet zone far from Paris", async () => {
    for (const tz of ["Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Pago_Pago"]) {
      const back = await readXlsx(await xlsxBytes(computedLedger(tz)), { timeZone: tz });
      const dates = back.sheets[0]?.values.slice(1).map((r) => calendarDateIn(r[1] as Date, tz));
      expect(dates).toEqual(["2026-11-25", "2026-03-29", "2026-12-31"]);
    }
  });
});

describe("readXlsx on files made elsewhere", () => {
  it("reads an Excel-made file as Sheets would import it: wall-clock dates in the sheet's zone", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Créances", {
      views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    });
    ws.addRow(["N° facture", "Échéance", "Montant", "Litige", "Note"]);
    // 46352 = 26/11/2026 00:00 wall clock; 46352.75 = 18:00 that day.
    ws.addRow([
      "F-1",
      46352,
      1850,
      true,
      { richText: [{ text: "très " }, { text: "urgent", font: { bold: true } }] },
    ]);
    ws.addRow([
      "F-2",
      46352.75,
      { formula: "C2*2", result: 3700 },
      false,
      { text: "site", hyperlink: "https://x.example" },
    ]);
    ws.getCell("B2").numFmt = "dd/mm/yyyy";
    ws.getCell("B3").numFmt = "dd/mm/yyyy hh:mm";
    ws.getCell("F2").value = {
      formula: "B2:C3",
      result: 46352,
      shareType: "array",
      ref: "F2:G3",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("G2").value = 1850;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());

    for (const tz of [PARIS, "America/Los_Angeles", "Asia/Tokyo"]) {
      const wb = await readXlsx(bytes, { timeZone: tz });
      const s = wb.sheets[0] as SheetModel;
      expect(calendarDateIn(s.values[1]?.[1] as Date, tz)).toBe("2026-11-26");
      expect(s.values[1]?.[1]).toEqual(midnightIn("2026-11-26", tz));
      expect(s.values[2]?.[1]).toEqual(
        fromWallClock({ year: 2026, month: 11, day: 26, hour: 18 }, tz),
      );
    }
    const s = (await readXlsx(bytes)).sheets[0] as SheetModel;
    expect(s.values[1]?.slice(2, 5)).toEqual([1850, true, "très urgent"]);
    expect(s.values[2]?.slice(2, 5)).toEqual([3700, false, "site"]);
    expect(s.formulas[2]?.[2]).toBe("=C2*2");
    expect(s.formulas[1]?.[5]).toBe("=B2:C3");
    expect(s.spills).toEqual([{ row: 1, col: 5, rows: 2, cols: 2 }]);
    expect(s.frozenRows).toBe(1);
    expect(s.values[0]).toEqual(["N° facture", "Échéance", "Montant", "Litige", "Note", "", ""]);
  });

  it("rejects an unknown time zone", async () => {
    await expect(
      readXlsx(await xlsxBytes(computedLedger()), { timeZone: "Europe/Lyon" }),
    ).rejects.toThrow(RangeError);
  });
});
