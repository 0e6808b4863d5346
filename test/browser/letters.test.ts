// Every letter of the sidebar: previewed first (nothing created), then generated as a Doc
// and its PDF in the debtor's Drive folder, and linked in the Journal.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../sandbox/files/pdf";
import { journal, launch, open, openDossier, statusText } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "recouvra-letters-"));

/** The PDF as its reader sees it, through pdftotext; wrapped lines read as one. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CLIENT = "Fleurs & Jardins Moreau";

const LETTERS: {
  kind: string;
  step: string;
  fill?: Record<string, string>;
  preview: RegExp;
  /** What the PDF, read back, must say. */
  pdf?: RegExp[];
}[] = [
  { kind: "courtesy", step: "Relance de courtoisie", preview: /Sauf erreur de notre part/ },
  { kind: "firm", step: "Relance ferme", preview: /reste(nt)? impayée/ },
  {
    kind: "formalNotice",
    step: "Mise en demeure",
    preview: /mettons en demeure/,
    pdf: [
      /Lettre recommandée avec accusé de réception Objet : mise en demeure de payer/,
      /dans un délai de 8 jours à compter de la réception de la présente/,
      /Détail des pénalités de retard/,
      /\(estimé\)/,
      /Données personnelles : Imprimerie Durand SARL traite vos nom/,
    ],
  },
  {
    kind: "paymentPlan",
    step: "Proposition d'échéancier",
    fill: { "Première échéance": "2026-12-15", "Nombre d'échéances": "6" },
    preview: /Clause de déchéance du terme/,
  },
  {
    kind: "acknowledgment",
    step: "Reconnaissance de dette",
    fill: { "Montant (€)": "1 850,50", "Signataire pour le client": "M. Paul Moreau, gérant" },
    preview: /Somme en lettres, de votre main/,
    pdf: [
      /la somme de 1 850,50 € en principal\./,
      /Somme en chiffres, de votre main : _{20,}/,
      /Somme en lettres, de votre main : _{20,} _{20,}/,
      /se réserve expressément le droit de réclamer les pénalités de retard/,
    ],
  },
  {
    kind: "partialSettlement",
    step: "Protocole de remise partielle",
    fill: { "Montant réglé par le client (€)": "4000", "À régler au plus tard le": "2026-12-10" },
    preview: /remise du solde|renonce au surplus/,
    pdf: [
      /PROTOCOLE DE REMISE PARTIELLE DE DETTE|Protocole de remise partielle de dette/,
      /article 1350 du Code civil/,
    ],
  },
  {
    kind: "handover",
    step: "Transmission à un professionnel",
    preview: /Chronologie, facture par facture/,
    pdf: [
      /Injonction de payer \(articles 1405 et suivants du Code de procédure civile\)/,
      /Référé-provision/,
      /Facture Date Étape ou/,
    ],
  },
];

describe("letters", () => {
  it("previews then generates each letter: the Doc, its PDF in Drive, the Journal line", async () => {
    const s = await open(browser);
    try {
      const { page, sb } = s;
      await openDossier(page, CLIENT);
      for (const letter of LETTERS) {
        await page.getByText("Courriers", { exact: true }).click();
        const panel = page.locator("#panel-letters");
        await panel.getByLabel("Courrier", { exact: true }).selectOption(letter.kind);
        for (const [label, value] of Object.entries(letter.fill ?? {}))
          await panel.getByLabel(label, { exact: true }).fill(value);
        const docsBefore = sb.documents.length;
        await page.getByRole("button", { name: "Aperçu" }).click();
        const preview = page.getByRole("article", { name: "Aperçu du courrier" });
        await preview.waitFor();
        expect(await preview.textContent()).toMatch(letter.preview);
        expect(sb.documents.length).toBe(docsBefore); // a preview creates nothing
        await page.getByRole("button", { name: "Créer le document" }).click();
        expect(await statusText(page, "ok")).toContain(":");
        await page.locator("#created-links").waitFor();
        expect(sb.documents.length).toBe(docsBefore + 1);
        const doc = sb.documents.at(-1);
        const pdf = sb.drive.files.find((f) => f.name === `${doc?.name}.pdf`);
        expect(pdf, `${letter.kind}: PDF in Drive`).toBeDefined();
        expect(sb.drive.pathOf(pdf?.parentId ?? "")).toBe(`Recouvra/${CLIENT}`);
        if (doc && letter.pdf) {
          const text = pdfText(renderPdf(doc), letter.kind);
          for (const expected of letter.pdf) expect(text, letter.kind).toMatch(expected);
          expect(text, letter.kind).not.toContain("mille huit cent");
        }
        const line = [...journal(sb)].reverse().find((l) => l.Étape === letter.step);
        expect(line?.Étape).toBe(letter.step);
        expect(String(line?.Document)).toContain(doc?.id);
        s.sb.clock.set("2026-11-26T10:05", "Europe/Paris");
      }
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
    // Seven letters generated and four read back through pdftotext, on a shared machine.
  }, 90_000);
});
