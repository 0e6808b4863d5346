// The five custom functions, called from the built bundle (dist/Code.js) as Sheets calls
// them, in a spreadsheet whose time zone (Pacific/Noumea, UTC+11) differs from the
// script's (Europe/Paris) and from the process's (UTC).
import { beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../sandbox/index";
import type { CellValue, WorkbookModel } from "../sandbox/model";
import { newSheetModel } from "../sandbox/services/grid";
import { calendarDateIn, midnightIn } from "../sandbox/tz";
import type { CalendarDate } from "../src/domain/calendar-date";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { settingsSheetValues } from "../src/domain/settings-table";

const TZ = "Pacific/Noumea";
const day = (iso: string) => midnightIn(iso, TZ);
const iso = (d: unknown) => (d instanceof Date ? calendarDateIn(d, TZ) : d);

// Shuffled, differently cased headers, an extra column, fewer columns than the canonical 14.
const HEADERS = [
  "montant TTC",
  "CLIENT",
  "Notes",
  "échéance",
  "n° Facture",
  "Type",
  "date de facture",
  "Montant payé",
  "PROFIL",
  "litige",
  "Dernière étape",
  "Date dernière étape",
];
const ROWS: CellValue[][] = [
  [
    1850,
    "Boulangerie Martin",
    "",
    day("2026-10-27"),
    "F-001",
    "Professionnel",
    day("2026-09-27"),
    0,
    "Standard",
    false,
    "",
    "",
  ],
  ["", "", "", "", "", "", "", "", "", "", "", ""],
  [
    "abc",
    "Garage Petit",
    "",
    day("2026-10-27"),
    "F-002",
    "Entreprise",
    day("2026-09-27"),
    0,
    "",
    "",
    "",
    "",
  ],
  [
    "1 200,00 €",
    "M. Dupont",
    "particulier",
    "",
    1003,
    "particulier",
    "01/10/2026",
    "",
    "",
    "Non",
    "Relance de courtoisie",
    day("2026-11-02"),
  ],
  [900, "Atelier Roux", "", day("2026-10-02"), "F-004", "", day("2026-09-02"), 900, "", "", "", ""],
  [
    500,
    "SARL Litige",
    "",
    day("2026-10-02"),
    "F-005",
    "Professionnel",
    day("2026-09-02"),
    0,
    "",
    "x",
    "",
    "",
  ],
];

function sandboxAt(now: string): Sandbox {
  const sheet = newSheetModel("Créances");
  const workbook: WorkbookModel = {
    name: "Test",
    timeZone: TZ,
    locale: "fr_FR",
    sheets: [sheet],
    namedRanges: [],
  };
  return createSandbox({ timeZone: TZ, now, workbook });
}

describe("custom functions from the bundle", () => {
  let sb: Sandbox;
  beforeAll(() => {
    expect(process.env.TZ).toBe("UTC");
    sb = sandboxAt("2026-11-26T08:00"); // 26 November in Nouméa, still 25 November in UTC
  });
  const call = (name: string, ...args: unknown[]) =>
    sb.callCustomFunction(name, args, { sheet: "Créances", cell: "Z2" }) as unknown[][];
  const today = () => day("2026-11-26");

  it("NEXT_RELANCE gives the step and its date, one row per input row", () => {
    const out = call("NEXT_RELANCE", ROWS, [HEADERS], today());
    expect(out.map((r) => r.map(iso))).toEqual([
      ["Relance de courtoisie", "2026-10-28"],
      ["", ""],
      [
        "Erreur : Type : « Entreprise » inconnu (valeurs possibles : Professionnel, Particulier) ; Montant TTC : « abc » n'est pas un montant",
        "",
      ],
      ["Relance ferme", "2026-11-09"], // due 31/10 (invoice + 30 days): J+7 = 7/11 (Sat) ; gap 2/11 + 5 → Mon 9/11
      ["\u2014", ""],
      ["\u2014", ""],
    ]);
    // The date is a Date at midnight in the spreadsheet's zone, as a date cell holds it.
    const firstDate = out[0]?.[1];
    expect(firstDate instanceof Date && firstDate.toISOString()).toBe("2026-10-27T13:00:00.000Z");
  });

  it("STATUT_CREANCE, PENALITES_RETARD, INDEMNITE_RECOUVREMENT, DATE_PRESCRIPTION", () => {
    const col = (name: string, withToday = true) =>
      (withToday ? call(name, ROWS, [HEADERS], today()) : call(name, ROWS, [HEADERS])).map((r) =>
        iso(r[0]),
      );
    expect(col("STATUT_CREANCE")).toEqual([
      "Échue",
      "",
      expect.stringMatching(/^Erreur : /),
      "Relancée",
      "Soldée",
      "Litige",
    ]);
    // 1850 × 12.15 % × 30 days / 365 = 18.47 ; 2026-S2 is past the table: last known rate
    expect(col("PENALITES_RETARD")).toEqual([
      18.47,
      "",
      expect.stringMatching(/^Erreur/),
      0,
      0,
      Math.round((500 * 0.1215 * 55 * 100) / 365) / 100,
    ]);
    expect(col("INDEMNITE_RECOUVREMENT")).toEqual([
      40,
      "",
      expect.stringMatching(/^Erreur/),
      0,
      0,
      40,
    ]);
    expect(col("DATE_PRESCRIPTION", false)).toEqual([
      "2031-10-27",
      "",
      expect.stringMatching(/^Erreur/),
      "2028-10-01", // a consumer: 2 years from Date facture
      "2028-09-02", // Type blank: a consumer too
      "2031-10-02",
    ]);
  });

  it("defaults to the canonical column order and to today in the spreadsheet's zone", () => {
    const canonical = [
      [
        "F-010",
        "Client",
        "",
        "",
        day("2026-10-25"),
        day("2026-11-25"),
        100,
        0,
        "",
        "",
        "",
        "",
        "",
        "",
      ],
    ];
    // 08:00 in Nouméa on 26/11: the process (UTC) is still on the 25th, when it was not yet late.
    expect(call("STATUT_CREANCE", canonical)).toEqual([["Échue"]]);
    expect(call("STATUT_CREANCE", canonical, "", "")).toEqual([["Échue"]]);
    expect(call("STATUT_CREANCE", canonical, "", "25/11/2026")).toEqual([["Non échue"]]);
    expect(call("STATUT_CREANCE", canonical, "", "pas une date")).toEqual([
      ["Erreur : la date du jour donnée n'est pas une date"],
    ]);
  });

  it("accepts a single cell as a bare value", () => {
    expect(call("STATUT_CREANCE", "")).toEqual([[""]]);
  });

  it("with no argument reads the row it stands in and the header row", () => {
    const s = sb.workbook.sheets[0];
    if (!s) throw new Error("no sheet");
    s.values = [
      ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Statut"],
      ["F-100", "Boulangerie Martin", day("2026-10-01"), day("2026-10-31"), 300, ""],
    ];
    s.formulas = [
      ["", "", "", "", "", ""],
      ["", "", "", "", "", "=STATUT_CREANCE()"],
    ];
    sb.recalculate();
    expect(s.values[1]?.[5]).toBe("Échue");
    expect(sb.callCustomFunction("NEXT_RELANCE", [], { sheet: "Créances", cell: "G2" })).toEqual([
      ["Relance de courtoisie", day("2026-11-02")],
    ]);
  });

  it("spills one array formula over a whole column, as Sheets does", () => {
    const s = sb.workbook.sheets[0];
    if (!s) throw new Error("no sheet");
    s.values = [
      HEADERS.concat(["Prochaine étape", "Date prochaine étape"]),
      ...ROWS.map((r) => [...r, "", ""]),
    ];
    s.formulas = s.values.map(() => s.values[0]?.map(() => "") ?? []);
    (s.formulas[1] as string[])[12] = "=NEXT_RELANCE(A2:L; A1:L1; TODAY())";
    sb.recalculate();
    expect(s.values.slice(1).map((r) => [r[12], iso(r[13])])).toEqual([
      ["Relance de courtoisie", "2026-10-28"],
      ["", ""],
      [expect.stringMatching(/^Erreur : Type/), ""],
      ["Relance ferme", "2026-11-09"],
      ["\u2014", ""],
      ["\u2014", ""],
    ]);
  });
});

describe("custom functions and « Paramètres »", () => {
  it("NEXT_RELANCE and PENALITES_RETARD follow the ladder and the rates the user set", () => {
    const settings = settingsSheetValues(DEFAULT_SETTINGS, "2026-11-26" as CalendarDate).map(
      (r) => [...r],
    );
    const firm = settings.find((r) => r[0] === "Relance ferme");
    if (firm) firm[1] = 10; // Standard: the firm reminder at J+10 instead of J+7
    // The official figure of 2026-S2, entered under the last row of the rate table.
    settings.splice(settings.findIndex((r) => r[0] === "2026-S1") + 1, 0, [
      "2026-S2",
      2.15,
      11,
      2.55,
      6.6,
    ]);
    const workbook: WorkbookModel = {
      name: "Test",
      timeZone: TZ,
      locale: "fr_FR",
      sheets: [
        newSheetModel("Créances"),
        { ...newSheetModel("Paramètres"), values: settings as CellValue[][] },
      ],
      namedRanges: [],
    };
    const sb = createSandbox({ timeZone: TZ, now: "2026-11-26T08:00", workbook });
    const row = [
      [
        "F-1",
        "Client",
        "",
        "Professionnel",
        day("2026-10-01"),
        day("2026-10-31"),
        1850,
        0,
        "",
        "",
        "",
        "Relance de courtoisie",
        day("2026-11-02"),
        "",
      ],
    ];
    const at = { sheet: "Créances", cell: "Z2" };
    expect(sb.callCustomFunction("NEXT_RELANCE", [row, "", day("2026-11-26")], at)).toEqual([
      ["Relance ferme", day("2026-11-10")], // 31/10 + 10 days
    ]);
    // 26 days of 2026-S2 at the 11 % the user entered: 1850 × 11 % × 26 / 365 = 14.50
    expect(sb.callCustomFunction("PENALITES_RETARD", [row, "", day("2026-11-26")], at)).toEqual([
      [14.5],
    ]);
  });
});

// The rules of docs/ladder.md in a Paris spreadsheet and in a Nouméa one (UTC+11: its
// midnight is the previous day in UTC, where the process runs): blank Type, the consumer's
// prescription, procédure collective as the 15th canonical column, the mise en demeure after
// the Relance ferme's deadline.
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
