// French .csv: what Excel France writes and Google Sheets (locale fr_FR) reads.
import { describe, expect, it } from "vitest";
import { readCsv, writeCsv } from "../../../sandbox/files/csv.js";
import { EURO_FORMAT } from "../../../sandbox/files/formats.js";
import type { SheetModel } from "../../../sandbox/model.js";
import { calendarDateIn, fromWallClock, midnightIn } from "../../../sandbox/tz.js";

const PARIS = "Europe/Paris";
const utf8 = (s: string) => new TextEncoder().encode(s);
const only = (csv: string | Uint8Array, opts = {}) => readCsv(csv, opts).sheets[0] as SheetModel;

describe("readCsv", () => {
  it("reads a ledger exported by Excel France: ';', CRLF, BOM, quotes, amounts, dates, booleans", () => {
    const text =
      "\uFEFFN° facture;Client;Montant TTC;Montant payé;Échéance;Litige;Note\r\n" +
      'F-2026-014;"Durand; fils";1 850,00 €;1850.5;26/11/2026;VRAI;"dit ""oui""\r\nsur deux lignes"\r\n' +
      "F-2026-015;Éric Leroy;12,5;-3;26/11/26;faux;\r\n" +
      "F-2026-016;Café des Arts;1\u202F234,56\u00A0€;;2026-11-26;TRUE;  \r\n\r\n";
    const s = only(utf8(text));
    expect(s.name).toBe("Créances");
    expect(s.values[0]).toEqual([
      "N° facture",
      "Client",
      "Montant TTC",
      "Montant payé",
      "Échéance",
      "Litige",
      "Note",
    ]);
    expect(s.values[1]).toEqual([
      "F-2026-014",
      "Durand; fils",
      1850,
      1850.5,
      midnightIn("2026-11-26", PARIS),
      true,
      'dit "oui"\r\nsur deux lignes',
    ]);
    expect(s.values[2]).toEqual([
      "F-2026-015",
      "Éric Leroy",
      12.5,
      -3,
      midnightIn("2026-11-26", PARIS),
      false,
      "",
    ]);
    expect(s.values[3]?.slice(2, 6)).toEqual([1234.56, "", midnightIn("2026-11-26", PARIS), true]);
    expect(s.values).toHaveLength(4); // trailing empty line dropped
    expect(s.numberFormats[1]?.[2]).toBe(EURO_FORMAT);
    expect(s.numberFormats[1]?.[3]).toBe("");
    expect(s.numberFormats[1]?.[4]).toBe("dd/mm/yyyy");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8 (Excel France's « CSV »)", () => {
    // "N° facture;Échéance;Montant\r\nF-1;26/11/2026;1 850,00 €\r\n" in Windows-1252: é = E9, É = C9, ° = B0, € = 80.
    const bytes = Uint8Array.from([
      ...[0x4e, 0xb0, 0x20, 0x66, 0x61, 0x63, 0x74, 0x75, 0x72, 0x65, 0x3b],
      ...[0xc9, 0x63, 0x68, 0xe9, 0x61, 0x6e, 0x63, 0x65, 0x3b],
      ...[0x4d, 0x6f, 0x6e, 0x74, 0x61, 0x6e, 0x74, 0x0d, 0x0a],
      ...[0x46, 0x2d, 0x31, 0x3b, 0x32, 0x36, 0x2f, 0x31, 0x31, 0x2f, 0x32, 0x30, 0x32, 0x36, 0x3b],
      ...[0x31, 0x20, 0x38, 0x35, 0x30, 0x2c, 0x30, 0x30, 0x20, 0x80, 0x0d, 0x0a],
    ]);
    const s = only(bytes);
    expect(s.values[0]).toEqual(["N° facture", "Échéance", "Montant"]);
    expect(s.values[1]).toEqual(["F-1", midnightIn("2026-11-26", PARIS), 1850]);
    expect(s.numberFormats[1]?.[2]).toBe(EURO_FORMAT);
  });

  it("detects ',' and tab separators", () => {
    // A quoted "2,5" is still a French decimal number for a fr_FR import.
    expect(only('a,b,c\n1,"2,5",x\n').values).toEqual([
      ["a", "b", "c"],
      [1, 2.5, "x"],
    ]);
    expect(only("a\tb\n1,5\t26/11/2026\n").values[1]).toEqual([
      1.5,
      midnightIn("2026-11-26", PARIS),
    ]);
  });

  it("keeps as text what is no number nor date, and dates in the spreadsheet's zone", () => {
    const s = only("x;y;z;w;v\n31/02/2026;12/13/2026;F-001;'0123;26/11/2026 14:30\n", {
      timeZone: "America/Los_Angeles",
      sheetName: "Import",
    });
    expect(s.name).toBe("Import");
    expect(s.values[1]?.slice(0, 4)).toEqual(["31/02/2026", "12/13/2026", "F-001", "0123"]);
    expect(s.values[1]?.[4]).toEqual(
      fromWallClock(
        { year: 2026, month: 11, day: 26, hour: 14, minute: 30 },
        "America/Los_Angeles",
      ),
    );
    expect(s.numberFormats[1]?.[4]).toBe("dd/mm/yyyy hh:mm:ss");
  });

  it("reads a formula as a formula, as Sheets' import does", () => {
    const s = only('Statut\n"=STATUT_CREANCE(A2:N; A1:N1; TODAY())"\n');
    expect(s.formulas[1]?.[0]).toBe("=STATUT_CREANCE(A2:N; A1:N1; TODAY())");
    expect(s.values[1]?.[0]).toBe("");
  });
});

describe("writeCsv", () => {
  it("writes French conventions and reads back to the same values", () => {
    const sheet: SheetModel = {
      name: "Créances",
      values: [
        ["N° facture", "Client", "Montant TTC", "Taux", "Échéance", "Envoyé le", "Litige"],
        [
          "F-1",
          'Durand; "fils"',
          1850,
          0.125,
          midnightIn("2026-11-26", PARIS),
          fromWallClock({ year: 2026, month: 11, day: 26, hour: 9, minute: 5 }, PARIS),
          true,
        ],
        ["F-2", "Ligne 1\nLigne 2", 1234567.8, -2, midnightIn("2027-01-01", PARIS), "", false],
      ],
      formulas: [],
      numberFormats: [[], ["", "", EURO_FORMAT], ["", "", EURO_FORMAT]],
      frozenRows: 1,
      frozenColumns: 0,
      hidden: false,
      dataValidations: [],
      conditionalFormats: [],
      spills: [],
    };
    const text = writeCsv(sheet, PARIS);
    expect(text.split("\r\n")[1]).toBe(
      'F-1;"Durand; ""fils""";1 850,00 €;0,125;26/11/2026;26/11/2026 09:05:00;VRAI',
    );
    expect(text).toContain("1 234 567,80 €");
    expect(text.endsWith("\r\n")).toBe(true);
    const back = only(text);
    expect(back.values).toEqual(sheet.values);
    expect(calendarDateIn(back.values[2]?.[4] as Date, PARIS)).toBe("2027-01-01");
  });

  it("writes formulas instead of values when asked (a ledger template)", () => {
    const sheet = only('Statut;N\n"=STATUT_CREANCE(A2:N; A1:N1; TODAY())";1,5\n');
    expect(writeCsv(sheet, PARIS, { formulas: true })).toBe(
      'Statut;N\r\n"=STATUT_CREANCE(A2:N; A1:N1; TODAY())";1,5\r\n',
    );
    expect(writeCsv(sheet, PARIS)).toBe("Statut;N\r\n;1,5\r\n");
  });
});
