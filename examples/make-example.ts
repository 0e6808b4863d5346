// Builds the example ledger a newcomer opens first: examples/creances.xlsx and the same
// ledger as a French CSV, examples/creances.csv. Run: `npx tsx examples/make-example.ts`.
//
// The creditor is fictitious (« Imprimerie Durand SARL », Lyon); every email address is
// on a reserved domain (*.example, exemple.test). Dates are chosen around the reference
// day 2026-11-26 (a Thursday), so that `npm start -- --today 2026-11-26` meets every
// situation of docs/ledger.md and docs/ladder.md at once. The output is the same bytes at every run.

import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCsv } from "../sandbox/files/csv.js";
import { DATE_FORMAT, DATE_TIME_FORMAT, EURO_FORMAT } from "../sandbox/files/formats.js";
import { xlsxBytes } from "../sandbox/files/xlsx.js";
import type { CellValue, SheetModel, WorkbookModel } from "../sandbox/model.js";
import { fromWallClock, midnightIn } from "../sandbox/tz.js";
import { CANONICAL_HEADERS, LEDGER_FIELDS } from "../src/domain/headers";

const TIME_ZONE = "Europe/Paris";
export const REFERENCE_DAY = "2026-11-26";
const HERE = dirname(fileURLToPath(import.meta.url));

const COMPANY = "Imprimerie Durand SARL";
const SENDER = "relances@imprimerie-durand.example";
const USER = "marie.durand@imprimerie-durand.example";

// --- the debtors ------------------------------------------------------------------

interface Debtor {
  name: string;
  email: string;
  type: "Professionnel" | "Particulier";
  profile: "Standard" | "Fidèle" | "En difficulté" | "Récalcitrant";
  /** Postal address, one line per "\n" (a registered letter needs it). */
  address?: string;
  siren?: string;
}

const D = {
  boulangerie: {
    name: "Boulangerie Martin",
    email: "contact@boulangerie-martin.example",
    type: "Professionnel",
    profile: "Standard",
    address: "Boulangerie Martin\n8 place des Terreaux\n69001 Lyon",
    siren: "552 100 554",
  },
  garage: {
    name: "Garage Lefèvre & Fils",
    email: "compta@garage-lefevre.example",
    type: "Professionnel",
    profile: "Fidèle",
    address: "Garage Lefèvre & Fils\n41 avenue Jean Jaurès\n69007 Lyon",
    siren: "384 262 957",
  },
  cabinet: {
    name: "Cabinet Rousseau Architectes",
    email: "factures@rousseau-architectes.example",
    type: "Professionnel",
    profile: "Standard",
    address: "Cabinet Rousseau Architectes\n3 quai Saint-Antoine\n69002 Lyon",
    siren: "799 346 212",
  },
  hotel: {
    name: "Hôtel du Parc",
    email: "direction@hotel-du-parc.example",
    type: "Professionnel",
    profile: "Récalcitrant",
    address: "Hôtel du Parc\n27 boulevard des Belges\n69006 Lyon",
    siren: "412 587 630",
  },
  association: {
    name: "Association Les Amis du Livre",
    email: "tresorier@amis-du-livre.example",
    type: "Professionnel",
    profile: "Standard",
  },
  fleurs: {
    name: "Fleurs & Jardins Moreau",
    email: "gestion@fleurs-moreau.example",
    type: "Professionnel",
    profile: "En difficulté",
    address: "Fleurs & Jardins Moreau\n15 rue Garibaldi\n69003 Lyon",
    siren: "530 971 448",
  },
  // Two addresses in one cell: both receive the reminders.
  restaurant: {
    name: "Restaurant Le Bouchon Lyonnais",
    email: "compta@bouchon-lyonnais.example; gerant@bouchon-lyonnais.example",
    type: "Professionnel",
    profile: "Standard",
    address: "Restaurant Le Bouchon Lyonnais\n2 rue Mercière\n69002 Lyon",
    siren: "488 215 306",
  },
  bernard: {
    name: "Camille Bernard",
    email: "camille.bernard@exemple.test",
    type: "Particulier",
    profile: "Standard",
    address: "Camille Bernard\n54 rue de la République\n69100 Villeurbanne",
  },
  // No email: every email step becomes a task (a phone call) for the user.
  menuiserie: { name: "Menuiserie Girard", email: "", type: "Professionnel", profile: "Standard" },
  sci: {
    name: "SCI Les Tilleuls",
    email: "gerance@sci-tilleuls.example",
    type: "Professionnel",
    profile: "Standard",
  },
  librairie: {
    name: "Librairie Dubois",
    email: "librairie.dubois@exemple.test",
    type: "Professionnel",
    profile: "Fidèle",
  },
  transports: {
    name: "Transports Garnier SAS",
    email: "comptabilite@transports-garnier.example",
    type: "Professionnel",
    profile: "Récalcitrant",
    address: "Transports Garnier SAS\nZI de la Plaine\n69800 Saint-Priest",
    siren: "345 678 912",
  },
} satisfies Record<string, Debtor>;

