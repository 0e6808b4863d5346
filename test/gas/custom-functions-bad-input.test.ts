// Bad input through the bundle, as Sheets passes it to a custom function: each bad row gives
// « Erreur : … » in French in its own cell, and the good rows around it keep their status.
import { beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../sandbox/index";
import type { CellValue } from "../../sandbox/model";
import { newSheetModel } from "../../sandbox/services/grid";
import { midnightIn } from "../../sandbox/tz";

const TZ = "Europe/Paris";
const day = (iso: string) => midnightIn(iso, TZ);

// The canonical order: N° facture, Client, Email, Type, Date facture, Échéance, Montant TTC,
// Montant payé, Profil, Litige, Suspendu jusqu'au, Dernière étape, Date dernière étape,
// Date reconnaissance.
const good = (n: string): CellValue[] => [
  n,
  "Boulangerie Martin",
  "compta@martin.example",
  "Professionnel",
  day("2026-09-02"),
  day("2026-10-02"),
  1850,
  0,
  "",
  "",
  "",
  "",
  "",
  "",
];
const COLUMN = {
  invoice: 0,
  client: 1,
  email: 2,
  invoiceDate: 4,
  dueDate: 5,
  amount: 6,
  paid: 7,
  suspended: 10,
  lastStep: 11,
  lastStepDate: 12,
} as const;
const bad = (changes: Partial<Record<keyof typeof COLUMN, CellValue>>): CellValue[] => {
  const row = good("F-BAD");
  for (const [k, v] of Object.entries(changes)) row[COLUMN[k as keyof typeof COLUMN]] = v;
  return row;
};

const CASES: [string, CellValue[], string][] = [
  [
    "Suspendu jusqu'au 31/12/9999",
    bad({ suspended: day("9999-12-31") }),
    "Erreur : Suspendu jusqu'au : 31/12/9999 est hors des années 2000 à 2099",
  ],
  [
    "an invoice dated 2100",
    bad({ invoiceDate: day("2100-01-04"), dueDate: "" }),
    "Erreur : Date facture : 04/01/2100 est hors des années 2000 à 2099",
  ],
  [
    "the number 2026 in Date facture",
    bad({ invoiceDate: 2026 }),
    "Erreur : Date facture : « 2026 » est un nombre, pas une date (lu comme le 18/07/1905) : tapez jj/mm/aaaa",
  ],
  [
    "Échéance before Date facture",
    bad({ dueDate: day("2026-08-01") }),
    "Erreur : Échéance : 01/08/2026 est avant la date de facture (02/09/2026)",
  ],
  [
    "a Date dernière étape after today",
    bad({ lastStep: "Relance de courtoisie", lastStepDate: day("2026-12-20") }),
    "Erreur : Date dernière étape : 20/12/2026 est après aujourd'hui (26/11/2026)",
  ],
  [
    "« 1,850 »",
    bad({ amount: "1,850" }),
    "Erreur : Montant TTC : « 1,850 » est ambigu (1,85 € ou 1 850 € ?) : écrivez 1850 ou 1,85",
  ],
  [
    "0,004 €",
    bad({ amount: "0,004 €" }),
    "Erreur : Montant TTC : « 0,004 € » est inférieur à un centime",
  ],
  [
    "0.004 as a number",
    bad({ amount: 0.004 }),
    "Erreur : Montant TTC : « 0,004 » est inférieur à un centime",
  ],
  [
    "a 60 000-character cell",
    bad({ client: "A".repeat(60_000) }),
    "Erreur : Client : trop long (60000 caractères ; 1000 au plus)",
  ],
  [
    "an email with a zero-width space",
    bad({ email: "compta@martin\u200b.example" }),
    "Erreur : Email : « compta@martin\u200b.example » contient un caractère invisible (U+200B) : retapez l'adresse",
  ],
  [
    "CR/LF in an invoice number",
    bad({ invoice: "F-1\r\nBcc: x@y.example" }),
    "Erreur : N° facture : « F-1 Bcc: x@y.example » contient un retour à la ligne",
  ],
  [
    "#N/A in Client",
    bad({ client: "#N/A" }),
    "Erreur : Client : la cellule contient l'erreur de formule « #N/A »",
  ],
  [
    "#REF! in Montant TTC",
    bad({ amount: "#REF!" }),
    "Erreur : Montant TTC : la cellule contient l'erreur de formule « #REF! »",
  ],
  [
    "a name of zero-width characters",
    bad({ client: "\u200b\u200d\ufeff" }),
    "Erreur : Client : ne contient que des caractères invisibles",
  ],
  [
    "six addresses",
    bad({ email: "a@x.fr, b@x.fr, c@x.fr, d@x.fr, e@x.fr, f@x.fr" }),
    "Erreur : Email : 6 adresses ; 5 au plus par facture",
  ],
];

describe("custom functions on bad input (the bundle)", () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = createSandbox({
      timeZone: TZ,
      now: "2026-11-26T09:00",
      workbook: {
        name: "T",
        timeZone: TZ,
        locale: "fr_FR",
        sheets: [newSheetModel("Créances")],
        namedRanges: [],
      },
    });
  });

  it.each(CASES)(
    "%s: « Erreur : … » in French, the rows around it unaffected",
    (_, row, message) => {
      const rows = [good("F-1"), row, good("F-2")];
      for (const fn of ["STATUT_CREANCE", "NEXT_RELANCE", "PENALITES_RETARD"]) {
        const out = sb.callCustomFunction(fn, [rows, "", day("2026-11-26")], {
          sheet: "Créances",
          cell: "Z2",
        }) as unknown[][];
        expect(out[1]?.[0]).toBe(message);
        expect(String(out[0]?.[0])).not.toMatch(/^Erreur/);
        expect(out[2]?.[0]).toEqual(out[0]?.[0]);
      }
    },
  );

  it("reads « 1.850 » as 1 850 € (French use): the same penalties as the number 1850", () => {
    const rows = [good("F-1"), bad({ amount: "1.850" })];
    const out = sb.callCustomFunction("PENALITES_RETARD", [rows, "", day("2026-11-26")], {
      sheet: "Créances",
      cell: "Z2",
    }) as unknown[][];
    expect(out[1]?.[0]).toBe(out[0]?.[0]);
    expect(out[0]?.[0]).toBeGreaterThan(30);
  });
});
