// The « Statut » cell's note, through the built bundle: « Initialiser le classeur » and each
// morning run write each row's notes there (an Échéance beyond the legal term of L441-10 I),
// read and written in bulk, only when one changed; a user's notes elsewhere stay.
import { describe, expect, it } from "vitest";
import { readXlsx, xlsxBytes } from "../../sandbox/files/xlsx";
import {
  addDays,
  day,
  editInvoice,
  invoiceRow,
  openLedger,
  runOn,
  sheet,
} from "./daily-run-harness";

const INVOICE_DATE = "2026-07-01";
const LATE_DUE = addDays(INVOICE_DATE, 121); // 30/10/2026

function statusNotes(sb: ReturnType<typeof openLedger>): Map<string, string> {
  const s = sheet(sb, "Créances");
  const header = (s.values[0] ?? []).map(String);
  const status = header.indexOf("Statut");
  const out = new Map<string, string>();
  s.values.forEach((r, i) => {
    if (i > 0 && r[0] !== "") out.set(String(r[0]), s.notes?.[i]?.[status] ?? "");
  });
  return out;
}

function cellOf(sb: ReturnType<typeof openLedger>, invoice: string, header: string) {
  const s = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances");
  if (!s) throw new Error("no ledger");
  const values = s.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === invoice) + 1;
  const column = (values[0] ?? []).indexOf(header) + 1;
  return s.getRange(row, column);
}

describe("the Statut cell's note", () => {
  it("flags an Échéance 121 days after the invoice, clears it once fixed, leaves the user's notes", async () => {
    const sb = openLedger(
      [
        invoiceRow({
          invoice: "F-LATE",
          client: "Garnier SAS",
          email: "compta@garnier.example",
          invoiceDate: INVOICE_DATE,
          due: LATE_DUE,
          amount: 1200,
        }),
        invoiceRow({
          invoice: "F-OK",
          client: "Martin SARL",
          email: "compta@martin.example",
          invoiceDate: INVOICE_DATE,
          due: addDays(INVOICE_DATE, 30),
          amount: 800,
        }),
      ],
      { now: "2026-11-02T08:00" },
    );
    // « Initialiser le classeur » already wrote it.
    const note = statusNotes(sb).get("F-LATE") ?? "";
    expect(note).toBe(
      "Échéance au-delà du délai légal de paiement : le 30/10/2026, plus de 60 jours après la facture du 01/07/2026 (article L441-10 I du Code de commerce : 60 jours, ou 45 jours fin de mois) ; l'échéance est conservée telle quelle",
    );
    expect(statusNotes(sb).get("F-OK")).toBe("");

    // The user's own notes, on another column of both rows and on the lawful row's Statut.
    cellOf(sb, "F-LATE", "Client").setNote("Voir avec le commercial");
    cellOf(sb, "F-OK", "Montant TTC").setNote("Avoir en attente");
    cellOf(sb, "F-OK", "Statut").setNote("Appeler vendredi");

    // A run with nothing new writes no note at all.
    sb.calls.reset();
    runOn(sb, "2026-11-02");
    expect(sb.calls.counts["SpreadsheetApp.Range.getNotes"]).toBe(1);
    expect(sb.calls.counts["SpreadsheetApp.Range.setNotes"]).toBeUndefined();
    expect(statusNotes(sb).get("F-LATE")).toBe(note);

    // The Échéance fixed to 60 days: the next run takes the note off, in one write.
    editInvoice(sb, "F-LATE", "Échéance", day(addDays(INVOICE_DATE, 60)));
    sb.calls.reset();
    runOn(sb, "2026-11-03");
    expect(sb.calls.counts["SpreadsheetApp.Range.setNotes"]).toBe(1);
    expect(statusNotes(sb).get("F-LATE")).toBe("");
    expect(cellOf(sb, "F-LATE", "Client").getNote()).toBe("Voir avec le commercial");
    expect(cellOf(sb, "F-OK", "Montant TTC").getNote()).toBe("Avoir en attente");
    expect(cellOf(sb, "F-OK", "Statut").getNote()).toBe("Appeler vendredi");

    // Late again: the note is back, and the .xlsx npm start writes shows it as a comment.
    editInvoice(sb, "F-LATE", "Échéance", day(LATE_DUE));
    runOn(sb, "2026-11-04");
    expect(statusNotes(sb).get("F-LATE")).toBe(note);
    const back = await readXlsx(await xlsxBytes(sb.workbook));
    const ledger = back.sheets.find((s) => s.name === "Créances");
    const status = (ledger?.values[0] ?? []).indexOf("Statut");
    const row = (ledger?.values ?? []).findIndex((r) => r[0] === "F-LATE");
    expect(ledger?.notes?.[row]?.[status]).toBe(note);
  });
});