// --- the invoices -----------------------------------------------------------------

type Step =
  | "Relance de courtoisie"
  | "Relance ferme"
  | "Mise en demeure"
  | "Transmission à un professionnel";

interface Invoice {
  n: string;
  debtor: Debtor;
  invoiced: string;
  /** "" = blank Échéance (Date facture + 30 days). */
  due: string;
  /** A number, or the text a user typed. */
  amount: number | string;
  paid?: number;
  /** Overrides the debtor's (an error row types a wrong one). */
  type?: string;
  litige?: boolean | string;
  suspendedUntil?: string;
  /** The steps already taken, oldest first, with their dates: the last one fills
   * « Dernière étape » and its date; a 2026 step is also in the Journal. */
  steps?: [Step, string][];
  acknowledged?: string;
}

const INVOICES: Invoice[] = [
  // Not yet due (Échéance 10/12): « Non échue », courtesy reminder planned for the 11th.
  {
    n: "F-2026-0412",
    debtor: D.boulangerie,
    invoiced: "2026-11-10",
    due: "2026-12-10",
    amount: 1250,
  },
  // Firm reminder sent 17 days ago: the mise en demeure is due today (J+20 passed).
  {
    n: "F-2026-0301",
    debtor: D.boulangerie,
    invoiced: "2026-10-01",
    due: "2026-10-31",
    amount: 2160,
    steps: [
      ["Relance de courtoisie", "2026-11-02"],
      ["Relance ferme", "2026-11-09"],
    ],
  },
  // Partly paid (1 000 € of 2 400 €): only the balance is chased; firm reminder due.
  {
    n: "F-2026-0330",
    debtor: D.boulangerie,
    invoiced: "2026-10-06",
    due: "2026-11-05",
    amount: 2400,
    paid: 1000,
    steps: [["Relance de courtoisie", "2026-11-06"]],
  },
  // One day late, nothing done: the courtesy reminder is due today (Fidèle: warm tone).
  { n: "F-2026-0398", debtor: D.garage, invoiced: "2026-10-26", due: "2026-11-25", amount: 1320 },
  // Courtesy reminder done on 13/11: the firm reminder is overdue.
  {
    n: "F-2026-0360",
    debtor: D.garage,
    invoiced: "2026-10-13",
    due: "2026-11-12",
    amount: 780.5,
    steps: [["Relance de courtoisie", "2026-11-13"]],
  },
  // Overpaid (1 000 € for 950 €): « Soldée », nothing scheduled.
  {
    n: "F-2026-0315",
    debtor: D.garage,
    invoiced: "2026-09-15",
    due: "2026-10-15",
    amount: 950,
    paid: 1000,
  },
  // Amount typed as text « 1 850,00 € » by hand: still read as 1 850 €; not yet due.
  {
    n: "F-2026-0393",
    debtor: D.garage,
    invoiced: "2026-10-31",
    due: "2026-11-30",
    amount: "1 850,00 €",
  },
  // Due today: « Non échue » (late only from tomorrow), no penalty, no 40 €.
  { n: "F-2026-0415", debtor: D.cabinet, invoiced: "2026-10-27", due: "2026-11-26", amount: 3480 },
  // 67 days late and nothing ever done (found on install): starts at step 1, never skips.
  { n: "F-2026-0265", debtor: D.cabinet, invoiced: "2026-08-21", due: "2026-09-20", amount: 5640 },
  // Fully paid: « Soldée ».
  {
    n: "F-2026-0290",
    debtor: D.cabinet,
    invoiced: "2026-09-03",
    due: "2026-10-03",
    amount: 1800,
    paid: 1800,
  },
  // Blank Échéance: defaults to Date facture + 30 days (19/11), 7 days late; flagged.
  { n: "F-2026-0402", debtor: D.cabinet, invoiced: "2026-10-20", due: "", amount: 960 },
  // Récalcitrant, 20 days late, nothing done: skips the courtesy reminder, firm one due.
  { n: "F-2026-0341", debtor: D.hotel, invoiced: "2026-10-07", due: "2026-11-06", amount: 4200 },
  // Mise en demeure sent 6 days ago: its 8-day deadline runs; handover on 30/11.
  {
    n: "F-2026-0288",
    debtor: D.hotel,
    invoiced: "2026-09-15",
    due: "2026-10-15",
    amount: 3150,
    steps: [
      ["Relance ferme", "2026-10-16"],
      ["Mise en demeure", "2026-11-20"],
    ],
  },
  // Récalcitrant, firm reminder done on 02/11: the mise en demeure (J+10) is overdue.
  {
    n: "F-2026-0326",
    debtor: D.hotel,
    invoiced: "2026-09-30",
    due: "2026-10-30",
    amount: 1875,
    steps: [["Relance ferme", "2026-11-02"]],
  },
  // Malformed on purpose: Type « Entreprise » is no known type → a French error row.
  {
    n: "F-2026-0399",
    debtor: D.hotel,
    type: "Entreprise",
    invoiced: "2026-10-28",
    due: "2026-11-27",
    amount: 640,
  },
  // 30 days late, nothing done: courtesy reminder (overdue since 28/10).
  {
    n: "F-2026-0322",
    debtor: D.association,
    invoiced: "2026-09-27",
    due: "2026-10-27",
    amount: 350,
  },
  // Suspended until 20/11 (a promise to pay, not kept): suspension over, firm reminder due.
  {
    n: "F-2026-0305",
    debtor: D.association,
    invoiced: "2026-09-12",
    due: "2026-10-12",
    amount: 580,
    suspendedUntil: "2026-11-20",
    steps: [["Relance de courtoisie", "2026-10-14"]],
  },
  // Disputed, typed « x » in Litige: reminders stop (« Litige »).
  {
    n: "F-2026-0352",
    debtor: D.association,
    invoiced: "2026-10-05",
    due: "2026-11-04",
    amount: 420,
    litige: "x",
  },
  // En difficulté, 7 days late: courtesy reminder due (offers help).
  { n: "F-2026-0377", debtor: D.fleurs, invoiced: "2026-10-20", due: "2026-11-19", amount: 1140 },
  // Payment plan agreed: suspended until 15/12 (« Suspendue »); mise en demeure not before 16/12.
  {
    n: "F-2026-0295",
    debtor: D.fleurs,
    invoiced: "2026-09-10",
    due: "2026-10-10",
    amount: 2890,
    suspendedUntil: "2026-12-15",
    steps: [
      ["Relance de courtoisie", "2026-10-12"],
      ["Relance ferme", "2026-10-20"],
    ],
  },
  // En difficulté, courtesy done: the firm reminder (with an échéancier offer) is due.
  {
    n: "F-2026-0350",
    debtor: D.fleurs,
    invoiced: "2026-09-28",
    due: "2026-10-28",
    amount: 760,
    steps: [["Relance de courtoisie", "2026-10-30"]],
  },
  // Three invoices of one debtor, all due for the courtesy reminder: one grouped message.
  {
    n: "F-2026-0380",
    debtor: D.restaurant,
    invoiced: "2026-10-17",
    due: "2026-11-16",
    amount: 615,
  },
  {
    n: "F-2026-0385",
    debtor: D.restaurant,
    invoiced: "2026-10-19",
    due: "2026-11-18",
    amount: 1290.4,
  },
  {
    n: "F-2026-0390",
    debtor: D.restaurant,
    invoiced: "2026-10-21",
    due: "2026-11-20",
    amount: 388.8,
  },
  // A consumer (Particulier), late: courtesy reminder, no penalty, no 40 €.
  { n: "F-2026-0366", debtor: D.bernard, invoiced: "2026-10-11", due: "2026-11-10", amount: 420 },
  // Consumer, firm reminder done: mise en demeure due (legal interest only from it).
  {
    n: "F-2026-0318",
    debtor: D.bernard,
    invoiced: "2026-09-25",
    due: "2026-10-25",
    amount: 690,
    steps: [
      ["Relance de courtoisie", "2026-10-26"],
      ["Relance ferme", "2026-11-05"],
    ],
  },
  // Consumer, 2-year prescription on 20/12/2026 (within 90 days): act now, handover due.
  {
    n: "F-2024-0188",
    debtor: D.bernard,
    invoiced: "2024-11-20",
    due: "2024-12-20",
    amount: 1350,
    steps: [
      ["Relance de courtoisie", "2024-12-23"],
      ["Relance ferme", "2025-01-06"],
      ["Mise en demeure", "2025-03-03"],
    ],
  },
  // No email, nothing done: the courtesy reminder becomes a call task.
  {
    n: "F-2026-0372",
    debtor: D.menuiserie,
    invoiced: "2026-10-15",
    due: "2026-11-14",
    amount: 2230,
  },
  // No email, courtesy call done on 04/11: the firm reminder is a task too.
  {
    n: "F-2026-0355",
    debtor: D.menuiserie,
    invoiced: "2026-10-03",
    due: "2026-11-02",
    amount: 1475,
    steps: [["Relance de courtoisie", "2026-11-04"]],
  },
  // Old B2B invoice: 5-year prescription on 31/01/2027 (within 90 days); handover due.
  {
    n: "F-2022-0044",
    debtor: D.sci,
    invoiced: "2022-01-01",
    due: "2022-01-31",
    amount: 3600,
    steps: [
      ["Relance de courtoisie", "2022-02-01"],
      ["Relance ferme", "2022-02-08"],
      ["Mise en demeure", "2022-03-15"],
    ],
  },
  // Prescribed on 30/06/2026 (due 30/06/2021 + 5 years): « Prescrite », nothing scheduled.
  {
    n: "F-2021-0107",
    debtor: D.sci,
    invoiced: "2021-05-31",
    due: "2021-06-30",
    amount: 2150,
    steps: [["Relance ferme", "2021-07-20"]],
  },
  // Signed acknowledgment on 10/03/2023 restarted prescription (→ 10/03/2028): MED due.
  {
    n: "F-2021-0131",
    debtor: D.sci,
    invoiced: "2021-08-16",
    due: "2021-09-15",
    amount: 4800,
    acknowledged: "2023-03-10",
    steps: [["Relance ferme", "2023-02-20"]],
  },
  // Disputed (Litige box ticked): « Litige », reminders stop, penalties still shown.
  {
    n: "F-2026-0310",
    debtor: D.librairie,
    invoiced: "2026-09-20",
    due: "2026-10-20",
    amount: 1560,
    litige: true,
  },
  // Fidèle, courtesy done on 23/11: the firm reminder waits for the 5-day gap (30/11).
  {
    n: "F-2026-0386",
    debtor: D.librairie,
    invoiced: "2026-10-21",
    due: "2026-11-20",
    amount: 845,
    steps: [["Relance de courtoisie", "2026-11-23"]],
  },
  // Disputed, typed « Oui » in Litige (a migrated ledger): « Litige ».
  {
    n: "F-2026-0344",
    debtor: D.librairie,
    invoiced: "2026-10-02",
    due: "2026-11-01",
    amount: 530,
    litige: "Oui",
  },
  // Mise en demeure 13 days ago, deadline passed: ready for handover (step 4).
  {
    n: "F-2026-0250",
    debtor: D.transports,
    invoiced: "2026-08-31",
    due: "2026-09-30",
    amount: 6480,
    steps: [
      ["Relance ferme", "2026-10-01"],
      ["Mise en demeure", "2026-11-13"],
    ],
  },
  // Handed over to a commissaire de justice on 05/10: « Transmise », ladder finished.
  {
    n: "F-2026-0198",
    debtor: D.transports,
    invoiced: "2026-07-31",
    due: "2026-08-31",
    amount: 3920,
    steps: [
      ["Relance ferme", "2026-09-01"],
      ["Mise en demeure", "2026-09-11"],
      ["Transmission à un professionnel", "2026-10-05"],
    ],
  },
  // Récalcitrant, 2 days late: firm reminder at J+1 (no courtesy step).
  {
    n: "F-2026-0396",
    debtor: D.transports,
    invoiced: "2026-10-25",
    due: "2026-11-24",
    amount: 1710,
  },
  // Malformed on purpose: Montant TTC « voir devis » is no amount → a French error row.
  {
    n: "F-2026-0406",
    debtor: D.transports,
    invoiced: "2026-11-02",
    due: "2026-12-02",
    amount: "voir devis",
  },
];

