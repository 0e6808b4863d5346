// Six weeks of the daily run (2 November – 14 December 2026) through the built bundle, on a
// ledger that holds the v2 rules' hard cases: a debtor whose late invoices escalate together,
// a recalcitrant one whose two invoices would otherwise get two mises en demeure, a
// procédure collective typed mid-way, a consumer whose Type was left blank. Checked as a
// credit manager would: the Journal, the emails, the letters, the run's report.
import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index";
import type { CellValue } from "../../sandbox/model";
import {
  day,
  daysFrom,
  docIdOf,
  docText,
  type Invoice,
  invoiceRow,
  type JournalLine,
  journal,
  openLedger,
  plain,
  type RunReport,
  runOn,
} from "./daily-run-harness";

const C1 = "Relance de courtoisie";
const C2 = "Relance ferme";
const C3 = "Mise en demeure";
const C4 = "Transmission à un professionnel";

const BOULANGERIE = "Boulangerie Martin";
const HOTEL = "Hôtel du Parc";
const MENUISERIE = "Menuiserie Blanc";
const DUPONT = "Jean Dupont";

const INVOICES: Invoice[] = [
  // Typed as already at the Relance ferme (20/10): its mise en demeure is due on day one.
  {
    invoice: "F-1",
    client: BOULANGERIE,
    email: "contact@boulangerie-martin.example",
    due: "2026-10-05",
    amount: 1850,
    lastStep: C2,
    lastStepDate: "2026-10-20",
  },
  // Late, never reminded: joins the mise en demeure.
  {
    invoice: "F-2",
    client: BOULANGERIE,
    email: "contact@boulangerie-martin.example",
    due: "2026-10-30",
    amount: 240,
  },
  // Falls due after the handover: to add to the dossier, never reminded.
  {
    invoice: "F-3",
    client: BOULANGERIE,
    email: "contact@boulangerie-martin.example",
    due: "2026-11-20",
    amount: 600,
  },
  {
    invoice: "F-10",
    client: HOTEL,
    email: "direction@hotel-du-parc.example",
    profile: "Récalcitrant",
    due: "2026-11-03",
    amount: 5000,
  },
  {
    invoice: "F-11",
    client: HOTEL,
    email: "direction@hotel-du-parc.example",
    profile: "Récalcitrant",
    due: "2026-11-05",
    amount: 800,
  },
  // Born before the judgment typed on 5/11 (opened 20/10): declared, never reminded again.
  {
    invoice: "F-20",
    client: MENUISERIE,
    email: "compta@menuiserie-blanc.example",
    invoiceDate: "2026-09-01",
    due: "2026-10-01",
    amount: 720,
  },
  // Born after the judgment (L622-17): chased as usual.
  {
    invoice: "F-21",
    client: MENUISERIE,
    email: "compta@menuiserie-blanc.example",
    invoiceDate: "2026-10-25",
    due: "2026-11-24",
    amount: 450,
  },
  // Type left blank: a consumer.
  {
    invoice: "F-30",
    client: DUPONT,
    email: "jean.dupont@exemple.test",
    due: "2026-11-09",
    amount: 300,
  },
];

const ADDRESSES: Record<string, string> = {
  "F-1": "Boulangerie Martin\n8 place des Terreaux\n69001 Lyon",
  "F-30": "M. Jean Dupont\n54 rue de la République\n69100 Villeurbanne",
};

/** Types a value under a header of « Créances », as the user would. */
function typeInto(sb: Sandbox, invoice: string, header: string, value: CellValue): void {
  const s = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances");
  if (!s) throw new Error("no « Créances »");
  const keys = s.getRange(1, 1, s.getLastRow(), 1).getValues();
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? [];
  const row = keys.findIndex(([k]) => k === invoice);
  const column = headers.indexOf(header);
  if (row < 0 || column < 0) throw new Error(`no cell ${invoice} × ${header}`);
  s.getRange(row + 1, column + 1).setValue(value);
}

