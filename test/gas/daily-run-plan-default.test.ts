// A payment plan's missed instalment, through the built bundle, day by day: the plan's
// own clause (« huit jours après une mise en demeure restée sans effet ») is followed —
// first a mise en demeure for the missed instalment (its PDF read back by pdftotext, its
// email by mailparser), the « Poster en LRAR » task, nothing twice, nothing during its
// deadline; then, unpaid, the dossier for the whole balance. A debtor who catches up within
// the deadline keeps the plan, and a later missed instalment gets its own mise en demeure.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { emlBytes } from "../../sandbox/files/eml";
import { renderPdf } from "../../sandbox/files/pdf";
import type { Sandbox } from "../../sandbox/index";
import {
  daysFrom,
  editInvoice,
  invoiceRow,
  type JournalLine,
  journal,
  ledger,
  openLedger,
  plain,
  type RunReport,
  runOn,
  snapshot,
} from "./daily-run-harness";

const dir = mkdtempSync(join(tmpdir(), "recouvra-plan-default-"));

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  return plain(text).replace(/\s+/g, " ");
}

const CLIENT = "Boulangerie Martin";
const EMAIL = "contact@boulangerie-martin.example";
const NOTICE_STEP = "Mise en demeure — échéancier E-2026-10-19-F-1, échéance 2/3";

/** The debtor's own lines (not the run's notes), from `from` on. */
function debtorLines(sb: Sandbox, from = "0000"): JournalLine[] {
  return journal(sb).filter((l) => l.client === CLIENT && l.day >= from);
}