// --- the sheets -------------------------------------------------------------------

const LEDGER_HEADERS = [
  ...LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]),
  // Computed by Recouvra's custom functions (row 2 formulas spill down).
  "Statut",
  "Prochaine étape",
  "Date prochaine étape",
  "Pénalités",
  "Indemnité",
  "Prescription",
];

const FORMULAS: Record<number, string> = {
  17: "=STATUT_CREANCE(A2:Q; A1:Q1; TODAY())",
  18: "=NEXT_RELANCE(A2:Q; A1:Q1; TODAY())",
  20: "=PENALITES_RETARD(A2:Q; A1:Q1; TODAY())",
  21: "=INDEMNITE_RECOUVREMENT(A2:Q; A1:Q1; TODAY())",
  22: "=DATE_PRESCRIPTION(A2:Q; A1:Q1)",
};

const DATE_COLUMNS = new Set([4, 5, 10, 12, 13, 14, 19, 22]);
const EURO_COLUMNS = new Set([6, 7, 20, 21]);
const LEDGER_WIDTHS = [
  110, 230, 300, 110, 95, 95, 110, 110, 110, 60, 125, 210, 135, 140, 140, 260, 100, 120, 210, 150,
  95, 90, 100,
];

function day(iso: string): Date | "" {
  return iso === "" ? "" : midnightIn(iso, TIME_ZONE);
}

