// 40 malformed rows among good ones, and hostile text in a client's name: each bad row is
// reported in French (run report, and « Erreur : … » in Statut), nothing is sent for it, the
// others are processed; what comes from the sheet is escaped in the HTML email and the Doc,
// and never written back into a cell as a formula.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../sandbox/model";
import {
  day,
  docIdOf,
  docText,
  type Invoice,
  invoiceRow,
  journal,
  ledger,
  openLedger,
  runOn,
} from "./daily-run-harness";

const TODAY = "2026-11-26";

/** Eight ways a row goes wrong, each with the message the user reads. */
const BAD: { make: (n: number) => CellValue[]; message: (n: number) => string }[] = [
  {
    make: (n) => withCell(n, 0, ""),
    message: () => "N° facture : obligatoire",
  },
  { make: (n) => withCell(n, 1, ""), message: () => "Client : obligatoire" },
  {
    make: (n) => withCell(n, 6, "abc"),
    message: () => "Montant TTC : « abc » n'est pas un montant",
  },
  {
    make: (n) => withCell(n, 6, -50),
    message: () => "Montant TTC : doit être supérieur à 0 (reçu « -50 »)",
  },
  {
    make: (n) => withCell(n, 4, "32/13/2026"),
    message: () => "Date facture : « 32/13/2026 » n'est pas une date (jj/mm/aaaa)",
  },
  {
    make: (n) => withCell(n, 3, "Entreprise"),
    message: () => "Type : « Entreprise » inconnu (valeurs possibles : Professionnel, Particulier)",
  },
  {
    make: (n) => withCell(n, 2, `pas-une-adresse-${n}`),
    message: (n) => `Email : « pas-une-adresse-${n} » n'est pas une adresse email valide`,
  },
  {
    make: (n) => withCell(n, 11, "Relance ferme"),
    message: () =>
      "Date dernière étape : obligatoire quand la dernière étape est « Relance ferme »",
  },
];

function badInvoice(n: number): Invoice {
  return {
    invoice: `B-${n}`,
    client: `Mauvais ${n}`,
    email: `bad${n}@exemple.test`,
    due: "2026-11-18",
    amount: 100 + n,
  };
}
function withCell(n: number, column: number, value: CellValue): CellValue[] {
  const row = invoiceRow(badInvoice(n));
  row[column] = value;
  return row;
}

describe("40 malformed rows among good ones", () => {
  const good: Invoice[] = Array.from({ length: 10 }, (_, i) => ({
    invoice: `G-${i + 1}`,
    client: `Bon ${i + 1}`,
    email: `good${i + 1}@exemple.test`,
    due: "2026-11-18",
    amount: 1000 + i,
  }));
  // One good row, then four bad ones, and so on: bad rows never stop the others.
  const rows: CellValue[][] = [];
  const expected: { row: number; invoice: string; message: string }[] = [];
  for (let n = 0; n < 40; n++) {
    if (n % 4 === 0) rows.push(invoiceRow(good[n / 4] as Invoice));
    const kind = BAD[n % BAD.length] as (typeof BAD)[number];
    rows.push(kind.make(n));
    expected.push({
      row: rows.length + 1,
      invoice: n % 8 === 0 ? "" : `B-${n}`,
      message: kind.message(n),
    });
  }

  it("reports each in French, shows it in Statut, sends nothing for it, processes the others", () => {
    const sb = openLedger(rows, { now: `${TODAY}T08:00` });
    const report = runOn(sb, TODAY);
    expect(
      report.errors.map((e) => ({ row: e.row, invoice: e.invoice, message: e.message })),
    ).toEqual(expected);
    // Statut, as the user sees the sheet: « Erreur : … » on each bad row.
    const header = sb.workbook.sheets[0]?.values[0] ?? [];
    const statut = sb.workbook.sheets[0]?.values.map((r) => r[header.indexOf("Statut")]) ?? [];
    for (const e of expected) expect(statut[e.row - 1]).toBe(`Erreur : ${e.message}`);
    for (let i = 1; i <= 10; i++) expect(ledger(sb).get(`G-${i}`)?.status).toBe("Relancée");
    // The good ones got their reminder, the bad ones nothing.
    expect(sb.mails.map((m) => m.to).sort()).toEqual(good.map((g) => g.email).sort());
    expect(report.actions).toHaveLength(10);
    expect(journal(sb).filter((l) => l.invoices.startsWith("B-"))).toEqual([]);
    // And the menu's summary says so.
    sb.run("runDailyRelances");
    expect(sb.ui.alerts.at(-1)?.prompt).toContain(
      "40\u00a0lignes en erreur dans « Créances » (voir la colonne Statut).",
    );
  });
});