// [day, invoices, client, step, channel], worked out by hand from docs/ladder.md.
const EXPECTED: [string, string, string, string, string][] = [
  // Monday 2/11, oldest due date first. F-20, found late with nothing done, starts at step 1
  // (the judgment is not typed yet).
  ["2026-11-02", "F-20", MENUISERIE, C1, "Email"],
  // F-1: Relance ferme on 20/10 + 8 days + 1 = 29/10, long past; F-2, late and never
  // reminded, joins it. F-3 is not due yet.
  ["2026-11-02", "F-1, F-2", BOULANGERIE, C3, "Courrier + email"],
  ["2026-11-02", "F-1, F-2", BOULANGERIE, C3, "Tâche"],
  // Récalcitrant: the Relance ferme at J+1.
  ["2026-11-04", "F-10", HOTEL, C2, "Email"],
  // 5/11: the judgment of 20/10 is typed: one task, declared before 20/12.
  ["2026-11-05", "F-20", MENUISERIE, "Déclaration de créance", "Tâche"],
  // F-11's J+1 (6/11) waits for the gap after 4/11: Monday 9.
  ["2026-11-09", "F-11", HOTEL, C2, "Email"],
  ["2026-11-10", "F-30", DUPONT, C1, "Email"],
  // 2/11 + 9 = 11/11, a holiday: Thursday 12. F-3 is not late: it stays out.
  ["2026-11-12", "F-1, F-2", BOULANGERIE, C4, "Dossier"],
  // F-10: J+10 = 13/11 and 4/11 + 9 = 13/11, but the gap after 9/11 runs to 14/11: Monday
  // 16. F-11 (its own date: 9/11 + 9 = 18/11) joins: one mise en demeure, not two.
  ["2026-11-16", "F-10, F-11", HOTEL, C3, "Courrier + email"],
  ["2026-11-16", "F-10, F-11", HOTEL, C3, "Tâche"],
  ["2026-11-16", "F-30", DUPONT, C2, "Email"],
  // 16/11 + 9 = 25/11 (J+20 of F-11).
  ["2026-11-25", "F-10, F-11", HOTEL, C4, "Dossier"],
  ["2026-11-25", "F-21", MENUISERIE, C1, "Email"],
  // 16/11 + 9 = 25/11, J+20 = Sunday 29: Monday 30.
  ["2026-11-30", "F-30", DUPONT, C3, "Courrier + email"],
  ["2026-11-30", "F-30", DUPONT, C3, "Tâche"],
  // F-21's J+7 = 1/12.
  ["2026-12-01", "F-21", MENUISERIE, C2, "Email"],
  // 30/11 + 9 = 9/12 = J+30.
  ["2026-12-09", "F-30", DUPONT, C4, "Dossier"],
  // 1/12 + 9 = 10/12, J+20 = Sunday 13: Monday 14.
  ["2026-12-14", "F-21", MENUISERIE, C3, "Courrier + email"],
  ["2026-12-14", "F-21", MENUISERIE, C3, "Tâche"],
];