function emptySheet(name: string): SheetModel {
  return {
    name,
    values: [],
    formulas: [],
    numberFormats: [],
    frozenRows: 1,
    frozenColumns: 0,
    hidden: false,
    dataValidations: [],
    conditionalFormats: [],
    spills: [],
  };
}

function ledgerSheet(): SheetModel {
  const sheet = emptySheet("Créances");
  sheet.frozenColumns = 1;
  sheet.columnWidths = LEDGER_WIDTHS;
  sheet.values.push(LEDGER_HEADERS);
  sheet.formulas.push(LEDGER_HEADERS.map(() => ""));
  sheet.numberFormats.push(LEDGER_HEADERS.map(() => ""));
  INVOICES.forEach((inv, i) => {
    const last = inv.steps?.at(-1);
    const row: CellValue[] = [
      inv.n,
      inv.debtor.name,
      inv.debtor.email,
      inv.type ?? inv.debtor.type,
      day(inv.invoiced),
      day(inv.due),
      inv.amount,
      inv.paid ?? "",
      inv.debtor.profile,
      inv.litige ?? false,
      day(inv.suspendedUntil ?? ""),
      last?.[0] ?? "",
      day(last?.[1] ?? ""),
      day(inv.acknowledged ?? ""),
      "",
      inv.debtor.address ?? "",
      inv.debtor.siren ?? "",
      "",
      "",
      "",
      "",
      "",
      "",
    ];
    sheet.values.push(row);
    sheet.formulas.push(row.map((_, c) => (i === 0 ? (FORMULAS[c] ?? "") : "")));
    sheet.numberFormats.push(
      row.map((_, c) =>
        DATE_COLUMNS.has(c) ? DATE_FORMAT : EURO_COLUMNS.has(c) ? EURO_FORMAT : "",
      ),
    );
  });
  const last = 1000;
  sheet.dataValidations = [
    {
      a1: `D2:D${last}`,
      kind: "list",
      values: ["Professionnel", "Particulier"],
      helpText: "Professionnel (B2B) ou Particulier",
    },
    {
      a1: `I2:I${last}`,
      kind: "list",
      values: ["Standard", "Fidèle", "En difficulté", "Récalcitrant"],
      helpText: "Ton et rythme des relances",
    },
    // Invalid values allowed: a migrated ledger may hold « Oui » or « x », which Recouvra reads.
    { a1: `J2:J${last}`, kind: "checkbox", allowInvalid: true },
    {
      a1: `L2:L${last}`,
      kind: "list",
      values: [
        "Relance de courtoisie",
        "Relance ferme",
        "Mise en demeure",
        "Transmission à un professionnel",
      ],
      helpText: "Écrit par Recouvra ; à saisir seulement pour reprendre un suivi existant",
    },
  ];
  sheet.conditionalFormats = [
    {
      ranges: [`O2:O${last}`],
      condition: { kind: "textEqualTo", value: "Litige" },
      background: "#F4CCCC",
    },
    {
      ranges: [`O2:O${last}`],
      condition: { kind: "textEqualTo", value: "Soldée" },
      fontColor: "#6AA84F",
    },
    {
      ranges: [`O2:O${last}`],
      condition: { kind: "textEqualTo", value: "Prescrite" },
      fontColor: "#999999",
    },
    {
      ranges: [`O2:O${last}`],
      condition: { kind: "textContains", value: "Erreur" },
      fontColor: "#CC0000",
      bold: true,
    },
  ];
  return sheet;
}

