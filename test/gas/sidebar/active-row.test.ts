// « Dossier de la ligne sélectionnée » through the built bundle: the selected row opens its own
// debtor's dossier, even when another debtor bears the same name at another address.
import { describe, expect, it } from "vitest";
import { invoiceRow, openLedger } from "../daily-run-harness";

describe("the dossier of the selected row", () => {
  it("tells homonyms apart: each row opens its own debtor, never a refusal nor the other one", () => {
    const sb = openLedger(
      [
        invoiceRow({
          invoice: "F-1",
          client: "Dupont",
          email: "jean.dupont@exemple.test",
          type: "Particulier",
          due: "2026-11-10",
          amount: 300,
        }),
        invoiceRow({
          invoice: "F-2",
          client: "DUPONT",
          email: "compta@dupont-sa.example",
          due: "2026-11-05",
          amount: 12_000,
        }),
      ],
      { now: "2026-11-26T10:00" },
    );
    const sheet = sb.services.SpreadsheetApp.getActive().getSheetByName("Créances");
    const open = (row: number) => {
      sheet?.getRange(row, 1).activate();
      const { client } = sb.run("api", "apiActiveClient", {}) as { client: string | null };
      expect(client, `ligne ${row}`).not.toBeNull();
      return sb.run("api", "apiDossier", { client }) as {
        invoices: { invoice: string }[];
      };
    };
    expect(open(2).invoices.map((c) => c.invoice)).toEqual(["F-1"]);
    expect(open(3).invoices.map((c) => c.invoice)).toEqual(["F-2"]);
    sheet?.getRange(1, 1).activate();
    expect(sb.run("api", "apiActiveClient", {})).toEqual({ client: null });
  });
});
