// Sixty mornings of a small ledger, the daily trigger firing at 9:00 as Apps Script would
// fire it, with a payment, a dispute, a suspension and a partial payment typed in along the
// way. Every email, letter, dossier, task and Journal line is checked against the ladder of
// docs/ladder.md, worked out by hand below (business days, holidays, the 5-day gap, the
// mise en demeure's 8 days + 1 before the handover, one message per debtor).
import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index";
import type { EmailModel } from "../../sandbox/model";
import {
  COMPANY,
  CREDITOR,
  daysFrom,
  daysLate,
  docIdOf,
  docText,
  editInvoice,
  euros,
  htmlText,
  type Invoice,
  invoiceRow,
  type JournalLine,
  journal,
  ledger,
  openLedger,
  penalty,
  plain,
  TZ,
} from "./daily-run-harness";

const BOULANGERIE = "contact@boulangerie-martin.example";
const PAPYRUS = "compta@papyrus.example";
const INVOICES: Invoice[] = [
  {
    invoice: "F-101",
    client: "Boulangerie Martin",
    email: BOULANGERIE,
    due: "2026-11-02",
    amount: 1850,
  },
  {
    invoice: "F-102",
    client: "Boulangerie Martin",
    email: BOULANGERIE,
    due: "2026-11-02",
    amount: 240,
  },
  {
    invoice: "F-201",
    client: "Garage Lefèvre & Fils",
    email: "compta@garage-lefevre.example",
    profile: "Fidèle",
    due: "2026-11-06",
    amount: 980,
  },
  {
    invoice: "F-301",
    client: "Cabinet Rousseau Architectes",
    email: "factures@rousseau-architectes.example",
    due: "2026-10-20",
    amount: 3200,
  },
  {
    invoice: "F-401",
    client: "Hôtel du Parc",
    email: "direction@hotel-du-parc.example",
    profile: "Récalcitrant",
    due: "2026-11-10",
    amount: 5000,
  },
  {
    invoice: "F-501",
    client: "M. Jean Dupont",
    email: "jean.dupont@exemple.test",
    type: "Particulier",
    due: "2026-11-16",
    amount: 600,
  },
  { invoice: "F-601", client: "Menuiserie Blanc", due: "2026-11-23", amount: 720 },
  { invoice: "F-701", client: "Librairie Papyrus", email: PAPYRUS, due: "2026-11-18", amount: 450 },
  { invoice: "F-702", client: "Librairie Papyrus", email: PAPYRUS, due: "2026-11-20", amount: 300 },
  {
    invoice: "F-801",
    client: "Imprimerie Voisin",
    email: "compta@voisin.example",
    due: "2026-10-15",
    amount: 1000,
    paid: 1000,
  },
  {
    invoice: "F-901",
    client: "Pharmacie Centrale",
    email: "gestion@pharmacie-centrale.example",
    due: "2026-12-15",
    amount: 1234.56,
  },
  {
    // A user migrating typed the firm reminder already sent.
    invoice: "F-1001",
    client: "Transports Girard",
    email: "compta@transports-girard.example",
    due: "2026-10-05",
    amount: 2000,
    lastStep: "Relance ferme",
    lastStepDate: "2026-10-30",
  },
  {
    invoice: "F-1101",
    client: "Atelier Roux",
    email: "atelier.roux@exemple.test",
    profile: "En difficulté",
    due: "2026-11-25",
    amount: 1500,
  },
];

const C1 = "Relance de courtoisie";
const C2 = "Relance ferme";
const C3 = "Mise en demeure";
const C4 = "Transmission à un professionnel";