const CHANNEL: Record<Step, string> = {
  "Relance de courtoisie": "Email",
  "Relance ferme": "Email",
  "Mise en demeure": "Courrier + email",
  "Transmission à un professionnel": "Dossier",
};

function subjectOf(step: Step, inv: Invoice): string {
  switch (step) {
    case "Relance de courtoisie":
      return `${COMPANY} — Facture ${inv.n} : rappel de paiement`;
    case "Relance ferme":
      return `${COMPANY} — Relance : facture ${inv.n} impayée`;
    case "Mise en demeure":
      return `${COMPANY} — Mise en demeure de payer — facture ${inv.n}`;
    case "Transmission à un professionnel":
      return `Dossier de recouvrement — ${inv.debtor.name}`;
  }
}

function documentOf(step: Step, inv: Invoice, date: string): string {
  const fr = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
  if (step === "Mise en demeure") return `Mise en demeure — ${inv.debtor.name} — ${inv.n} — ${fr}`;
  if (step === "Transmission à un professionnel")
    return `Dossier de recouvrement — ${inv.debtor.name} — ${inv.n} — ${fr}`;
  return "";
}

/** The Journal Recouvra kept since it was installed (September 2026): every 2026 step
 * of the ledger, at the 9 o'clock run; older steps were typed in when migrating. */
