// .docx files opened back: the package is a zip whose word/document.xml holds the text.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { docxBytes } from "../../../sandbox/files/docx.js";
import type { DocumentModel } from "../../../sandbox/model.js";

const LETTER: DocumentModel = {
  id: "doc-1",
  name: "Mise en demeure — Transports Garnier SAS — F-2026-0250",
  elements: [
    { type: "paragraph", heading: "TITLE", runs: [{ text: "Mise en demeure de payer" }] },
    {
      type: "paragraph",
      heading: "SUBTITLE",
      runs: [{ text: "Lettre recommandée avec accusé de réception" }],
    },
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
        { text: "Nous vous mettons en demeure de régler " },
        { text: "6\u202F480,00\u00A0€", bold: true },
        { text: " sous huit jours", italic: true },
        { text: ", par virement", underline: true },
        { text: " (voir nos conditions)", link: "https://imprimerie-durand.example/cgv" },
        { text: ".\nÀ défaut, nous saisirons un commissaire de justice." },
      ],
    },
    { type: "listItem", ordered: true, nesting: 0, runs: [{ text: "Principal : 6 480,00 €" }] },
    {
      type: "listItem",
      ordered: true,
      nesting: 0,
      runs: [{ text: "Indemnité forfaitaire : 40,00 €" }],
    },
    {
      type: "listItem",
      ordered: false,
      nesting: 1,
      runs: [{ text: "article D441-5 du Code de commerce" }],
    },
    {
      type: "table",
      headerRow: true,
      rows: [
        [[{ text: "Facture" }], [{ text: "Échéance" }], [{ text: "Montant TTC" }]],
        [[{ text: "F-2026-0250" }], [{ text: "30/09/2026" }], [{ text: "6 480,00 €" }]],
      ],
    },
    { type: "horizontalRule" },
    { type: "pageBreak" },
    { type: "paragraph", heading: "HEADING2", runs: [{ text: "Annexe : chronologie" }] },
  ],
};

async function open(doc: DocumentModel) {
  const zip = await JSZip.loadAsync(await docxBytes(doc));
  const xml = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  return {
    zip,
    document: await xml("word/document.xml"),
    styles: await xml("word/styles.xml"),
    rels: await xml("word/_rels/document.xml.rels"),
    core: await xml("docProps/core.xml"),
  };
}

/** The text of each paragraph of word/document.xml, in order. */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

describe("docxBytes", () => {
  it("writes a Word document whose paragraphs, headings, table and styles are all there", async () => {
    const { zip, document, styles, rels, core } = await open(LETTER);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
      ]),
    );
    const texts = paragraphs(document);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Mise en demeure de payer",
        "Lettre recommandée avec accusé de réception",
        "Lyon, le 26 novembre 2026",
        "Objet : facture F-2026-0250 impayée",
        "Nous vous mettons en demeure de régler 6\u202F480,00\u00A0€ sous huit jours, par virement (voir nos conditions).À défaut, nous saisirons un commissaire de justice.",
        "Principal : 6 480,00 €",
        "Facture",
        "6 480,00 €",
        "Annexe : chronologie",
      ]),
    );
    // Headings use Word's own styles, so the navigation pane and a TOC see them.
    for (const style of ["Title", "Subtitle", "Heading1", "Heading2"]) {
      expect(document).toContain(`<w:pStyle w:val="${style}"/>`);
      expect(styles).toContain(`w:styleId="${style}"`);
    }
    expect(document).toContain('<w:jc w:val="right"/>');
    expect(document).toContain('<w:jc w:val="both"/>');
    // Run styles, the soft line break, the link.
    expect(document).toMatch(
      /<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">6\u202F480,00\u00A0€<\/w:t>/,
    );
    expect(document).toMatch(/<w:i\/>/);
    expect(document).toMatch(/<w:u w:val="single"\/>/);
    expect(document).toMatch(/<w:br\/><w:t xml:space="preserve">À défaut/);
    expect(document).toMatch(/<w:hyperlink [^>]*r:id="([^"]+)"/);
    expect(rels).toContain('Target="https://imprimerie-durand.example/cgv"');
    // Lists, the table with its bold header row, the rule, the page break.
    expect(document.match(/<w:numPr>/g)).toHaveLength(3);
    expect(document).toContain("<w:tbl>");
    expect(document).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(on|true|1)"\/>/);
    expect(document).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Échéance<\/w:t>/);
    expect(document).toMatch(/<w:pBdr><w:bottom /);
    expect(document).toContain('<w:br w:type="page"/>');
    // A4 portrait, and a letter-size body font.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/<w:sz w:val="22"\/>/);
    expect(core).toContain("Mise en demeure — Transports Garnier SAS — F-2026-0250");
  });

  it("writes an empty document too", async () => {
    const { document } = await open({ id: "e", name: "Vide", elements: [] });
    expect(document).toContain("<w:body>");
  });
});
