// « Paiement reçu » and the bank-statement import through the built bundle, as the sidebar
// calls them: the ledger, the Journal, the dashboard and the next run all see the payment.
import { describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index";
import {
  invoiceRow,
  journal,
  ledger,
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
  }),
  invoiceRow({
    invoice: "F-2",
    client: "Alpha SARL",
    email: "compta@alpha.example",
    invoiceDate: "2026-09-15",
    due: "2026-10-15",
    amount: 600,
  }),
  invoiceRow({
    invoice: "F-3",
    client: "Hôtel du Port",
    email: "direction@hotel-du-port.example",
    due: "2026-11-02",
    amount: 1850,
  }),
  invoiceRow({
    invoice: "F-4",
    client: "Jean Durand",
    email: "jean.durand@exemple.test",
    type: "Particulier",
    due: "2026-11-05",
    amount: 450,
  }),
];

function api<T>(sb: Sandbox, name: string, request: unknown): T {
  return sb.run<T>("api", name, request);
}

function apiError(sb: Sandbox, name: string, request: unknown): string {
  try {
    api(sb, name, request);
  } catch (e) {
    return plain(String(e instanceof Error ? e.message : e));
  }
  throw new Error("no refusal");
}

describe("« Paiement reçu »", () => {
  it("goes to the oldest invoices first: Montant payé, Date reconnaissance with its note, the Journal, the dashboard", () => {
    const sb = openLedger(ROWS, { now: "2026-11-26T10:00" });
    const r = api<{
      message: string;
      dossier: { invoices: { invoice: string; paid: number; status: string }[] };
    }>(sb, "apiRecordPayment", {
      client: "Alpha SARL",
      date: "2026-11-24",
      amount: 1200,
      means: "Virement",
    });
    expect(plain(r.message)).toBe(
      "Paiement de 1 200,00 € enregistré — F-1 : 1 000,00 € (soldée) ; F-2 : 200,00 € (paiement partiel, Date reconnaissance mise à jour).",
    );
    expect(r.dossier.invoices.map((i) => [i.invoice, i.paid, i.status])).toEqual([
      ["F-1", 1000, "Soldée"],
      ["F-2", 200, "Échue"],
    ]);
    const rows = ledger(sb);
    expect(rows.get("F-1")?.values["Montant payé"]).toBe(1000);
    expect(rows.get("F-2")?.values["Montant payé"]).toBe(200);
    expect(rows.get("F-2")?.values["Date reconnaissance"]).toBe("2026-11-24");
    expect(rows.get("F-1")?.values["Date reconnaissance"]).toBe("");
    const s = sheet(sb, "Créances");
    const ackColumn = (s.values[0] ?? []).indexOf("Date reconnaissance");
    expect(plain(s.notes?.[(rows.get("F-2")?.row ?? 0) - 1]?.[ackColumn] ?? "")).toContain(
      "Paiement partiel de 200,00 € reçu le 24/11/2026 : il vaut reconnaissance de dette",
    );
    expect(
      journal(sb)
        .filter((l) => l.step === "Paiement reçu")
        .map((l) => [l.invoices, l.channel, plain(l.subject), l.outcome]),
    ).toEqual([
      ["F-1", "Virement", "Paiement du 24/11/2026 : 1 000,00 €", "Encaissé — facture soldée"],
      [
        "F-2",
        "Virement",
        "Paiement du 24/11/2026 : 200,00 €",
        "Encaissé — paiement partiel (reconnaissance de dette, C. civ. 2240)",
      ],
    ]);
    const overview = api<{ recovered: { thisMonth: number }; outstanding: number }>(
      sb,
      "apiOverview",
      { refreshSheet: true },
    );
    expect(overview.recovered.thisMonth).toBe(1200);
    expect(overview.outstanding).toBe(400 + 1850 + 450);
    const board = sheet(sb, "Tableau de bord");
    expect(board.values.find((r) => r[0] === "Encaissé ce mois-ci")?.[1]).toBe(1200);
  });

  it("a fully paid invoice stops at once: the next run sends it nothing", () => {
    const sb = openLedger(ROWS, { now: "2026-11-26T08:00" });
    api(sb, "apiRecordPayment", {
      client: "Hôtel du Port",
      date: "2026-11-25",
      amount: 1850,
      means: "Chèque",
      invoices: ["F-3"],
    });
    const run = runOn(sb, "2026-11-26");
    expect(run.actions.flatMap((a) => a.invoices)).not.toContain("F-3");
    expect(sb.mails.some((m) => m.to.includes("hotel-du-port"))).toBe(false);
    expect(run.actions.flatMap((a) => a.invoices)).toContain("F-4");
  });

  it("refuses in French what cannot be right, and writes nothing", () => {
    const sb = openLedger(ROWS, { now: "2026-11-26T10:00" });
    const before = structuredClone(sheet(sb, "Créances").values);
    expect(
      apiError(sb, "apiRecordPayment", {
        client: "Alpha SARL",
        date: "2026-11-27",
        amount: 10,
        means: "Espèces",
      }),
    ).toContain("La date du paiement ne peut pas être dans le futur.");
    expect(
      apiError(sb, "apiRecordPayment", {
        client: "Alpha SARL",
        date: "2026-11-20",
        amount: 700,
        means: "Carte",
        invoices: ["F-2"],
      }),
    ).toContain("Le paiement (700,00 €) dépasse ce que doivent les factures choisies (600,00 €)");
    expect(
      apiError(sb, "apiRecordPayment", {
        client: "Alpha SARL",
        date: "2026-11-20",
        amount: 10,
        means: "Bitcoin",
      }),
    ).toContain("means");
    expect(sheet(sb, "Créances").values).toEqual(before);
    expect(journal(sb).filter((l) => l.step === "Paiement reçu")).toEqual([]);
  });
});