function journalSheet(): SheetModel {
  const sheet = emptySheet("Journal");
  const headers = [
    "Date",
    "Factures",
    "Client",
    "Étape",
    "Canal",
    "Destinataire",
    "Objet",
    "Résultat",
    "Document",
    "Par",
  ];
  sheet.columnWidths = [140, 120, 220, 200, 130, 300, 420, 110, 380, 260];
  const entries: { at: Date; row: CellValue[] }[] = [];
  for (const inv of INVOICES) {
    for (const [step, date] of inv.steps ?? []) {
      if (date < "2026-09-01") continue;
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      const at = fromWallClock({ year: y, month: m, day: d, hour: 9, minute: 0 }, TIME_ZONE);
      const noEmail = inv.debtor.email === "" && CHANNEL[step] === "Email";
      const handover = step === "Transmission à un professionnel";
      entries.push({
        at,
        row: [
          at,
          inv.n,
          inv.debtor.name,
          step,
          noEmail ? "Tâche" : CHANNEL[step],
          noEmail ? "" : handover ? "Me Lambert, commissaire de justice" : inv.debtor.email,
          noEmail
            ? `Appeler ${inv.debtor.name} au sujet de la facture ${inv.n}`
            : subjectOf(step, inv),
          noEmail ? "Tâche à faire" : handover ? "Dossier prêt" : "Envoyé",
          documentOf(step, inv, date),
          handover ? USER : `Recouvra (envoi automatique, ${SENDER})`,
        ],
      });
    }
  }
  entries.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || String(a.row[1]).localeCompare(String(b.row[1])),
  );
  sheet.values = [headers, ...entries.map((e) => e.row)];
  sheet.formulas = sheet.values.map((r) => r.map(() => ""));
  sheet.numberFormats = sheet.values.map((r, i) =>
    r.map((_, c) => (i > 0 && c === 0 ? DATE_TIME_FORMAT : "")),
  );
  return sheet;
}