describe("hostile text in a client's name", () => {
  const IMG = "<img src=x onerror=alert(1)>";
  const FORMULA = '=HYPERLINK("https://evil.example/payer";"Payer ici")';
  const invoices: Invoice[] = [
    {
      invoice: "F-1",
      client: IMG,
      email: "img@exemple.test",
      due: "2026-10-27",
      amount: 1850,
      lastStep: "Relance ferme",
      lastStepDate: "2026-11-16",
    },
    {
      invoice: "@F-2",
      client: FORMULA,
      email: "formula@exemple.test",
      due: "2026-11-18",
      amount: 500,
    },
    {
      invoice: "-F-3",
      client: "+33 Plomberie",
      email: "plomb@exemple.test",
      due: "2026-10-05",
      amount: 700,
      lastStep: "Mise en demeure",
      lastStepDate: "2026-11-02",
    },
  ];

  it("is escaped in the HTML email and shown as text in the Doc", () => {
    const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00` });
    const report = runOn(sb, TODAY);
    expect(report.errors).toEqual([]);
    expect(report.actions.map((a) => a.client)).toEqual(["+33 Plomberie", IMG, FORMULA]);
    const notice = sb.mails.find((m) => m.to === "img@exemple.test");
    expect(notice?.htmlBody).toBeDefined();
    for (const m of sb.mails) {
      expect(m.htmlBody).not.toMatch(/<img|onerror=alert\(1\)>|<a href="https:\/\/evil/);
    }
    const letter = report.actions.find((a) => a.client === IMG);
    const text = docText(sb, letter?.docId ?? "");
    expect(text).toContain(IMG); // the name as typed, as plain text in the Doc
    const doc = sb.documents.find((d) => d.id === letter?.docId);
    expect(JSON.stringify(doc)).not.toContain('"link"');
    // A formula as a name is only text in the email (quotes escaped in HTML).
    const formulaMail = sb.mails.find((m) => m.to === "formula@exemple.test");
    expect(formulaMail?.body).toContain("@F-2");
    expect(formulaMail?.htmlBody).not.toContain('"https://evil');
    const dossier = report.actions.find((a) => a.channel === "dossier");
    expect(docText(sb, dossier?.docId ?? "")).toContain("+33 Plomberie");
    expect(
      docIdOf(journal(sb).find((l) => l.step.startsWith("Transmission"))?.document ?? ""),
    ).toBe(dossier?.docId);
  });

  it("is never written back into a cell as a formula: the Journal shows it as text", () => {
    const sb = openLedger(invoices.map(invoiceRow), { now: `${TODAY}T08:00` });
    runOn(sb, TODAY);
    const lines = journal(sb);
    expect(lines.map((l) => [l.invoices, l.client])).toEqual([
      ["-F-3", "+33 Plomberie"],
      ["F-1", IMG],
      ["@F-2", FORMULA],
      // the mise en demeure's « Poster en LRAR » task, once its batch is confirmed; the name as text
      ["F-1", IMG],
    ]);
    for (const l of lines) expect(l.formulas.filter((f) => f !== "")).toEqual([]);
    // The ledger itself keeps the user's text, and « Dernière étape » landed by N° facture.
    const after = ledger(sb);
    expect(after.get("@F-2")?.lastStep).toBe("Relance de courtoisie");
    expect(after.get("-F-3")?.lastStep).toBe("Transmission à un professionnel");
    expect(sb.workbook.sheets[0]?.formulas.flat().filter((f) => /HYPERLINK/i.test(f))).toEqual([]);
    expect(day(TODAY)).toBeInstanceOf(Date);
  });
});