const STATEMENT = [
  "Date;Libellé;Débit euros;Crédit euros;",
  "24/11/2026;VIR SEPA HOTEL DU PORT FACT F-3;;1 850,00;",
  "24/11/2026;PRLV URSSAF;812,00;;",
  "25/11/2026;VIR M JEAN DURAND;;450,00;",
  "25/11/2026;REMISE CHEQUES;;300,00;",
].join("\r\n");

describe("a bank statement imported", () => {
  it("is shown for review with nothing written, then records only the lines confirmed", () => {
    const sb = openLedger(ROWS, { now: "2026-11-26T10:00" });
    const before = structuredClone(sheet(sb, "Créances").values);
    const review = api<{
      matched: {
        line: number;
        client: string;
        kind: string;
        allocations: { invoice: string; amount: number }[];
      }[];
      unmatched: { line: number; reason: string }[];
      debits: number;
    }>(sb, "apiPreviewStatement", { text: STATEMENT });
    expect(
      review.matched.map((m) => [m.line, m.client, m.kind, m.allocations.map((a) => a.invoice)]),
    ).toEqual([
      [2, "Hôtel du Port", "invoice", ["F-3"]],
      [4, "Jean Durand", "amount", ["F-4"]],
    ]);
    expect(review.unmatched).toEqual([
      expect.objectContaining({
        line: 5,
        reason: "Aucun numéro de facture ni client reconnu dans le libellé.",
      }),
    ]);
    expect(review.debits).toBe(1);
    expect(sheet(sb, "Créances").values).toEqual(before);
    expect(journal(sb).filter((l) => l.step === "Paiement reçu")).toEqual([]);

    // The user confirms the first line only.
    const done = api<{
      message: string;
      review: { matched: { line: number }[]; unmatched: { line: number; reason: string }[] };
    }>(sb, "apiRecordStatement", { text: STATEMENT, lines: [2] });
    expect(plain(done.message)).toBe("1 paiement enregistré (1 850,00 €).");
    expect(ledger(sb).get("F-3")?.values["Montant payé"]).toBe(1850);
    expect(ledger(sb).get("F-4")?.values["Montant payé"]).toBe(0);
    expect(
      journal(sb)
        .filter((l) => l.step === "Paiement reçu")
        .map((l) => [l.invoices, plain(l.subject)]),
    ).toEqual([
      ["F-3", "Paiement du 24/11/2026 : 1 850,00 € — relevé : VIR SEPA HOTEL DU PORT FACT F-3"],
    ]);
    // The same statement again: the recorded line is not proposed twice.
    expect(done.review.matched.map((m) => m.line)).toEqual([4]);
    expect(done.review.unmatched.find((u) => u.line === 2)?.reason).toBe(
      "Déjà enregistrée (voir le Journal).",
    );
    expect(apiError(sb, "apiRecordStatement", { text: STATEMENT, lines: [2] })).toContain(
      "Ligne 2 : plus rien à y rapprocher",
    );
    expect(shown(sheet(sb, "Créances").values[0]?.[0])).toBe("N° facture");
  });
});
