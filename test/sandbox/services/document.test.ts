// DocumentApp builds DocumentModel (what the .docx/.pdf layers export).

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../sandbox/index.js";

const code = `
function letter() {
  var doc = DocumentApp.create("Mise en demeure F-001");
  var body = doc.getBody();
  body.appendParagraph("MISE EN DEMEURE").setHeading(DocumentApp.ParagraphHeading.HEADING1)
    .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  var p = body.appendParagraph("Montant dû : ");
  p.appendText("1 850,00 €").setBold(true);
  p.editAsText().setItalic(0, 4, true);
  body.appendListItem("Facture F-001").setGlyphType(DocumentApp.GlyphType.NUMBER);
  body.appendListItem("Facture F-002");
  var t = body.appendTable([["Facture", "Montant"], ["F-001", "1 850,00 €"]]);
  t.getCell(0, 0).editAsText().setBold(true);
  body.appendHorizontalRule();
  body.appendPageBreak();
  body.appendParagraph("Voir https://exemple.test").editAsText().setLinkUrl(5, 24, "https://exemple.test");
  doc.saveAndClose();
  var pdf = doc.getAs(MimeType.PDF);
  var folder = DriveApp.createFolder("Recouvra").createFolder("Lettres");
  var file = folder.createFile(pdf);
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  return [doc.getId(), doc.getUrl(), body.getText(), pdf.getName(), pdf.getContentType(), file.getName(),
    file.getUrl(), folder.getName()];
}
function find() {
  var it = DriveApp.getFoldersByName("Lettres");
  var names = [];
  while (it.hasNext()) {
    var files = it.next().getFiles();
    while (files.hasNext()) names.push(files.next().getName());
  }
  return names.sort();
}
function pdfHead(id) {
  var bytes = DriveApp.getFileById(id).getAs("application/pdf").getBytes();
  return String.fromCharCode.apply(null, bytes.slice(0, 5));
}
function many(n) { for (var i = 0; i < n; i++) DocumentApp.create("Doc " + i); return n; }
function missingFolder() { return DriveApp.getFolderById("nope"); }
`;

function sandbox(account: "consumer" | "workspace" = "consumer") {
  return createSandbox({ scripts: [{ name: "Code.js", code }], account, now: "2026-11-26T09:00" });
}

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