// [day, invoices, client, step, Journal « Canal »], each day's actions in priority order
// (oldest due date first). November 2026: Monday 2, holiday Wednesday 11; December:
// holiday Friday 25.
const EXPECTED: [string, string, string, string, string][] = [
  // Found late with nothing done (J+13): the ladder starts at step 1, today.
  ["2026-11-02", "F-301", "Cabinet Rousseau Architectes", C1, "Email"],
  // Due Monday 2: J+1 = Tuesday 3; both invoices in one message.
  ["2026-11-03", "F-101, F-102", "Boulangerie Martin", C1, "Email"],
  // Typed « Relance ferme » on 30/10: J+20 = 25/10 is past, the gap ends 4/11, but the
  // firm reminder's 8 days run to 7/11: 30/10 + 9 = Sunday 8 → Monday 9.
  ["2026-11-09", "F-1001", "Transports Girard", C3, "Courrier + email"],
  // J+7 = Monday 9; F-301: 2/11 + 5 = Saturday 7 → Monday 9; F-201: J+1 = Saturday → Monday.
  ["2026-11-09", "F-301", "Cabinet Rousseau Architectes", C2, "Email"],
  ["2026-11-09", "F-101, F-102", "Boulangerie Martin", C2, "Email"],
  ["2026-11-09", "F-201", "Garage Lefèvre & Fils", C1, "Email"],
  // Récalcitrant: no courtesy; J+1 = 11/11, a holiday → Thursday 12.
  ["2026-11-12", "F-401", "Hôtel du Parc", C2, "Email"],
  ["2026-11-17", "F-501", "M. Jean Dupont", C1, "Email"],
  // Mise en demeure 9/11 + 8 days + 1 = Wednesday 18 (J+30 was long past).
  ["2026-11-18", "F-1001", "Transports Girard", C4, "Dossier"],
  ["2026-11-19", "F-701", "Librairie Papyrus", C1, "Email"],
  // J+20 = Sunday 22 → Monday 23.
  ["2026-11-23", "F-101, F-102", "Boulangerie Martin", C3, "Courrier + email"],
  ["2026-11-23", "F-501", "M. Jean Dupont", C2, "Email"],
  // No address: a task. F-702's J+1 (Monday 23) waited for the gap after 19/11.
  ["2026-11-24", "F-702", "Librairie Papyrus", C1, "Email"],
  ["2026-11-24", "F-601", "Menuiserie Blanc", C1, "Tâche"],
  ["2026-11-26", "F-1101", "Atelier Roux", C1, "Email"],
  // F-701's J+7 (Wednesday 25) waited for the gap after 24/11, which ends on Sunday 29 →
  // Monday 30, the day F-702's own firm reminder falls due: one message for both.
  ["2026-11-30", "F-701, F-702", "Librairie Papyrus", C2, "Email"],
  ["2026-11-30", "F-601", "Menuiserie Blanc", C2, "Tâche"],
  // Suspended until 30/11 (typed on 13/11): not before Tuesday 1/12.
  ["2026-12-01", "F-401", "Hôtel du Parc", C3, "Courrier + email"],
  // 23/11 + 9 = 2/12 = J+30.
  ["2026-12-02", "F-101, F-102", "Boulangerie Martin", C4, "Dossier"],
  ["2026-12-02", "F-1101", "Atelier Roux", C2, "Email"],
  // J+20 = Sunday 6 → Monday 7.
  ["2026-12-07", "F-501", "M. Jean Dupont", C3, "Courrier + email"],
  // F-701's J+20 (8/12) waits for the firm reminder's 8 days: 30/11 + 9 = 9/12. F-702, late
  // and at a lower step, joins it: the debtor escalates as a whole.
  ["2026-12-09", "F-701, F-702", "Librairie Papyrus", C3, "Courrier + email"],
  // 1/12 + 9 = 10/12 (J+20 = 30/11).
  ["2026-12-10", "F-401", "Hôtel du Parc", C4, "Dossier"],
  // J+20 = Sunday 13 → Monday 14.
  ["2026-12-14", "F-601", "Menuiserie Blanc", C3, "Courrier"],
  ["2026-12-15", "F-1101", "Atelier Roux", C3, "Courrier + email"],
  ["2026-12-16", "F-501", "M. Jean Dupont", C4, "Dossier"],
  ["2026-12-16", "F-901", "Pharmacie Centrale", C1, "Email"],
  // 9/12 + 9 = 18/12 = F-701's J+30; F-702 (J+30 on Sunday 20) joins the dossier.
  ["2026-12-18", "F-701, F-702", "Librairie Papyrus", C4, "Dossier"],
  ["2026-12-22", "F-901", "Pharmacie Centrale", C2, "Email"],
  ["2026-12-23", "F-601", "Menuiserie Blanc", C4, "Dossier"],
  // J+30 = 25/12, a holiday, then a week-end → Monday 28.
  ["2026-12-28", "F-1101", "Atelier Roux", C4, "Dossier"],
];

