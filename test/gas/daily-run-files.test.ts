// What leaves the sandbox as files a person opens: the mise en demeure's email as .eml
// (parsed back by mailparser, a real MIME parser) with its PDF attached, and the letter and
// the dossier as PDF (read back by pdftotext): the amounts are all there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { emlBytes } from "../../sandbox/files/eml";
import { renderPdf } from "../../sandbox/files/pdf";
import type { Sandbox } from "../../sandbox/index";
import { invoiceRow, openLedger, plain, type RunReport, runOn } from "./daily-run-harness";

const TODAY = "2026-11-26";
const dir = mkdtempSync(join(tmpdir(), "recouvra-files-"));

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  // Lines wrapped by the layout read as one.
  return plain(text).replace(/\s+/g, " ");
}

// 1 850 € due 27/10, firm reminder on 16/11: the mise en demeure goes today, 30 days late:
// 1 850 × 12,15 % × 30 / 365 = 18,47 € of penalties, 40 €, total 1 908,47 €.
describe("the .eml and .pdf outputs, read back", () => {
  let sb: Sandbox;
  let report: RunReport;
  beforeAll(() => {
    sb = openLedger(
      [
        invoiceRow({
          invoice: "F-2026-0250",
          client: "Boulangerie Martin",
          email: "contact@boulangerie-martin.example",
          due: "2026-10-27",
          amount: 1850,
          lastStep: "Relance ferme",
          lastStepDate: "2026-11-16",
        }),
        invoiceRow({
          invoice: "F-2026-0199",
          client: "Garage Lefèvre",
          email: "compta@garage-lefevre.example",
          due: "2026-10-02",
          amount: 2400,
          paid: 400,
          lastStep: "Mise en demeure",
          lastStepDate: "2026-11-16",
        }),
      ],
      { now: `${TODAY}T08:00` },
    );
    report = runOn(sb, TODAY);
  });

  it("the email parses as a MIME message with text, HTML and the PDF of the letter", async () => {
    const mail = sb.mails[0];
    if (!mail) throw new Error("no email");
    const parsed = await simpleParser(Buffer.from(await emlBytes(mail)));
    expect(parsed.subject).toBe(
      "Imprimerie Durand SARL — Mise en demeure de payer — facture F-2026-0250",
    );
    expect(parsed.from?.text).toContain("Imprimerie Durand SARL");
    const text = plain(parsed.text ?? "");
    expect(text).toContain(
      "copie de notre mise en demeure de payer la somme de 1 908,47 € dans un délai de 8 jours à compter de la réception de la présente. L'original vous est adressé par lettre recommandée avec accusé de réception.",
    );
    // Who writes, and the privacy notice, at the foot of the email too.
    expect(text).toContain("Imprimerie Durand SARL\n12 rue des Presses");
    expect(text).toMatch(/SIREN 812 345 678/);
    expect(text).toContain("Données personnelles : Imprimerie Durand SARL traite vos nom");
    expect(plain(String(parsed.html))).toContain("1 908,47 €");
    // The email carries the copy; the original, headed as a registered letter, is to post.
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [
        "Mise en demeure — Boulangerie Martin — F-2026-0250 — 2026-11-26 (copie).pdf",
        "application/pdf",
      ],
    ]);
    const attached = pdfText(new Uint8Array(parsed.attachments[0]?.content ?? []), "attached");
    for (const amount of ["1 850,00 €", "18,47 €", "40,00 €", "1 908,47 €"])
      expect(attached).toContain(amount);
    expect(attached).toContain("mettons en demeure");
    expect(attached).toContain(
      "Copie adressée par courriel — l'original vous est adressé par lettre recommandée avec accusé de réception",
    );
    expect(attached).not.toMatch(/\d{4} Lettre recommandée avec accusé de réception Objet/);
    expect(attached).toContain("à compter de la réception de la présente");
  });

  it("the letter and the dossier, rendered to PDF, carry every amount", () => {
    const letter = sb.documents.find(
      (d) => d.name.startsWith("Mise en demeure") && !d.name.endsWith("(copie)"),
    );
    const dossier = sb.documents.find((d) => d.name.startsWith("Dossier de recouvrement"));
    if (!letter || !dossier) throw new Error("documents missing");
    const l = pdfText(renderPdf(letter), "letter");
    expect(l).toContain("Principal restant dû : 1 850,00 €");
    expect(l).toContain("Lyon, le 26 novembre 2026 Lettre recommandée avec accusé de réception");
    expect(l).toContain("(article L441-10 du Code de commerce, détail ci- dessous) : 18,47 €");
    expect(l).toContain("40 € par facture) : 40,00 €");
    expect(l).toContain("Total : 1 908,47 €");
    // The half-year's line: 30 days at 12,15 %, the rate marked estimated (2026-S2).
    expect(l).toMatch(
      /F-2026-0250 du 30 12,15 % 1 850,00 € 18,47 € 28\/10\/2026 \(estimé\) au 26\/11\/2026/,
    );
    expect(l).toContain("Taux « estimé » (2e semestre 2026)");
    expect(l).toContain("Malgré notre relance du 16/11/2026");
    expect(l).toContain("à compter de la réception de la présente");
    // No address in the ledger: the letter to post says so, instead of an email address.
    expect(l).toContain(
      "Boulangerie Martin [adresse postale manquante : à compléter avant l'envoi]",
    );
    expect(l).not.toContain("contact@boulangerie-martin.example");
    // 2 400 € − 400 € paid = 2 000 € since 2/10: 55 days → 36,62 €; + 40 € = 2 076,62 €.
    const d = pdfText(renderPdf(dossier), "dossier");
    // (The 8-column table wraps its cells on A4; the amounts are checked in the summary.)
    expect(d).toContain("400,00 €");
    expect(d).toContain("Principal restant dû : 2 000,00 €");
    expect(d).toContain("(article L441-10 du Code de commerce) : 36,62 €");
    expect(d).toContain("(article D441-5 du Code de commerce) : 40,00 €");
    expect(d).toContain("Total réclamé : 2 076,62 €");
    // The ledger's « Dernière étape » is in the timeline, not « aucun échange ».
    // (Its cells wrap on A4: the row reads in order.)
    expect(d).toMatch(
      /F-2026-0199 16\/11\/2026 Mise en — Étape Fait demeure indiquée dans le suivi/,
    );
    expect(d).not.toMatch(/Aucun/);
    expect(d).toContain(
      "Injonction de payer (articles 1405 et suivants du Code de procédure civile)",
    );
    expect(d).toContain("Procédure simplifiée de recouvrement des petites créances");
    expect(report.actions.map((a) => a.channel)).toEqual(["dossier", "letter"]);
  });
});
