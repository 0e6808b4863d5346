import { describe, expect, it } from "vitest";
import { clientList } from "../../src/views/clients";
import { dossierView } from "../../src/views/dossier";
import { sendNowPreview } from "../../src/views/send-now";
import { workList } from "../../src/views/work-list";
import { claim, d } from "../domain/fixtures";
import { lines, sent, source } from "./fixtures";

// Two debtors whose names differ only by case and accents, at different addresses: two
// people, never one message (debtorOf).
const homonyms = lines(
  claim({
    invoiceNumber: "E-1",
    client: "Élise Durand",
    email: "elise.durand@exemple.fr",
    clientType: "Particulier",
    dueDate: d("2026-10-31"),
    amount: 320,
  }),
  claim({
    invoiceNumber: "E-2",
    client: "elise durand",
    email: "e.durand@autre.fr",
    clientType: "Particulier",
    dueDate: d("2026-11-01"),
    amount: 150,
  }),
);

describe("« Clients »", () => {
  it("lists two debtors whose names differ only by case and accents as two, each opening its own dossier", () => {
    const list = clientList(source({ lines: homonyms }), false);
    expect(list.clients.map((c) => [c.client, c.invoices, c.emails])).toEqual([
      ["Élise Durand (elise.durand@exemple.fr)", ["E-1"], ["elise.durand@exemple.fr"]],
      ["elise durand (e.durand@autre.fr)", ["E-2"], ["e.durand@autre.fr"]],
    ]);
    expect(list.totals.debtors).toBe(2);
    for (const row of list.clients) {
      const dossier = dossierView(source({ lines: homonyms }), row.client);
      expect(dossier.invoices.map((i) => i.invoice)).toEqual(row.invoices);
    }
  });

  it("names each debtor done today as its dossier does, found by invoice", () => {
    const list = workList(
      source({
        lines: homonyms,
        journal: [
          sent("2026-11-26T09:00:00", ["E-1"], "Relance de courtoisie", "Élise Durand"),
          sent("2026-11-26T09:00:01", ["E-2"], "Relance de courtoisie", "elise durand"),
        ],
      }),
    );
    expect(list.done.map((x) => x.client)).toEqual([
      "Élise Durand (elise.durand@exemple.fr)",
      "elise durand (e.durand@autre.fr)",
    ]);
  });
});

describe("« Envoyer maintenant » for one of two homonyms", () => {
  it("names only that debtor's step, address and invoices", () => {
    const preview = sendNowPreview(source({ lines: homonyms }), "elise durand (e.durand@autre.fr)");
    expect(preview.actions.map((a) => [a.to, a.invoices.map((i) => i.invoice)])).toEqual([
      ["e.durand@autre.fr", ["E-2"]],
    ]);
  });
});