describe("six weeks of the daily run under the v2 rules", () => {
  let sb: Sandbox;
  let lines: JournalLine[] = [];
  const reports = new Map<string, RunReport & { notes?: { invoice: string; note: string }[] }>();

  beforeAll(() => {
    const rows = INVOICES.map((i) => {
      const row = invoiceRow(i);
      if (i.invoice === "F-30") row[3] = ""; // Type left blank
      return row;
    });
    sb = openLedger(rows, { now: "2026-11-02T08:00" });
    for (const [invoice, address] of Object.entries(ADDRESSES))
      typeInto(sb, invoice, "Adresse", address);
    for (const d of daysFrom("2026-11-02", "2026-12-14")) {
      if (d === "2026-11-05") {
        typeInto(sb, "F-20", "Procédure collective", day("2026-10-20"));
        typeInto(sb, "F-21", "Procédure collective", day("2026-10-20"));
      }
      reports.set(d, runOn(sb, d));
    }
    // The run's own lines (« samedi : aucun envoi aujourd'hui… ») are not steps.
    lines = journal(sb).filter((l) => l.channel !== "Système");
  }, 120_000);

  it("takes each step on the day the rules give, and nothing else", () => {
    // A mise en demeure's « Poster en LRAR » task is journaled once its batch is confirmed:
    // after the day's other lines.
    const inJournalOrder = [...new Set(EXPECTED.map((e) => e[0]))].flatMap((d) => {
      const today = EXPECTED.filter((e) => e[0] === d);
      const followUp = (e: (typeof EXPECTED)[number]) => e[3] === C3 && e[4] === "Tâche";
      return [...today.filter((e) => !followUp(e)), ...today.filter(followUp)];
    });
    expect(lines.map((l) => [l.day, l.invoices, l.client, l.step, l.channel])).toEqual(
      inJournalOrder,
    );
    for (const [d, r] of reports) expect([d, r.errors, r.failure]).toEqual([d, [], undefined]);
  });

  it("sends one mise en demeure per debtor, each with its « Poster en LRAR » task", () => {
    const notices = lines.filter((l) => l.step === C3 && l.channel !== "Tâche");
    expect(notices.map((l) => l.client).sort()).toEqual(
      [BOULANGERIE, DUPONT, HOTEL, MENUISERIE].sort(),
    );
    for (const n of notices) expect(n.outcome).toBe("Email envoyé — LRAR à poster");
    const tasks = lines.filter((l) => l.channel === "Tâche" && l.step === C3);
    expect(tasks.map((t) => [t.day, t.outcome, t.subject])).toEqual([
      [
        "2026-11-02",
        "Tâche à faire",
        "Poster en LRAR la mise en demeure de Boulangerie Martin (factures F-1, F-2) : Boulangerie Martin, 8 place des Terreaux, 69001 Lyon",
      ],
      [
        "2026-11-16",
        "Tâche à faire",
        "Poster en LRAR la mise en demeure d'Hôtel du Parc (factures F-10, F-11) : adresse postale manquante",
      ],
      [
        "2026-11-30",
        "Tâche à faire",
        "Poster en LRAR la mise en demeure de Jean Dupont (facture F-30) : M. Jean Dupont, 54 rue de la République, 69100 Villeurbanne",
      ],
      [
        "2026-12-14",
        "Tâche à faire",
        "Poster en LRAR la mise en demeure de Menuiserie Blanc (facture F-21) : adresse postale manquante",
      ],
    ]);
    // The run's report says it too.
    const report = reports.get("2026-11-16");
    expect(report?.actions.find((a) => a.step === C3)).toMatchObject({
      outcome: "Email envoyé — LRAR à poster",
      task: expect.stringMatching(/^Poster en LRAR la mise en demeure d'Hôtel du Parc/),
    });
    // One email per mise en demeure, the PDF attached.
    for (const n of notices) {
      const mails = sb.mails.filter(
        (m) => m.subject === n.subject && m.date.toISOString().startsWith(n.day),
      );
      expect(mails).toHaveLength(1);
      expect(mails[0]?.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    }
  });

  it("writes nothing more to a debtor once handed over; a later invoice is to add to the dossier", () => {
    for (const [client, handover] of [
      [BOULANGERIE, "2026-11-12"],
      [HOTEL, "2026-11-25"],
    ] as const) {
      expect(lines.filter((l) => l.client === client && l.day > handover)).toEqual([]);
      const to = client === BOULANGERIE ? "boulangerie" : "hotel";
      expect(
        sb.mails.filter((m) => m.to.includes(to) && m.date.toISOString().slice(0, 10) > handover),
      ).toEqual([]);
    }
    // F-3 fell due on 20/11: reported every business day after, never reminded.
    const sending = (d: string) => !reports.get(d)?.stoppedBecause?.includes("aucun envoi");
    for (const d of daysFrom("2026-11-21", "2026-12-14").filter(sending))
      expect(reports.get(d)?.skipped.find((s) => s.invoice === "F-3")?.reason).toBe(
        "Client transmis : à ajouter au dossier",
      );
    expect(sb.mails.some((m) => /\bF-3\b/.test(m.body))).toBe(false);
  });

  it("stops at the procédure collective: one declaration task, the later claim chased as usual", () => {
    const declarations = lines.filter((l) => l.step === "Déclaration de créance");
    expect(declarations.map((l) => [l.day, l.outcome, l.subject])).toEqual([
      [
        "2026-11-05",
        "Tâche à faire",
        "Déclarer la créance au mandataire judiciaire avant le 20/12/2026 : Menuiserie Blanc, procédure collective ouverte le 20/10/2026 (facture F-20)",
      ],
    ]);
    expect(lines.filter((l) => l.invoices === "F-20" && l.day > "2026-11-05")).toEqual([]);
    expect(reports.get("2026-11-06")?.skipped.find((s) => s.invoice === "F-20")?.reason).toBe(
      "Procédure collective ouverte le 20/10/2026 : aucune relance, la créance est à déclarer au mandataire judiciaire",
    );
  });

  it("treats the blank Type as a consumer: flagged, no penalty, no 40 €", () => {
    expect(reports.get("2026-11-10")?.notes).toContainEqual({
      invoice: "F-30",
      note: "Type non renseigné : la facture est traitée comme celle d'un particulier (ni pénalités ni indemnité de 40 €)",
    });
    const notice = lines.find((l) => l.invoices === "F-30" && l.step === C3 && l.document !== "");
    const text = plain(docText(sb, docIdOf(notice?.document ?? "")));
    expect(text).toContain("300,00 €");
    expect(text).not.toMatch(/Pénalités|D441-5|40,00 €/);
  });

  it("never contacts a debtor twice the same day, nor within 5 days", () => {
    const contacts = lines.filter(
      (l) => l.channel === "Email" || l.channel === "Courrier + email" || l.channel === "Courrier",
    );
    const byClient = new Map<string, string[]>();
    for (const l of contacts) byClient.set(l.client, [...(byClient.get(l.client) ?? []), l.day]);
    for (const days of byClient.values())
      for (let i = 1; i < days.length; i++)
        expect(
          (Date.parse(days[i] as string) - Date.parse(days[i - 1] as string)) / 86_400_000,
        ).toBeGreaterThanOrEqual(5);
  });
});
