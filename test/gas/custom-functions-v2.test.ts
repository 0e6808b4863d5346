// The custom functions under DESIGN §3b v2, called from the built bundle as Sheets calls
// them, in a Paris spreadsheet and in a Nouméa one (UTC+11: its midnight is the previous day
// in UTC, where the process runs): blank Type, the consumer's prescription, procédure
// collective as the 15th canonical column, the mise en demeure after the Relance ferme's
// deadline.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../sandbox/index";
import type { CellValue, WorkbookModel } from "../../sandbox/model";
import { newSheetModel } from "../../sandbox/services/grid";
import { calendarDateIn, midnightIn } from "../../sandbox/tz";

describe.each(["Europe/Paris", "Pacific/Noumea"])("custom functions v2 in %s", (tz) => {
  const day = (iso: string) => midnightIn(iso, tz);
  const iso = (v: unknown) => (v instanceof Date ? calendarDateIn(v, tz) : v);
  const workbook: WorkbookModel = {
    name: "Test",
    timeZone: tz,
    locale: "fr_FR",
    sheets: [newSheetModel("Créances")],
    namedRanges: [],
  };
  // 08:00 on 26/11 in the spreadsheet's zone (in Nouméa, still 25/11 in UTC).
  const sb = createSandbox({ timeZone: tz, now: "2026-11-26T08:00", workbook });
  const call = (name: string, ...args: unknown[]) =>
    (sb.callCustomFunction(name, args, { sheet: "Créances", cell: "Z2" }) as unknown[][]).map((r) =>
      r.map(iso),
    );

  // Headers omitted: the canonical order, the 14 columns then Procédure collective (15th).
  const row = (cells: Partial<Record<number, CellValue>>): CellValue[] =>
    Array.from({ length: 15 }, (_, i) => cells[i] ?? "");
  const ROWS = [
    // Type blank: a consumer, invoice 10/01/2025.
    row({ 0: "P-1", 1: "Jean Dupont", 4: day("2025-01-10"), 5: day("2025-02-09"), 6: 300 }),
    // A business under a procédure collective opened on 15/10/2026, after Échéance.
    row({
      0: "P-2",
      1: "Menuiserie Blanc",
      3: "Professionnel",
      4: day("2026-08-01"),
      5: day("2026-09-01"),
      6: 1850,
      14: day("2026-10-15"),
    }),
    // The judgment came on or before Échéance: no 40 €.
    row({
      0: "P-3",
      1: "Menuiserie Blanc",
      3: "Professionnel",
      4: day("2026-09-01"),
      5: day("2026-10-15"),
      6: 500,
      14: day("2026-10-15"),
    }),
    // Born after the judgment (L622-17): chased as usual.
    row({
      0: "P-4",
      1: "Menuiserie Blanc",
      3: "Professionnel",
      4: day("2026-10-20"),
      5: day("2026-11-20"),
      6: 450,
      14: day("2026-10-15"),
    }),
    // Relance ferme on 20/11: the mise en demeure (J+20 = 22/11) waits for 20/11 + 8 + 1.
    row({
      0: "P-5",
      1: "Garage Petit",
      3: "Professionnel",
      4: day("2026-10-03"),
      5: day("2026-11-02"),
      6: 1000,
      11: "Relance ferme",
      12: day("2026-11-20"),
    }),
  ];
  const today = () => day("2026-11-26");

  it("STATUT_CREANCE says « Procédure collective » for a claim born before the judgment", () => {
    expect(call("STATUT_CREANCE", ROWS, "", today())).toEqual([
      ["Échue"],
      ["Procédure collective"],
      ["Procédure collective"],
      ["Échue"],
      ["Relancée"],
    ]);
  });

  it("NEXT_RELANCE schedules nothing under the procédure, and waits for the Relance ferme's deadline", () => {
    expect(call("NEXT_RELANCE", ROWS, "", today())).toEqual([
      ["Relance de courtoisie", "2025-02-10"],
      ["\u2014", ""],
      ["\u2014", ""],
      ["Relance de courtoisie", "2026-11-23"], // J+1 = Saturday 21 → Monday 23
      ["Mise en demeure", "2026-11-30"], // 20/11 + 9 = Sunday 29 → Monday 30
    ]);
  });

  it("PENALITES_RETARD: none for a blank Type, stopped the day before the judgment", () => {
    // P-2: 1 850 € × 12,15 % × 43 days (02/09 … 14/10) / 365 = 26,48 €; P-3: due on the day
    // of the judgment, no day counted; P-4: 6 days on 450 € = 0,90 €; P-5: 24 days on
    // 1 000 € = 7,99 €.
    expect(call("PENALITES_RETARD", ROWS, "", today())).toEqual([[0], [26.48], [0], [0.9], [7.99]]);
  });

  it("INDEMNITE_RECOUVREMENT: none for a blank Type, none when the judgment came by Échéance", () => {
    expect(call("INDEMNITE_RECOUVREMENT", ROWS, "", today())).toEqual([[0], [40], [0], [40], [40]]);
  });

  it("DATE_PRESCRIPTION: 2 years from Date facture for a consumer, 5 from Échéance otherwise", () => {
    expect(call("DATE_PRESCRIPTION", ROWS)).toEqual([
      ["2027-01-10"],
      ["2031-09-01"],
      ["2031-10-15"],
      ["2031-11-20"],
      ["2031-11-02"],
    ]);
  });

  it("reads a bad Procédure collective or SIREN as an error row, in French", () => {
    const headers = [
      "N° facture",
      "Client",
      "Date facture",
      "Montant TTC",
      "Procédure collective",
      "N° SIREN",
    ];
    const rows = [
      ["E-1", "X", day("2026-10-01"), 100, "bientôt", "12345"],
      ["E-2", "Y", day("2026-10-01"), 100, "", "123 456 789"],
    ];
    expect(call("STATUT_CREANCE", rows, [headers], today())).toEqual([
      [
        "Erreur : Procédure collective : « bientôt » n'est pas une date (jj/mm/aaaa) ; SIREN : « 12345 » doit compter 9 chiffres (le numéro SIREN du client)",
      ],
      ["Échue"],
    ]);
  });
});