/** Every mise en demeure has its « Poster en LRAR » task in the Journal, written once the
 * day's batch is confirmed: after that day's other lines. */
const EXPECTED_LINES = [...new Set(EXPECTED.map((e) => e[0]))].flatMap((d) => {
  const today = EXPECTED.filter((e) => e[0] === d);
  const tasks = today
    .filter((e) => e[3] === C3)
    .map((e) => [e[0], e[1], e[2], C3, "Tâche"] as (typeof EXPECTED)[number]);
  return [...today, ...tasks];
});
const isLrarTask = (l: JournalLine) =>
  l.channel === "Tâche" && l.subject.startsWith("Poster en LRAR");

const HOLIDAYS = new Set(["2026-11-01", "2026-11-11", "2026-12-25", "2027-01-01"]);
const isBusinessDay = (iso: string) => {
  const dow = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(iso);
};

const byInvoice = new Map(INVOICES.map((i) => [i.invoice, i]));
/** What is still owed on an invoice on a day, with the payments typed by then. */
function outstandingOn(invoice: string, on: string): number {
  const i = byInvoice.get(invoice) as Invoice;
  if (invoice === "F-501" && on >= "2026-11-20") return i.amount - 250;
  return i.amount - (i.paid ?? 0);
}

interface Amounts {
  principal: number;
  penalties: number;
  indemnity: number;
  total: number;
}
/** Principal, penalties (12.15 %, each invoice rounded), 40 € each; B2B only. */
function amountsOn(invoices: string[], on: string): Amounts {
  const pro = invoices.every(
    (n) => (byInvoice.get(n)?.type ?? "Professionnel") === "Professionnel",
  );
  const principal = invoices.reduce((s, n) => s + outstandingOn(n, on), 0);
  const penalties = pro
    ? invoices.reduce(
        (s, n) => s + penalty(outstandingOn(n, on), daysLate(byInvoice.get(n)?.due as string, on)),
        0,
      )
    : 0;
  const indemnity = pro ? 40 * invoices.length : 0;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    principal: r(principal),
    penalties: r(penalties),
    indemnity,
    total: r(principal + penalties + indemnity),
  };
}

const frDate = (iso: string) => iso.split("-").reverse().join("/");