/** The creditor's identity, as « Paramètres » keeps it (labels of src/domain/settings-table.ts). */
function settingsSheet(): SheetModel {
  const sheet = emptySheet("Paramètres");
  sheet.columnWidths = [200, 360];
  sheet.values = [
    ["Paramètre", "Valeur"],
    ["Raison sociale", COMPANY],
    ["Adresse", "12 rue des Presses\n69002 Lyon"],
    ["Ville", "Lyon"],
    ["SIREN", "812345676"],
    ["Email", SENDER],
    // In the range ARCEP reserves for fiction.
    ["Téléphone", "04 65 71 23 45"],
    ["Signature", "Marie Durand, gérante"],
    // Fictitious, with valid RIB key and IBAN check digits.
    ["IBAN", "FR76 1234 5012 3412 3456 0000 088"],
    ["BIC", "EXMPFRPPXXX"],
    ["Référence à rappeler", "{{factures}}"],
  ];
  sheet.formulas = sheet.values.map((r) => r.map(() => ""));
  sheet.numberFormats = sheet.values.map((r) => r.map(() => ""));
  return sheet;
}

export function exampleWorkbook(): WorkbookModel {
  return {
    name: "creances",
    timeZone: TIME_ZONE,
    locale: "fr_FR",
    sheets: [ledgerSheet(), journalSheet(), settingsSheet()],
    namedRanges: [],
  };
}

async function main(): Promise<void> {
  const wb = exampleWorkbook();
  const xlsx = await xlsxBytes(wb, { date: midnightIn(REFERENCE_DAY, TIME_ZONE) });
  writeFileSync(join(HERE, "creances.xlsx"), xlsx);
  // UTF-8 with a BOM, so that Excel France opens the accents right.
  const csv = `\uFEFF${writeCsv(wb.sheets[0] as SheetModel, TIME_ZONE, { formulas: true })}`;
  writeFileSync(join(HERE, "creances.csv"), csv);
  console.log(`examples/creances.xlsx et examples/creances.csv : ${INVOICES.length} factures.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
