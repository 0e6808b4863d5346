// « Tableau de bord » through the built bundle: created by « Initialiser le classeur »,
// refreshed by the morning run and the menu, written in one setValues, with a stacked
// column chart built by EmbeddedChartBuilder; the .xlsx keeps every figure.
import { describe, expect, it } from "vitest";
import { readXlsx, xlsxBytes } from "../../sandbox/files/xlsx";
import type { SheetModel } from "../../sandbox/model";
import {
  editInvoice,
  invoiceRow,
  openLedger,
  plain,
  runOn,
  sheet,
  shown,
} from "./daily-run-harness";

const ROWS = [
  invoiceRow({
    invoice: "F-1",
    client: "Alpha SARL",
    email: "compta@alpha.example",
    invoiceDate: "2026-08-01",
    due: "2026-08-31",
    amount: 1000,
    lastStep: "Relance ferme",
    lastStepDate: "2026-09-07",
  }),
  invoiceRow({
    invoice: "F-2",
    client: "Bêta SAS",
    email: "compta@beta.example",
    due: "2026-11-30",
    amount: 500,
  }),
  invoiceRow({ invoice: "F-3", client: "Gamma", due: "2026-10-20", amount: 800, paid: 200 }),
];

/** The value beside a label of column A, and its number format. */
function figure(s: SheetModel, label: string, column = 1): { value: unknown; format: string } {
  const row = s.values.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no line « ${label} »`);
  return { value: shown(s.values[row]?.[column]), format: s.numberFormats[row]?.[column] ?? "" };
}

describe("« Tableau de bord »", () => {
  it("is created by Initialiser le classeur with the ledger's figures, in French formats", () => {
    const sb = openLedger(ROWS, { now: "2026-11-25T08:00" });
    const s = sheet(sb, "Tableau de bord");
    expect(s.values[0]?.[0]).toBe("Tableau de bord au 25/11/2026");
    // 1 000 + 500 + (800 − 200); F-2 falls due on 30/11.
    expect(figure(s, "Encours")).toEqual({ value: 2100, format: '#,##0.00 "€"' });
    expect(figure(s, "Dont échu").value).toBe(1600);
    expect(figure(s, "Factures ouvertes").value).toBe(3);
    // 2 100 open ÷ (F-2 500 invoiced 31/10 + F-3 800 invoiced 20/09) × 90 = 145,4 days.
    expect(figure(s, "DSO (90 jours)")).toEqual({ value: 145.4, format: '0.0 "j"' });
    expect(figure(s, "Relancée").value).toBe(1000);
    // Alpha: 86 days late (61–90); Gamma: 36 (31–60); Bêta not due.
    expect(s.values.find((r) => r[0] === "Alpha SARL")?.slice(0, 7)).toEqual([
      "Alpha SARL",
      0,
      0,
      0,
      1000,
      0,
      1000,
    ]);
    expect(s.values.find((r) => r[0] === "Total")?.slice(0, 7)).toEqual([
      "Total",
      500,
      0,
      600,
      1000,
      0,
      2100,
    ]);
  });

  it("draws the ageing balance as stacked columns with Sheets' chart builder, and the .xlsx keeps every figure", async () => {
    const sb = openLedger(ROWS, { now: "2026-11-25T08:00" });
    const s = sheet(sb, "Tableau de bord");
    const header = s.values.findIndex((r) => r[0] === "Balance âgée") + 1;
    expect(s.charts).toHaveLength(1);
    expect(s.charts?.[0]).toMatchObject({
      type: "COLUMN",
      ranges: [`A${header}:F${header + 3}`],
      numHeaders: 1,
      options: { isStacked: true, title: "Balance âgée des plus gros encours" },
      position: { row: 3, column: 9 },
    });
    const back = await readXlsx(await xlsxBytes(sb.workbook), { timeZone: "Europe/Paris" });
    const exported = back.sheets.find((x) => x.name === "Tableau de bord") as SheetModel;
    expect(figure(exported, "Encours").value).toBe(2100);
    expect(figure(exported, "DSO il y a 60 jours").value).toBe(
      figure(s, "DSO il y a 60 jours").value,
    );
    expect(exported.values.find((r) => r[0] === "Total")?.slice(0, 7)).toEqual([
      "Total",
      500,
      0,
      600,
      1000,
      0,
      2100,
    ]);
  });

  it("is refreshed by the morning run and the menu, in one setValues, the chart updated in place", () => {
    const sb = openLedger(ROWS, { now: "2026-11-25T08:00" });
    editInvoice(sb, "F-3", "Montant payé", 800);
    runOn(sb, "2026-11-26");
    const s = sheet(sb, "Tableau de bord");
    expect(s.values[0]?.[0]).toBe("Tableau de bord au 26/11/2026");
    expect(figure(s, "Encours").value).toBe(1500);
    expect(s.values.some((r) => r[0] === "Gamma")).toBe(false);

    editInvoice(sb, "F-2", "Montant payé", 500);
    sb.calls.reset();
    sb.run("refreshDashboardFromMenu");
    expect(sb.calls.counts["SpreadsheetApp.Range.setValues"]).toBe(1);
    expect(figure(s, "Encours").value).toBe(1000);
    expect(s.charts).toHaveLength(1);
    expect(s.charts?.[0]?.ranges).toEqual([
      `A${s.values.findIndex((r) => r[0] === "Balance âgée") + 1}:F${s.values.findIndex((r) => r[0] === "Balance âgée") + 2}`,
    ]);
    expect(plain(sb.ui.toasts.at(-1)?.message ?? "")).toContain(
      "Tableau de bord actualisé : encours 1 000,00 €",
    );
  });
});

describe("« Tableau de bord » of the example ledger", () => {
  it("matches the encours, the past due and the ageing balance added up row by row", async () => {
    const workbook = await readXlsx("examples/creances.xlsx", { timeZone: "Europe/Paris" });
    const source = workbook.sheets.find((s) => s.name === "Créances") as SheetModel;
    const header = (source.values[0] ?? []).map(String);
    const col = (h: string) => header.indexOf(h);
    const today = "2026-11-26";
    const buckets = [0, 0, 0, 0, 0];
    const debtors = new Set<string>();
    let open = 0;
    for (const r of source.values.slice(1)) {
      const typed = r[col("Montant TTC")];
      // « 1 850,00 € » typed as text is an amount too.
      const amount =
        typeof typed === "string" && /^[\d\s\u202f\u00a0]+,\d\d\s?€$/.test(typed)
          ? Number(typed.replace(/[^\d,]/g, "").replace(",", "."))
          : typed;
      const invoiced = shown(r[col("Date facture")]);
      // A blank Échéance is Date facture + 30 days (L441-10 I).
      const due =
        shown(r[col("Échéance")]) ||
        (typeof invoiced === "string"
          ? new Date(Date.parse(invoiced) + 30 * 86_400_000).toISOString().slice(0, 10)
          : undefined);
      // The two rows npm start reports in French (a Type « Entreprise », a TTC « voir devis »).
      if (typeof amount !== "number" || r[col("Type")] === "Entreprise" || typeof due !== "string")
        continue;
      const paid = Number(r[col("Montant payé")] || 0);
      const owed = Math.round((amount - paid) * 100) / 100;
      if (owed <= 0) continue;
      const late = (Date.parse(today) - Date.parse(due)) / 86_400_000;
      buckets[late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4] += owed;
      debtors.add(
        String(r[col("Client")])
          .toLowerCase()
          .replace(/[^a-z0-9]/g, ""),
      );
      open++;
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    const total = round(buckets.reduce((s, b) => s + b, 0));

    const sb = openLedger([], { now: `${today}T08:00` });
    const ss = sb.services.SpreadsheetApp.getActiveSpreadsheet();
    const ledger = ss.getSheetByName("Créances") as GoogleAppsScript.Spreadsheet.Sheet;
    const rows = source.values
      .filter((r) => r.some((v) => v !== ""))
      .map((r) => r.slice(0, header.length));
    ledger.getRange(1, 1, rows.length, header.length).setValues(rows);
    sb.run("refreshDashboardFromMenu");
    const s = sheet(sb, "Tableau de bord");
    expect(figure(s, "Encours").value).toBe(total);
    expect(figure(s, "Dont échu").value).toBe(round(total - (buckets[0] ?? 0)));
    expect(figure(s, "Factures ouvertes").value).toBe(open);
    expect(figure(s, "Clients débiteurs").value).toBe(debtors.size);
    expect(s.values.find((r) => r[0] === "Total")?.slice(1, 6)).toEqual(buckets.map(round));
  });
});
