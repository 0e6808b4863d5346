// The script of the DocumentApp and DriveApp tests: a letter, its PDF, folders, the quota.
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

export function sandbox(account: "consumer" | "workspace" = "consumer") {
  return createSandbox({ scripts: [{ name: "Code.js", code }], account, now: "2026-11-26T09:00" });
}
