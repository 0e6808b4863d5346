// The example ledger a newcomer opens: examples/creances.xlsx and examples/creances.csv.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleWorkbook, REFERENCE_DAY } from "../../examples/make-example.js";
import { readCsv } from "../../sandbox/files/csv.js";
import { readXlsx, xlsxBytes } from "../../sandbox/files/xlsx.js";
import type { CellValue, SheetModel } from "../../sandbox/model.js";
import { calendarDateIn, midnightIn } from "../../sandbox/tz.js";

const ROOT = resolve(import.meta.dirname, "../..");
const XLSX = resolve(ROOT, "examples/creances.xlsx");
const CSV = resolve(ROOT, "examples/creances.csv");
const PARIS = "Europe/Paris";

const HEADERS = [
  "N° facture",
  "Client",
  "Email",
  "Type",
  "Date facture",
  "Échéance",
  "Montant TTC",
  "Montant payé",
  "Profil",
  "Litige",
  "Suspendu jusqu'au",
  "Dernière étape",
  "Date dernière étape",
  "Date reconnaissance",
  "Procédure collective",
  "Adresse",
  "SIREN",
];
const COMPUTED = [
  "Statut",
  "Prochaine étape",
  "Date prochaine étape",
  "Pénalités",
  "Indemnité",
  "Prescription",
];
/** Column index of a canonical header. */
const C = (header: string) => HEADERS.indexOf(header);

async function ledger() {
  const wb = await readXlsx(XLSX);
  const sheet = wb.sheets.find((s) => s.name === "Créances") as SheetModel;
  return { wb, sheet, rows: sheet.values.slice(1) };
}

const day = (v: CellValue) => (v instanceof Date ? calendarDateIn(v, PARIS) : "");

