// DocumentApp builds DocumentModel (what the .docx/.pdf layers export).

import { describe, expect, it } from "vitest";
import { sandbox } from "./documents-script";

describe("DocumentApp", () => {
  it("keeps headings, alignment, styled runs, lists, tables, rules and page breaks", () => {
    const sb = sandbox();
    const [id, url, text, pdfName, pdfType] = sb.run<string[]>("letter");
    expect(url).toBe(`https://docs.google.com/document/d/${id}/edit`);
    expect(text).toBe(
      "MISE EN DEMEURE\nMontant dû : 1 850,00 €\nFacture F-001\nFacture F-002\nFacture\tMontant\nF-001\t1 850,00 €\n\n\nVoir https://exemple.test",
    );
    expect([pdfName, pdfType]).toEqual(["Mise en demeure F-001.pdf", "application/pdf"]);
    const doc = sb.documents[0];
    expect(doc?.name).toBe("Mise en demeure F-001");
    expect(doc?.elements).toEqual([
      {
        type: "paragraph",
        heading: "HEADING1",
        alignment: "CENTER",
        runs: [{ text: "MISE EN DEMEURE" }],
      },
      {
        type: "paragraph",
        heading: "NORMAL",
        runs: [
          { text: "Monta", italic: true },
          { text: "nt dû : " },
          { text: "1 850,00 €", bold: true },
        ],
      },
      { type: "listItem", ordered: true, nesting: 0, runs: [{ text: "Facture F-001" }] },
      { type: "listItem", ordered: true, nesting: 0, runs: [{ text: "Facture F-002" }] },
      {
        type: "table",
        rows: [
          [[{ text: "Facture", bold: true }], [{ text: "Montant" }]],
          [[{ text: "F-001" }], [{ text: "1 850,00 €" }]],
        ],
      },
      { type: "horizontalRule" },
      { type: "pageBreak" },
      {
        type: "paragraph",
        heading: "NORMAL",
        runs: [{ text: "Voir " }, { text: "https://exemple.test", link: "https://exemple.test" }],
      },
    ]);
  });

  it("exports a real PDF, also through Drive", () => {
    const sb = sandbox();
    const [id] = sb.run<string[]>("letter");
    expect(sb.run("pdfHead", id)).toBe("%PDF-");
    const file = sb.drive.files.find((f) => f.id === id);
    expect(file && new TextDecoder().decode(sb.drive.bytesOf(file).slice(0, 5))).toBe("%PDF-");
  });

  it("refuses the 251st document of the day on a consumer account", () => {
    const sb = sandbox();
    // At ~1.5 s each, 250 documents take more than one 6-minute execution.
    expect(() => sb.run("many", 250)).toThrow("Exceeded maximum execution time");
    expect(sb.documents).toHaveLength(241);
    expect(sb.run("many", 9)).toBe(9);
    expect(() => sb.run("many", 1)).toThrow(
      "Service invoked too many times for one day: docs create.",
    );
    const ws = sandbox("workspace");
    for (let i = 0; i < 3; i++) ws.run("many", 100);
    expect(ws.documents).toHaveLength(300);
  });
});
