// PDFs read back by a real parser: pdftotext and pdfinfo from poppler-utils
// (Debian: `apt-get install -y poppler-utils`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdf, toWinAnsi } from "../../../sandbox/files/pdf.js";
import type { DocumentModel, TextRun } from "../../../sandbox/model.js";

const dir = mkdtempSync(join(tmpdir(), "recouvra-pdf-"));
let count = 0;

function poppler(tool: "pdftotext" | "pdfinfo", bytes: Uint8Array, args: string[] = []): string {
  const file = join(dir, `${++count}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], {
      encoding: "utf8",
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(
        `${tool} introuvable : installer poppler-utils (apt-get install -y poppler-utils)`,
      );
    throw e;
  }
}

/** Spaces as a reader compares them: the no-break ones are still spaces. */
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, " ").replace(/[ \t]+/g, " ");

const fr = (n: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(n);

const LETTER: DocumentModel = {
  id: "doc-1",
  name: "Mise en demeure — Transports Garnier SAS — F-2026-0250",
  elements: [
    { type: "paragraph", heading: "TITLE", runs: [{ text: "Mise en demeure de payer" }] },
    {
      type: "paragraph",
      heading: "NORMAL",
      alignment: "RIGHT",
      runs: [{ text: "Lyon, le 26 novembre 2026" }],
    },
    {
      type: "paragraph",
      heading: "HEADING1",
      runs: [{ text: "Objet : facture F-2026-0250 impayée" }],
    },
    {
      type: "paragraph",
      heading: "NORMAL",
      alignment: "JUSTIFY",
      runs: [
        { text: "Malgré nos relances, vous restez devoir " },
        { text: fr(6480), bold: true },
        { text: " ; pénalités : " },
        { text: fr(122.95), italic: true },
        {
          text: ". L’indemnité « forfaitaire » de 40\u00A0€ s’y ajoute — à régler sous huit jours, ça va de soi.",
        },
      ],
    },
    { type: "listItem", ordered: true, nesting: 0, runs: [{ text: `Principal : ${fr(6480)}` }] },
    { type: "listItem", ordered: true, nesting: 0, runs: [{ text: `Indemnité : ${fr(40)}` }] },
    {
      type: "listItem",
      ordered: false,
      nesting: 1,
      runs: [{ text: "Œuvre, cœur, Noël, garçon, où, île" }],
    },
    { type: "horizontalRule" },
    {
      type: "table",
      headerRow: true,
      rows: [
        [[{ text: "Facture" }], [{ text: "Échéance" }], [{ text: "Montant TTC" }]],
        [[{ text: "F-2026-0250" }], [{ text: "30/09/2026" }], [{ text: fr(6480) }]],
      ],
    },
  ],
};

describe("renderPdf", () => {
  it("is synchronous and returns a whole PDF", () => {
    const bytes = renderPdf(LETTER);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(bytes.subarray(-8)).toString("latin1")).toContain("%%EOF");
  });

  it("writes French text and amounts that a PDF reader extracts as typed", () => {
    const text = plain(poppler("pdftotext", renderPdf(LETTER), ["-layout"]));
    for (const expected of [
      "Mise en demeure de payer",
      "Lyon, le 26 novembre 2026",
      "Objet : facture F-2026-0250 impayée",
      "vous restez devoir 6 480,00 € ; pénalités : 122,95 €.",
      "L’indemnité « forfaitaire » de 40 € s’y ajoute — à régler sous huit jours, ça va de soi.",
      "1. Principal : 6 480,00 €",
      "2. Indemnité : 40,00 €",
      "Œuvre, cœur, Noël, garçon, où, île",
      "F-2026-0250",
      "30/09/2026",
    ]) {
      expect(text.replace(/\s*\n\s*/g, " ")).toContain(expected);
    }
    expect(text).toMatch(/Facture\s+Échéance\s+Montant TTC/);
    expect(text).not.toContain("?");
  });

  it("maps what the built-in font cannot show, keeping French spaces unbreakable", () => {
    expect(toWinAnsi("1\u202F234,56\u00A0€")).toBe("1\u00A0234,56\u00A0€");
    expect(toWinAnsi("a\u2011b ≥ 3 → ő ✓ 日")).toBe("a-b >= 3 -> o v ?");
    expect(toWinAnsi("é è à ç « » € — ’ œ")).toBe("é è à ç « » € — ’ œ");
    expect(toWinAnsi("a\r\nb\rc\td\u0007\u0080")).toBe("a\nb\nc    d");
  });

  it("flows long text and long tables onto new pages, repeating the table header", () => {
    const rows: TextRun[][][] = Array.from({ length: 80 }, (_, i) => [
      [{ text: `F-2026-${String(i).padStart(4, "0")}` }],
      [{ text: fr(1000 + i) }],
      [{ text: "Relance de courtoisie envoyée, sans réponse à ce jour" }],
    ]);
    const doc: DocumentModel = {
      id: "d",
      name: "Dossier",
      elements: [
        { type: "paragraph", heading: "NORMAL", runs: [{ text: "Texte très long. ".repeat(600) }] },
        {
          type: "table",
          headerRow: true,
          rows: [[[{ text: "Facture" }], [{ text: "Montant" }], [{ text: "Historique" }]], ...rows],
        },
        { type: "pageBreak" },
        { type: "paragraph", heading: "HEADING1", runs: [{ text: "Dernière page" }] },
      ],
    };
    const bytes = renderPdf(doc);
    const info = poppler("pdfinfo", bytes);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    const text = plain(poppler("pdftotext", bytes));
    expect(text).toContain("F-2026-0079");
    expect(text).toContain("1 079,00 €");
    // One header per page the table covers: more than one.
    expect(text.match(/Historique/g)?.length).toBeGreaterThan(1);
    // The page break: the last heading stands alone on the last page.
    const lastPage = poppler("pdftotext", bytes, ["-f", String(pages), "-l", String(pages)]);
    expect(lastPage.trim()).toBe("Dernière page");
  });

  it("sets the metadata and gives the same bytes for the same creation date", () => {
    const creationDate = new Date("2026-11-26T08:00:00Z");
    const a = renderPdf(LETTER, { creationDate });
    expect(Buffer.from(renderPdf(LETTER, { creationDate })).equals(Buffer.from(a))).toBe(true);
    const info = poppler("pdfinfo", a, ["-isodates"]);
    expect(info).toMatch(/^Title:\s+Mise en demeure — Transports Garnier SAS — F-2026-0250$/m);
    expect(info).toMatch(/^Author:\s+Recouvra$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-26T08:00:00(Z|\+00)/m);
  });
});
