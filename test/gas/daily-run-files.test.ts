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
    expect(plain(parsed.text ?? "")).toContain("la somme de 1 908,47 € au plus tard le 04/12/2026");
    expect(plain(String(parsed.html))).toContain("1 908,47 €");
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["Mise en demeure — Boulangerie Martin — F-2026-0250 — 2026-11-26.pdf", "application/pdf"],
    ]);
    const attached = pdfText(new Uint8Array(parsed.attachments[0]?.content ?? []), "attached");
    for (const amount of ["1 850,00 €", "18,47 €", "40,00 €", "1 908,47 €", "04/12/2026"])
      expect(attached).toContain(amount);
    expect(attached).toContain("mettons en demeure");
  });

  it("the letter and the dossier, rendered to PDF, carry every amount", () => {
    const letter = sb.documents.find((d) => d.name.startsWith("Mise en demeure"));
    const dossier = sb.documents.find((d) => d.name.startsWith("Dossier de recouvrement"));
    if (!letter || !dossier) throw new Error("documents missing");
    const l = pdfText(renderPdf(letter), "letter");
    expect(l).toContain("Principal restant dû : 1 850,00 €");
    expect(l).toMatch(/taux de 12,15 % l'an\) : 18,47 €/);
    expect(l).toContain("40 € par facture) : 40,00 €");
    expect(l).toContain("Total : 1 908,47 €");
    // 2 400 € − 400 € paid = 2 000 € since 2/10: 55 days → 36,62 €; + 40 € = 2 076,62 €.
    const d = pdfText(renderPdf(dossier), "dossier");
    // (The 8-column table wraps its cells on A4; the amounts are checked in the summary.)
    expect(d).toContain("400,00 €");
    expect(d).toContain("Principal restant dû : 2 000,00 €");
    expect(d).toContain("(L441-10 du Code de commerce) : 36,62 €");
    expect(d).toContain("(D441-5) : 40,00 €");
    expect(d).toContain("Total réclamé : 2 076,62 €");
    expect(report.actions.map((a) => a.channel)).toEqual(["dossier", "letter"]);
  });
});
