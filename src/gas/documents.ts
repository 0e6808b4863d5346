// A MessageDocument as a Google Doc in the « Recouvra » Drive folder (one sub-folder per
// debtor), and its PDF beside it.
import type { CalendarDate } from "../domain/calendar-date";
import type { SentPdf } from "../domain/journal";
import type { Block, MessageDocument, Run } from "../domain/messages/document";
import { type AccountType, DAILY_QUOTAS } from "../domain/settings";

const ROOT_FOLDER = "Recouvra";
const FOLDER_PROPERTY = "recouvra.folderId";
const DOCS_COUNT_PROPERTY = "recouvra.docsCreated";

/** Google Docs created on `day` by Recouvra, the daily run and the sidebar alike. */
export function documentsCreatedOn(day: CalendarDate): number {
  const raw = PropertiesService.getDocumentProperties().getProperty(DOCS_COUNT_PROPERTY) ?? "";
  const [counted, count] = raw.split("|");
  return counted === day ? Number(count) || 0 : 0;
}

/** Counts `created` more documents for `day` (once per batch, not per Doc). */
export function countDocuments(day: CalendarDate, created: number): void {
  if (created === 0) return;
  PropertiesService.getDocumentProperties().setProperty(
    DOCS_COUNT_PROPERTY,
    `${day}|${documentsCreatedOn(day) + created}`,
  );
}

/** How many more documents the account's daily quota allows on `day`. Google tells no
 * remaining count for Docs: Recouvra counts its own, and Google's refusal is the truth. */
export function documentsLeftOn(day: CalendarDate, account: AccountType): number {
  return Math.max(0, DAILY_QUOTAS[account].documents - documentsCreatedOn(day));
}

export interface CreatedDocument {
  docId: string;
  docUrl: string;
  pdf: GoogleAppsScript.Base.Blob;
  pdfUrl: string;
  /** The PDF file's name in Drive (the name the email's attachment carries too). */
  pdfName: string;
}

/** The folders a run has looked up: the root once per run, each debtor's once. */
export interface FolderCache {
  root?: GoogleAppsScript.Drive.Folder;
  debtors: Map<string, GoogleAppsScript.Drive.Folder>;
}

export function newFolderCache(): FolderCache {
  return { debtors: new Map() };
}

function rootFolder(): GoogleAppsScript.Drive.Folder {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(FOLDER_PROPERTY);
  if (id) {
    try {
      return DriveApp.getFolderById(id);
    } catch (_) {
      // the folder was deleted: make a new one
    }
  }
  const folder = DriveApp.createFolder(ROOT_FOLDER);
  props.setProperty(FOLDER_PROPERTY, folder.getId());
  return folder;
}

function debtorFolder(client: string, cache: FolderCache): GoogleAppsScript.Drive.Folder {
  const name = client.replace(/[\\/:*?"<>|]/g, " ").trim() || "Sans nom";
  const known = cache.debtors.get(name);
  if (known) return known;
  cache.root ??= rootFolder();
  const found = cache.root.getFoldersByName(name);
  const folder = found.hasNext() ? found.next() : cache.root.createFolder(name);
  cache.debtors.set(name, folder);
  return folder;
}

function appendRuns(
  paragraph: GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem,
  runs: Run[],
): void {
  for (const run of runs) {
    if (run.text === "") continue;
    const t = paragraph.appendText(run.text);
    if (run.bold) t.setBold(true);
    if (run.italic) t.setItalic(true);
    if (run.link) t.setLinkUrl(run.link);
  }
}

function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== "") lines[lines.length - 1]?.push({ ...run, text: part });
    });
  }
  return lines;
}

const ALIGN = {
  left: () => DocumentApp.HorizontalAlignment.LEFT,
  right: () => DocumentApp.HorizontalAlignment.RIGHT,
  center: () => DocumentApp.HorizontalAlignment.CENTER,
  justify: () => DocumentApp.HorizontalAlignment.JUSTIFY,
};

function appendBlock(body: GoogleAppsScript.Document.Body, block: Block): void {
  switch (block.kind) {
    case "title":
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case "heading":
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.HEADING2);
      return;
    case "paragraph":
      // A line break inside a paragraph becomes a paragraph of its own: one way for the
      // Doc, its PDF and its .docx to show the same lines.
      for (const line of splitLines(block.runs)) {
        const p = body.appendParagraph("");
        appendRuns(p, line);
        if (block.align) p.setAlignment(ALIGN[block.align]());
      }
      return;
    case "list":
      for (const item of block.items) appendRuns(body.appendListItem(""), item);
      return;
    case "table": {
      const rows = [block.header, ...block.rows, ...(block.footer ? [block.footer] : [])];
      const table = body.appendTable(rows);
      const boldRow = (r: number, width: number) => {
        for (let c = 0; c < width; c++) table.getCell(r, c).editAsText().setBold(true);
      };
      boldRow(0, block.header.length);
      if (block.footer) boldRow(rows.length - 1, block.footer.length);
      return;
    }
    case "pageBreak":
      body.appendPageBreak();
  }
}

/** What a document creation got to, so that a failure midway leaves no orphan. */
export interface DocumentProgress {
  docId?: string;
  pdfId?: string;
}

/** Creates the Doc and its PDF (exported once: the same blob is attached to the email) in
 * the debtor's folder. `progress` learns each id as soon as it exists. */
export function createDocument(
  doc: MessageDocument,
  client: string,
  folders: FolderCache,
  progress: DocumentProgress = {},
): CreatedDocument {
  const document = DocumentApp.create(doc.title);
  const docId = document.getId();
  progress.docId = docId;
  const body = document.getBody();
  for (const block of doc.blocks) appendBlock(body, block);
  document.saveAndClose();
  const folder = debtorFolder(client, folders);
  const file = DriveApp.getFileById(docId);
  file.moveTo(folder);
  const pdfName = `${doc.title}.pdf`;
  const pdf = file.getAs("application/pdf").setName(pdfName);
  const pdfFile = folder.createFile(pdf);
  progress.pdfId = pdfFile.getId();
  return { docId, docUrl: document.getUrl(), pdf, pdfUrl: pdfFile.getUrl(), pdfName };
}

/** The PDF file of a created document, as the Journal records it. */
export function sentPdfOf(created: CreatedDocument): SentPdf {
  return { name: created.pdfName, url: created.pdfUrl };
}

/** Puts what a failed creation left in the Drive trash (the user can still restore it). */
export function trashDocument(progress: DocumentProgress): void {
  for (const id of [progress.pdfId, progress.docId]) {
    if (id) DriveApp.getFileById(id).setTrashed(true);
  }
}

/** Trashes Docs titled `title` that no Journal line links to: left by an earlier attempt
 * that failed after Google created the Doc but before Recouvra learnt its id. */
export function trashOrphans(title: string, linked: ReadonlySet<string>): void {
  for (const name of [title, `${title}.pdf`]) {
    const files = DriveApp.getFilesByName(name);
    while (files.hasNext()) {
      const file = files.next();
      if (![...linked].some((url) => url.includes(file.getId()))) file.setTrashed(true);
    }
  }
}
