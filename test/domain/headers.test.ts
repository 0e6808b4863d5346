import { describe, expect, it } from "vitest";
import { columnsOfHeaderRow, fieldOfHeader } from "../../src/domain/headers";
import { readLedgerRows, resolveColumns } from "../../src/domain/ledger";

describe("matching headers", () => {
  it("ignores case, accents, spaces and punctuation, and knows synonyms", () => {
    expect(fieldOfHeader("n° FACTURE")).toBe("invoiceNumber");
    expect(fieldOfHeader("Numéro de facture")).toBe("invoiceNumber");
    expect(fieldOfHeader("Facture")).toBe("invoiceNumber");
    expect(fieldOfHeader("ECHEANCE")).toBe("dueDate");
    expect(fieldOfHeader("Suspendu jusqu’au")).toBe("suspendedUntil");
    expect(fieldOfHeader("e-mail")).toBe("email");
    expect(fieldOfHeader("Statut")).toBeUndefined();
  });

  it("finds shuffled columns and ignores extra ones", () => {
    const headers = ["notes", "MONTANT ttc", "client", "date de facture", "facture"];
    expect(columnsOfHeaderRow(headers)).toEqual({
      amount: 1,
      client: 2,
      invoiceDate: 3,
      invoiceNumber: 4,
    });
    const [r] = readLedgerRows(
      [["à rappeler", "1 200,00", "Garage Petit", "01/10/2026", "F-9"]],
      headers,
    );
    expect(r).toMatchObject({
      kind: "claim",
      claim: { invoiceNumber: "F-9", amount: 1200, client: "Garage Petit" },
    });
    expect(r?.kind === "claim" && r.claim.email).toBeUndefined();
  });

  it("uses the canonical order when the header row is missing or blank", () => {
    expect(resolveColumns(undefined)).toEqual(resolveColumns(["", ""]));
    expect(resolveColumns(undefined).amount).toBe(6);
  });

  it("says which required column is missing", () => {
    const [r] = readLedgerRows([["F-1", "Garage Petit"]], ["Facture", "Client"]);
    expect(r).toEqual({
      kind: "error",
      message: "colonne introuvable : « Date facture », « Montant TTC »",
    });
  });

  it("finds the new columns under their synonyms", () => {
    expect(fieldOfHeader("Date du jugement d'ouverture")).toBe("insolvencyJudgment");
    expect(fieldOfHeader("Adresse postale")).toBe("address");
    expect(fieldOfHeader("N° SIREN")).toBe("siren");
    expect(fieldOfHeader("Adresse e-mail")).toBe("email");
  });
});