// F-1, 1 500 € due 15/09/2026, was at « Mise en demeure » (12/10) when the debtor asked for
// time: on 19/10 a plan of 3 × 500 € (02/11, 02/12, 02/01/2027). Instalment 1 is paid;
// instalment 2 (02/12) is not: its grace days end on 07/12, the mise en demeure goes on
// Tuesday 08/12 with 8 days from receipt (at the earliest until 16/12); the déchéance du
// terme and the dossier come on Thursday 17/12.
describe("a missed payment-plan instalment, day by day", () => {
  let sb: Sandbox;
  let afterNotice: () => Sandbox;
  let beforeNotice: () => Sandbox;
  const reports = new Map<string, RunReport>();

  beforeAll(() => {
    sb = openLedger(
      [
        invoiceRow({
          invoice: "F-1",
          client: CLIENT,
          email: EMAIL,
          due: "2026-09-15",
          amount: 1500,
          lastStep: "Mise en demeure",
          lastStepDate: "2026-10-12",
        }),
      ],
      { now: "2026-10-19T08:00" },
    );
    editInvoice(sb, "F-1", "Adresse", "3 place du Marché\n69003 Lyon");
    sb.run("api", "apiAgreePlan", {
      client: CLIENT,
      invoices: ["F-1"],
      count: 3,
      firstDate: "2026-11-02",
      frequency: "monthly",
    });
    for (const d of ["2026-10-19", "2026-11-02"]) reports.set(d, runOn(sb, d));
    editInvoice(sb, "F-1", "Montant payé", 500);
    for (const d of daysFrom("2026-11-03", "2026-12-07")) reports.set(d, runOn(sb, d));
    beforeNotice = snapshot(sb, { now: "2026-12-08T08:00" });
    reports.set("2026-12-08", runOn(sb, "2026-12-08"));
    afterNotice = snapshot(sb, { now: "2026-12-08T15:00" });
  }, 120_000);

  it("recalls the instalments while the plan runs, and sends nothing else", () => {
    expect(
      debtorLines(sb, "2026-10-19")
        .filter((l) => l.day < "2026-12-08")
        .map((l) => [l.day, l.step]),
    ).toEqual([
      ["2026-10-19", "Échéancier convenu"],
      ["2026-11-02", "Rappel d'échéance 1/3"],
      ["2026-11-30", "Rappel d'échéance 2/3"],
    ]);
  });

  it("the day after the grace days, sends one mise en demeure for the missed instalment, with its LRAR task", () => {
    const today = debtorLines(sb, "2026-12-08");
    expect(today.map((l) => [l.step, l.channel, l.outcome])).toEqual([
      [NOTICE_STEP, "Courrier + email", "Email envoyé — LRAR à poster"],
      [NOTICE_STEP, "Tâche", "Tâche à faire"],
    ]);
    expect(today[1]?.subject).toBe(
      "Poster en LRAR la mise en demeure de Boulangerie Martin (facture F-1, échéance 2/3 de l'échéancier du 19/10/2026) : 3 place du Marché, 69003 Lyon",
    );
    const report = reports.get("2026-12-08");
    expect(report?.actions.map((a) => [a.step, a.channel])).toEqual([[NOTICE_STEP, "letter"]]);
    expect(report?.errors).toEqual([]);
    // No dossier: the clause asks a mise en demeure first.
    expect(sb.documents.filter((d) => d.name.startsWith("Dossier"))).toEqual([]);
  });

  it("the letter names the plan, the missed instalment, the deadline from receipt and the clause", () => {
    const letter = sb.documents.find(
      (d) => d.name.startsWith("Mise en demeure — échéancier") && !d.name.endsWith("(copie)"),
    );
    if (!letter) throw new Error("no letter");
    const l = pdfText(renderPdf(letter), "plan-notice");
    expect(l).toContain("Lettre recommandée avec accusé de réception");
    expect(l).toContain("Objet : mise en demeure — échéancier du 19/10/2026 (facture F-1)");
    expect(l).toContain(
      "Par accord du 19/10/2026, nous sommes convenus d'un échéancier pour le règlement de la facture F-1 : 3 échéances, pour un total de 1 500,00 €.",
    );
    expect(l).toContain(
      "L'échéance n° 2 du 02/12/2026, d'un montant de 500,00 €, reste impayée à ce jour",
    );
    expect(l).toContain(
      "nous vous mettons en demeure, au sens de l'article 1344 du Code civil, de nous régler la somme de 500,00 € dans un délai de 8 jours à compter de la réception de la présente.",
    );
    expect(l).toContain(
      "huit jours après une mise en demeure restée sans effet, la totalité des sommes restant dues deviendra immédiatement exigible",
    );
    expect(l).toContain("(article 1103 du Code civil)");
    expect(l).toContain(
      "la totalité du solde restant dû au titre de l'échéancier, soit 1 000,00 €, deviendra immédiatement exigible",
    );
    expect(l).toContain("3 place du Marché");
    expect(l).not.toContain("1305-4");
    expect(l).toContain("Lyon, le 8 décembre 2026");
  });

  it("the email carries the copy as a PDF and says what is demanded, by when, and what follows", async () => {
    const mail = sb.mails.find((m) => m.subject.includes("Mise en demeure — échéancier"));
    if (!mail) throw new Error("no email");
    const parsed = await simpleParser(Buffer.from(await emlBytes(mail)));
    expect(parsed.subject).toBe(
      "Imprimerie Durand SARL — Mise en demeure — échéancier du 19/10/2026 — facture F-1",
    );
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "").toBe(EMAIL);
    const text = plain(parsed.text ?? "");
    expect(text).toContain(
      "L'échéance n° 2 du 02/12/2026, d'un montant de 500,00 €, reste impayée : elle relève de l'échéancier convenu le 19/10/2026 pour la facture F-1.",
    );
    expect(text).toContain(
      "copie de notre mise en demeure de régler la somme de 500,00 € dans un délai de 8 jours à compter de la réception de la présente ; à défaut, la déchéance du terme prévue par l'échéancier rendra immédiatement exigible la totalité du solde, soit 1 000,00 €.",
    );
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    const copy = pdfText(new Uint8Array(parsed.attachments[0]?.content ?? []), "plan-copy");
    expect(copy).toContain("Copie adressée par courriel");
    expect(copy).toContain("500,00 €");
  });

  it("shows « Mise en demeure » as the last step, and suspends the ladder until the deadline", () => {
    const row = ledger(sb).get("F-1");
    expect(row?.lastStep).toBe("Mise en demeure");
    expect(row?.lastStepDate).toBe("2026-12-08");
    expect(row?.values["Suspendu jusqu'au"]).toBe("2026-12-16");
  });

  it("the sidebar's dossier shows the plan in default, the notice and the day of the déchéance", () => {
    const view = afterNotice().run<{ plans: { defaultText: string; suspendedUntil: string }[] }>(
      "api",
      "apiDossier",
      { client: CLIENT },
    );
    expect(view.plans.map((p) => [p.defaultText, p.suspendedUntil])).toEqual([
      ["en défaut — mise en demeure du 08/12/2026, déchéance le 17/12/2026", "2026-12-16"],
    ]);
  });

  it("a dossier made from the sidebar during the deadline tells the plan's notice and coming déchéance", () => {
    const preview = afterNotice().run<{ document: { blocks: { runs?: { text: string }[] }[] } }>(
      "api",
      "apiPreviewLetter",
      { client: CLIENT, kind: "handover", invoices: ["F-1"] },
    );
    const text = plain(
      preview.document.blocks.map((b) => (b.runs ?? []).map((r) => r.text).join("")).join("\n"),
    );
    expect(text).toContain("Échéancier en défaut : Échéancier convenu le 19/10/2026");
    expect(text).toContain(
      "mise en demeure du 08/12/2026 (lettre recommandée avec accusé de réception, délai de 8 jours à compter de sa réception) en cours : à défaut de paiement, déchéance du terme le 17/12/2026 au plus tôt",
    );
  });

  it("« Envoyer maintenant » before the morning run shows and sends the plan's mise en demeure, not a dossier", () => {
    const early = beforeNotice();
    const preview = early.run<{ actions: { step: string; invoices: { invoice: string }[] }[] }>(
      "api",
      "apiSendNowPreview",
      { client: CLIENT },
    );
    expect(preview.actions.map((a) => a.step)).toEqual([NOTICE_STEP]);
    early.run("api", "apiSendNow", {
      client: CLIENT,
      confirmed: { step: NOTICE_STEP, invoices: ["F-1"] },
    });
    expect(debtorLines(early, "2026-12-08").map((l) => [l.step, l.channel])).toEqual([
      [NOTICE_STEP, "Courrier + email"],
      [NOTICE_STEP, "Tâche"],
    ]);
    // The morning run after it sends nothing more.
    expect(runOn(early, "2026-12-08").actions).toEqual([]);
  });

  it("sends nothing twice on a rerun the same day", () => {
    const rerun = afterNotice();
    const mails = rerun.mails.length;
    const docs = rerun.documents.length;
    const lines = journal(rerun).length;
    const report = runOn(rerun, "2026-12-08", "15:00");
    expect(report.actions).toEqual([]);
    expect(rerun.mails.length).toBe(mails);
    expect(rerun.documents.length).toBe(docs);
    expect(journal(rerun).filter((l) => l.client === CLIENT).length).toBe(
      journal(sb).filter((l) => l.client === CLIENT).length,
    );
    expect(journal(rerun).length).toBeGreaterThanOrEqual(lines);
  });

  describe("left unpaid", () => {
    let unpaid: Sandbox;
    beforeAll(() => {
      unpaid = afterNotice();
      for (const d of daysFrom("2026-12-09", "2026-12-17")) reports.set(d, runOn(unpaid, d));
    }, 60_000);

    it("sends nothing during the deadline, then hands the whole balance over the day after it", () => {
      expect(debtorLines(unpaid, "2026-12-09").map((l) => [l.day, l.step, l.channel])).toEqual([
        ["2026-12-17", "Transmission à un professionnel", "Dossier"],
      ]);
      expect(ledger(unpaid).get("F-1")?.lastStep).toBe("Transmission à un professionnel");
    });

    it("the dossier claims the whole balance and tells the plan, its default and the notice", () => {
      const dossier = unpaid.documents.find((d) => d.name.startsWith("Dossier de recouvrement"));
      if (!dossier) throw new Error("no dossier");
      const d = pdfText(renderPdf(dossier), "plan-dossier");
      expect(d).toContain("Principal restant dû : 1 000,00 €");
      expect(d).toContain(
        "Échéancier en défaut : Échéancier convenu le 19/10/2026 pour la facture F-1 : 3 échéances, 1 500,00 € ; réglé depuis l'accord : 500,00 €.",
      );
      expect(d).toContain("mise en demeure du 08/12/2026");
      expect(d).toContain("Déchéance du terme acquise le 17/12/2026");
      expect(d).toContain(
        "le solde de l'échéancier, 1 000,00 €, est devenu immédiatement exigible",
      );
    });
  });

  describe("caught up within the deadline", () => {
    let caughtUp: Sandbox;
    beforeAll(() => {
      caughtUp = afterNotice();
      runOn(caughtUp, "2026-12-11");
      editInvoice(caughtUp, "F-1", "Montant payé", 1000);
      for (const d of daysFrom("2026-12-14", "2026-12-31")) reports.set(d, runOn(caughtUp, d));
      for (const d of daysFrom("2027-01-04", "2027-01-08")) reports.set(d, runOn(caughtUp, d));
    }, 90_000);

    it("keeps the plan: no dossier, the ladder asleep until the next instalment", () => {
      const lines = debtorLines(caughtUp, "2026-12-09").filter((l) => l.day < "2027-01-08");
      expect(lines.map((l) => l.step)).not.toContain("Transmission à un professionnel");
      expect(caughtUp.documents.filter((d) => d.name.startsWith("Dossier"))).toEqual([]);
      expect(lines.map((l) => [l.day, l.step])).toEqual([["2026-12-30", "Rappel d'échéance 3/3"]]);
    });

    it("a later missed instalment gets its own mise en demeure", () => {
      expect(debtorLines(caughtUp, "2027-01-08").map((l) => [l.day, l.step, l.channel])).toEqual([
        [
          "2027-01-08",
          "Mise en demeure — échéancier E-2026-10-19-F-1, échéance 3/3",
          "Courrier + email",
        ],
        ["2027-01-08", "Mise en demeure — échéancier E-2026-10-19-F-1, échéance 3/3", "Tâche"],
      ]);
      expect(ledger(caughtUp).get("F-1")?.values["Suspendu jusqu'au"]).toBe("2027-01-16");
    });
  });
});