describe("sixty days of a ledger under the daily trigger", () => {
  let sb: Sandbox;
  /** « Dernière étape » and its date of every invoice, each evening. */
  const evenings = new Map<string, Map<string, [unknown, unknown, unknown]>>();
  const triggerErrors: string[] = [];
  let lines: JournalLine[] = [];
  /** The run's own lines: « jour sans envoi » on weekends and holidays. */
  let notes: JournalLine[] = [];

  beforeAll(() => {
    sb = openLedger(INVOICES.map(invoiceRow), { now: "2026-11-02T08:00" });
    sb.run("enableAutoRelances");
    // What the user types, and when: before the 9:00 run, or in the evening.
    const morning: Record<string, () => void> = {
      "2026-11-12": () => editInvoice(sb, "F-201", "Montant payé", 980),
      "2026-11-13": () =>
        editInvoice(sb, "F-401", "Suspendu jusqu'au", new Date("2026-11-29T23:00:00Z")),
      "2026-11-20": () => editInvoice(sb, "F-501", "Montant payé", 250),
    };
    const evening: Record<string, () => void> = {
      "2026-11-10": () => editInvoice(sb, "F-301", "Litige", true),
    };
    for (const d of daysFrom("2026-11-02", "2026-12-31")) {
      sb.clock.set(`${d}T08:00`, TZ);
      morning[d]?.();
      for (const run of sb.fireDueTriggers(`${d}T20:00`)) {
        if (run.error) triggerErrors.push(`${d}: ${run.error}`);
      }
      evening[d]?.();
      evenings.set(
        d,
        new Map(
          [...ledger(sb)].map(([k, v]) => [k, [v.lastStep, v.lastStepDate, v.status] as const]),
        ) as Map<string, [unknown, unknown, unknown]>,
      );
    }
    lines = journal(sb).filter((l) => l.channel !== "Système");
    notes = journal(sb).filter((l) => l.channel === "Système");
  });

  it("wakes up every hour without a failure; works at 9:00; says on weekends and holidays that it waits", () => {
    expect(triggerErrors).toEqual([]);
    // Hourly from the first 9:00 to the last day's 20:00.
    expect(sb.triggers.runs.length).toBeGreaterThanOrEqual(59 * 24);
    const idle = daysFrom("2026-11-02", "2026-12-31").filter((d) => !isBusinessDay(d));
    expect(notes.map((l) => [l.day, l.at.slice(11), l.outcome])).toEqual(
      idle.map((d) => [d, "09:00", "Information"]),
    );
    expect(notes[0]?.subject).toBe(
      "samedi : aucun envoi aujourd'hui, les relances reprennent le lundi 09/11/2026",
    );
    expect(notes.find((l) => l.day === "2026-11-11")?.subject).toBe(
      "jour férié : aucun envoi aujourd'hui, les relances reprennent le jeudi 12/11/2026",
    );
  });

  it("takes each step of the ladder on the day docs/ladder.md gives, and nothing else", () => {
    expect(lines.map((l) => [l.day, l.invoices, l.client, l.step, l.channel])).toEqual(
      EXPECTED_LINES,
    );
    for (const l of lines) {
      expect(l.at.slice(11)).toBe("09:00");
      expect(l.by).toBe("Recouvra (automatique)");
      expect(isBusinessDay(l.day)).toBe(true);
    }
  });

  it("sends nothing for a paid, a disputed or a suspended invoice", () => {
    const stepsOf = (invoice: string) =>
      lines.filter((l) => l.invoices.split(", ").includes(invoice)).map((l) => [l.day, l.step]);
    // Paid on 12/11, before its firm reminder (16/11).
    expect(stepsOf("F-201")).toEqual([["2026-11-09", C1]]);
    // Disputed on the evening of 10/11, before its mise en demeure (16/11).
    expect(stepsOf("F-301")).toEqual([
      ["2026-11-02", C1],
      ["2026-11-09", C2],
    ]);
    // Suspended until 30/11 from 13/11: its mise en demeure (J+10 = 20/11) waited.
    expect(stepsOf("F-401").map(([d]) => d)).toEqual([
      "2026-11-12",
      "2026-12-01",
      "2026-12-01",
      "2026-12-10",
    ]);
    expect(stepsOf("F-801")).toEqual([]);
    expect(
      sb.mails.some((m) => /voisin|garage/.test(m.to) && m.date > new Date("2026-11-10")),
    ).toBe(false);
  });

  it("never writes to a debtor twice within 5 days, and hands over 9 days after the letter", () => {
    const contacts = new Map<string, string[]>();
    for (const l of lines.filter((x) => x.channel !== "Dossier" && !isLrarTask(x)))
      contacts.set(l.client, [...(contacts.get(l.client) ?? []), l.day]);
    for (const days of contacts.values())
      for (let i = 1; i < days.length; i++)
        expect(daysLate(days[i - 1] as string, days[i] as string)).toBeGreaterThanOrEqual(5);
    for (const dossier of lines.filter((l) => l.channel === "Dossier")) {
      const notice = lines.find(
        (l) => l.step === C3 && l.channel !== "Tâche" && l.invoices === dossier.invoices,
      );
      expect(notice).toBeDefined();
      expect(daysLate(notice?.day as string, dossier.day)).toBeGreaterThanOrEqual(9);
    }
  });

  it("sends one email per Journal line that says so, to the debtor, from the creditor", () => {
    const emailed = lines.filter((l) => l.channel === "Email" || l.channel === "Courrier + email");
    expect(sb.mails).toHaveLength(emailed.length);
    sb.mails.forEach((m, i) => {
      const l = emailed[i] as JournalLine;
      expect(m.to).toBe(l.recipient);
      expect(m.to).toBe(byInvoice.get(l.invoices.split(", ")[0] as string)?.email);
      expect(m.subject).toBe(l.subject);
      expect(m.subject.startsWith(`${COMPANY} — `)).toBe(true);
      expect(m.fromName).toBe(COMPANY);
      expect(m.replyTo).toBe(CREDITOR.Email);
      expect(m.date.toISOString().slice(0, 10)).toBe(l.day);
      expect(l.outcome).toBe(l.step === C3 ? "Email envoyé — LRAR à poster" : "Envoyé");
      for (const n of l.invoices.split(", ")) {
        expect(m.subject).toContain(n);
        expect(m.body).toContain(n);
      }
    });
  });

  const mailOf = (day: string, invoices: string) => {
    const l = lines.find((x) => x.day === day && x.invoices === invoices);
    const m = sb.mails.find((x) => x.subject === l?.subject && x.to === l?.recipient);
    if (!m) throw new Error(`no email on ${day} for ${invoices}`);
    return m;
  };
  /** The plain-text body, and the HTML body's text (tags dropped, entities read). */
  const bodies = (m: EmailModel) => [plain(m.body), plain(htmlText(m.htmlBody ?? ""))];

  it("courtesy reminders: what is owed, no penalty, in both bodies", () => {
    for (const [day, invoices] of [
      ["2026-11-03", "F-101, F-102"],
      ["2026-11-09", "F-201"],
      ["2026-11-17", "F-501"],
      ["2026-12-16", "F-901"],
    ] as const) {
      const m = mailOf(day, invoices);
      const owed = amountsOn(invoices.split(", "), day).principal;
      for (const body of bodies(m)) {
        expect(body).toContain(euros(owed));
        expect(body).not.toContain("Pénalités");
        expect(body).toContain(CREDITOR.IBAN);
      }
      expect(plain(m.body)).toContain(`Montant à régler : ${euros(owed)}.`);
    }
    expect(plain(mailOf("2026-11-03", "F-101, F-102").body)).toContain("1 850,00 €");
    expect(plain(mailOf("2026-12-16", "F-901").body)).toContain("1 234,56 €");
    // Fidèle: empathetic.
    expect(mailOf("2026-11-09", "F-201").body).toContain("nous trouverons ensemble une solution");
  });

  it("firm reminders: penalties and 40 € per invoice for a business, never for a consumer", () => {
    for (const [day, invoices] of [
      ["2026-11-09", "F-101, F-102"],
      ["2026-11-09", "F-301"],
      ["2026-11-12", "F-401"],
      ["2026-11-30", "F-701, F-702"],
      ["2026-12-22", "F-901"],
    ] as const) {
      const m = mailOf(day, invoices);
      const a = amountsOn(invoices.split(", "), day);
      for (const body of bodies(m)) {
        expect(body).toContain(`Pénalités au ${frDate(day)}`);
        expect(body).toContain(euros(a.penalties));
        expect(body).toContain(euros(a.indemnity));
        expect(body).toContain(euros(a.total));
      }
      expect(plain(m.body)).toContain(`Montant à régler : ${euros(a.total)}.`);
    }
    // 9/11: 1 850 € × 12,15 % × 7/365 = 4,31 €, 240 € → 0,56 €; + 2 × 40 €.
    expect(plain(mailOf("2026-11-09", "F-101, F-102").body)).toContain(
      "Montant à régler : 2 174,87 €.",
    );
    // The consumer paid 250 € on 20/11: 350 € left, no penalty, no 40 €.
    const consumer = mailOf("2026-11-23", "F-501");
    for (const body of bodies(consumer)) {
      expect(body).toContain("350,00 €");
      expect(body).not.toMatch(/Pénalités|40,00 €|40 €/);
    }
    expect(plain(consumer.body)).toContain("Montant à régler : 350,00 €.");
    // En difficulté: a payment plan is offered.
    expect(mailOf("2026-12-02", "F-1101").body).toContain("échéancier");
  });

  it("mises en demeure: a Doc with every element, its PDF attached to the email, the deadline", () => {
    for (const l of lines.filter((x) => x.step === C3 && x.channel !== "Tâche")) {
      const doc = docText(sb, docIdOf(l.document));
      const text = plain(doc);
      const invoices = l.invoices.split(", ");
      const a = amountsOn(invoices, l.day);
      const fromReceipt = "dans un délai de 8 jours à compter de la réception de la présente";
      expect(text).toContain("mise en demeure");
      expect(text).toContain("Lettre recommandée avec accusé de réception");
      expect(text).toContain(CREDITOR["Raison sociale"]);
      expect(text).toContain("SIREN 812 345 678");
      expect(text).toContain(l.client);
      for (const n of invoices) expect(text).toContain(n);
      expect(text).toContain(`Principal restant dû : ${euros(a.principal)}`);
      expect(text).toContain(fromReceipt);
      if (a.indemnity > 0) {
        expect(text).toContain(`Pénalités de retard au ${frDate(l.day)}`);
        expect(text).toMatch(new RegExp(`\\) : ${euros(a.penalties)}`));
        expect(text).toContain(
          `(articles L441-10 et D441-5 du Code de commerce, 40 € par facture) : ${euros(a.indemnity)}`,
        );
        expect(text).toContain(`Total : ${euros(a.total)}`);
      } else {
        expect(text).not.toMatch(/Pénalités|D441-5/);
        expect(text).toContain("intérêts au taux de l'intérêt légal");
      }
      if (l.channel === "Courrier") {
        // No address: a letter to post, no email.
        expect(l.outcome).toBe("Courrier prêt — LRAR à poster");
        expect(l.subject).toContain("recommandé");
        continue;
      }
      const m = mailOf(l.day, l.invoices);
      expect(m.attachments).toHaveLength(1);
      expect(m.attachments[0]?.contentType).toBe("application/pdf");
      expect(m.attachments[0]?.name).toBe(
        `Mise en demeure — ${l.client} — ${invoices.join(", ")} — ${l.day} (copie).pdf`,
      );
      expect(new TextDecoder("latin1").decode(m.attachments[0]?.bytes.slice(0, 5))).toBe("%PDF-");
      for (const body of bodies(m)) {
        expect(body).toContain(euros(a.total));
        expect(body).toContain(fromReceipt);
      }
    }
    // Boulangerie, 23/11: 1 850 € + 240 €, 21 days late: 12,93 € + 1,68 €, + 80 €.
    expect(plain(mailOf("2026-11-23", "F-101, F-102").body)).toContain(
      "la somme de 2 184,61 € dans un délai de 8 jours à compter de la réception de la présente",
    );
  });

  it("dossiers: a Doc for the professional with the timeline, a task, nothing to the debtor", () => {
    for (const l of lines.filter((x) => x.step === C4)) {
      expect(l.outcome).toBe("Dossier prêt");
      expect(l.recipient).toBe("");
      expect(l.subject).toBe(
        `Transmettre le dossier ${/^(Hôtel|Atelier)/.test(String(l.client)) ? `d'${l.client}` : `de ${l.client}`} à un commissaire de justice ou à un avocat`,
      );
      const text = plain(docText(sb, docIdOf(l.document)));
      const a = amountsOn(l.invoices.split(", "), l.day);
      expect(text).toContain(`Dossier de recouvrement — ${l.client}`);
      expect(text).toContain(`Principal restant dû : ${euros(a.principal)}`);
      if (a.indemnity > 0) expect(text).toContain(`Total réclamé : ${euros(a.total)}`);
      else expect(text).not.toMatch(/Pénalités|D441-5/);
      // Every earlier step of these invoices, in the timeline.
      for (const before of lines.filter(
        (x) => x.day < l.day && x.invoices.split(", ").some((n) => l.invoices.includes(n)),
      ))
        expect(text).toContain(`${frDate(before.day)} 09:00 | ${before.step}`);
      const debtorEmail = byInvoice.get(l.invoices.split(", ")[0] as string)?.email;
      expect(
        sb.mails.filter((m) => m.to === debtorEmail && m.date.toISOString().startsWith(l.day)),
      ).toEqual([]);
    }
    // 7 letters to post, 7 dossiers, and the copy of each letter emailed, each with its PDF
    // in the debtor's folder.
    const emailed = lines.filter((x) => x.step === C3 && x.channel === "Courrier + email").length;
    expect(emailed).toBeGreaterThan(0);
    expect(sb.documents).toHaveLength(14 + emailed);
    const pdfs = sb.drive.files.filter((f) => f.mimeType === "application/pdf");
    expect(pdfs).toHaveLength(14 + emailed);
  });

  it("tasks instead of emails for a debtor without an address", () => {
    const tasks = lines.filter((l) => l.outcome === "Tâche à faire" && !isLrarTask(l));
    const letter = euros(amountsOn(["F-601"], "2026-12-14").total);
    expect(tasks.map((l) => [l.day, l.step, plain(l.subject)])).toEqual([
      [
        "2026-11-24",
        C1,
        "Appeler / écrire à Menuiserie Blanc : relance de courtoisie (F-601 — 720,00 €)",
      ],
      ["2026-11-30", C2, "Appeler / écrire à Menuiserie Blanc : relance ferme (F-601 — 720,00 €)"],
    ]);
    const notice = lines.find((l) => l.day === "2026-12-14" && l.client === "Menuiserie Blanc");
    expect(notice && [notice.channel, notice.outcome, plain(notice.subject)]).toEqual([
      "Courrier",
      "Courrier prêt — LRAR à poster",
      `Envoyer la mise en demeure à Menuiserie Blanc en recommandé avec AR (F-601 — ${letter})`,
    ]);
    expect(sb.mails.some((m) => m.body.includes("F-601"))).toBe(false);
  });

  it("writes « Dernière étape » and its date on the evening of each step", () => {
    for (const [d, state] of evenings) {
      for (const inv of INVOICES) {
        const done = EXPECTED.filter(
          ([day, invoices]) => day <= d && invoices.split(", ").includes(inv.invoice),
        ).pop();
        const [lastStep, lastStepDate] = state.get(inv.invoice) ?? [];
        if (done)
          expect([d, inv.invoice, lastStep, lastStepDate]).toEqual([
            d,
            inv.invoice,
            done[3],
            done[0],
          ]);
        else
          expect([d, inv.invoice, lastStep, lastStepDate]).toEqual([
            d,
            inv.invoice,
            inv.lastStep ?? "",
            inv.lastStepDate ?? "",
          ]);
      }
    }
    const last = evenings.get("2026-12-31") as Map<string, [unknown, unknown, unknown]>;
    expect(Object.fromEntries([...last].map(([k, v]) => [k, v[2]]))).toEqual({
      "F-101": "Transmise",
      "F-102": "Transmise",
      "F-201": "Soldée",
      "F-301": "Litige",
      "F-401": "Transmise",
      "F-501": "Transmise",
      "F-601": "Transmise",
      "F-701": "Transmise",
      "F-702": "Transmise",
      "F-801": "Soldée",
      "F-901": "Relancée",
      "F-1001": "Transmise",
      "F-1101": "Transmise",
    });
    // The suspension showed while it ran.
    expect(evenings.get("2026-11-20")?.get("F-401")?.[2]).toBe("Suspendue");
  });
});