describe("examples/creances.xlsx", () => {
  it("is the ledger of docs/ledger.md: canonical headers in A1:Q1, computed columns R:W with their formulas", async () => {
    const { wb, sheet } = await ledger();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Créances", "Journal", "Paramètres"]);
    expect(sheet.values[0]).toEqual([...HEADERS, ...COMPUTED]);
    expect(sheet.formulas[1]?.slice(17)).toEqual([
      "=STATUT_CREANCE(A2:Q; A1:Q1; TODAY())",
      "=NEXT_RELANCE(A2:Q; A1:Q1; TODAY())",
      "",
      "=PENALITES_RETARD(A2:Q; A1:Q1; TODAY())",
      "=INDEMNITE_RECOUVREMENT(A2:Q; A1:Q1; TODAY())",
      "=DATE_PRESCRIPTION(A2:Q; A1:Q1)",
    ]);
    expect(sheet.formulas.slice(2).every((r) => r.every((f) => f === ""))).toBe(true);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.columnWidths?.[C("Client")]).toBeGreaterThan(150);
    expect(sheet.numberFormats[1]?.[C("Échéance")]).toBe("dd/mm/yyyy");
    expect(sheet.numberFormats[1]?.[C("Montant TTC")]).toMatch(/€/);
    const kinds = sheet.dataValidations.map((v) => `${v.a1.replace(/\d+/g, "")}:${v.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(["D:D:list", "I:I:list", "J:J:checkbox"]));
  });

  it("holds at least 34 invoices of 12 debtors, with every Type and Profil", async () => {
    const { rows } = await ledger();
    expect(rows.length).toBeGreaterThanOrEqual(34);
    expect(new Set(rows.map((r) => r[C("Client")])).size).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    const types = new Set(rows.map((r) => r[C("Type")]));
    expect(types).toEqual(new Set(["Professionnel", "Particulier", "Entreprise"])); // the last one: the error row
    expect(new Set(rows.map((r) => r[C("Profil")]))).toEqual(
      new Set(["Standard", "Fidèle", "En difficulté", "Récalcitrant"]),
    );
    for (const step of [
      "Relance de courtoisie",
      "Relance ferme",
      "Mise en demeure",
      "Transmission à un professionnel",
    ])
      expect(
        rows.some((r) => r[C("Dernière étape")] === step),
        step,
      ).toBe(true);
  });

  it("covers the situations of docs/ledger.md and docs/ladder.md around the reference day", async () => {
    const { rows } = await ledger();
    const today = REFERENCE_DAY;
    const col = (r: CellValue[], h: string) => r[C(h)] as CellValue;
    const due = (r: CellValue[]) => day(col(r, "Échéance"));
    expect(rows.some((r) => due(r) > today)).toBe(true); // not yet due
    expect(rows.some((r) => due(r) === today)).toBe(true); // due today
    expect(rows.some((r) => col(r, "Échéance") === "")).toBe(true); // blank Échéance
    expect(rows.some((r) => col(r, "Email") === "")).toBe(true); // no email: call task
    expect(
      rows.some(
        (r) =>
          typeof col(r, "Montant TTC") === "string" &&
          /^\d[\d ]*,\d\d €$/.test(col(r, "Montant TTC") as string),
      ),
    ).toBe(true);
    expect(rows.some((r) => col(r, "Montant TTC") === "voir devis")).toBe(true); // malformed amount
    const paid = (r: CellValue[]) => Number(col(r, "Montant payé") || 0);
    const amount = (r: CellValue[]) => Number(col(r, "Montant TTC"));
    expect(rows.some((r) => paid(r) > 0 && paid(r) < amount(r))).toBe(true);
    expect(rows.some((r) => paid(r) === amount(r))).toBe(true);
    expect(rows.some((r) => paid(r) > amount(r))).toBe(true);
    const litige = rows.map((r) => col(r, "Litige"));
    expect(litige).toEqual(expect.arrayContaining([true, false, "Oui", "x"]));
    const suspended = rows.map((r) => day(col(r, "Suspendu jusqu'au"))).filter(Boolean);
    expect(suspended.some((d) => d > today) && suspended.some((d) => d < today)).toBe(true);
    expect(rows.some((r) => day(col(r, "Date reconnaissance")) !== "")).toBe(true);
    // Several invoices of one debtor due for the same step, nothing done yet.
    const fresh = rows.filter(
      (r) => col(r, "Dernière étape") === "" && due(r) < today && col(r, "Litige") === false,
    );
    const perClient = new Map<CellValue, number>();
    for (const r of fresh)
      perClient.set(col(r, "Client"), (perClient.get(col(r, "Client")) ?? 0) + 1);
    expect(Math.max(...perClient.values())).toBeGreaterThanOrEqual(3);
    // Dates at midnight in Paris, as Sheets holds date cells.
    expect(col(rows[0] as CellValue[], "Date facture")).toEqual(
      midnightIn(day(col(rows[0] as CellValue[], "Date facture")), PARIS),
    );
  });

  it("uses reserved email domains only", async () => {
    const { rows } = await ledger();
    const emails = rows
      .flatMap((r) => String(r[C("Email")]).split(/[;,]/))
      .map((e) => e.trim())
      .filter(Boolean);
    expect(emails.length).toBeGreaterThan(20);
    for (const e of emails) expect(e).toMatch(/@([a-z0-9-]+\.)*(example|exemple\.test)$/);
  });

  it("has a Journal consistent with « Dernière étape » and the creditor's identity in « Paramètres »", async () => {
    const { wb, rows } = await ledger();
    const journal = wb.sheets[1] as SheetModel;
    expect(journal.values[0]).toEqual([
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
    ]);
    expect(journal.values.length).toBeGreaterThan(10);
    const lastInJournal = new Map<string, [string, string]>();
    for (const e of journal.values.slice(1))
      lastInJournal.set(String(e[1]), [String(e[3]), day(e[0] as CellValue)]);
    for (const r of rows) {
      const step = r[C("Dernière étape")];
      const date = day(r[C("Date dernière étape")] as CellValue);
      if (step === "" || date < "2026-09-01") continue;
      expect(lastInJournal.get(String(r[0])), String(r[0])).toEqual([step, date]);
    }
    const settings = new Map((wb.sheets[2] as SheetModel).values.map((r) => [r[0], r[1]]));
    for (const key of [
      "Raison sociale",
      "Adresse",
      "SIREN",
      "Email",
      "Signature",
      "IBAN",
      "BIC",
      "Référence à rappeler",
    ])
      expect(String(settings.get(key) ?? ""), key).not.toBe("");
    const iban = String(settings.get("IBAN")).replace(/\s/g, "");
    expect(iban).toMatch(/^FR76\d{23}$/);
    const rearranged = `${iban.slice(4)}152776`;
    expect([...rearranged].reduce((r, d) => (r * 10 + Number(d)) % 97, 0)).toBe(1);
  });

  it("is what examples/make-example.ts generates (regenerate after a change)", async () => {
    const bytes = await xlsxBytes(exampleWorkbook(), { date: midnightIn(REFERENCE_DAY, PARIS) });
    expect(Buffer.from(bytes).equals(readFileSync(XLSX))).toBe(true);
  });
});

describe("examples/creances.csv", () => {
  it("is the same ledger in French CSV", async () => {
    const { sheet } = await ledger();
    const csv = readCsv(readFileSync(CSV)).sheets[0] as SheetModel;
    expect(csv.values.length).toBe(sheet.values.length);
    expect(csv.formulas[1]).toEqual(sheet.formulas[1]);
    csv.values.forEach((row, r) => {
      row.slice(0, 14).forEach((v, c) => {
        const x = sheet.values[r]?.[c];
        // The one amount typed as text in the .xlsx is a number once imported from CSV.
        const expected = typeof x === "string" && /^\d[\d ]*,\d\d €$/.test(x) ? 1850 : x;
        expect(v, `${HEADERS[c]} ligne ${r + 1}`).toEqual(expected);
      });
    });
  });
});
