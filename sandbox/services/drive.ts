// DriveApp: folders and files in memory. A Google Doc created by DocumentApp is a Drive
// file too (its blob converts to PDF).

import { renderPdf } from "../files/pdf.js";
import type { DocumentModel } from "../model.js";
import { Blob } from "./blob.js";
import { GAS, type Runtime } from "./runtime.js";

type FolderT = GoogleAppsScript.Drive.Folder;
type FileT = GoogleAppsScript.Drive.File;
type BlobT = GoogleAppsScript.Base.Blob;

export const GOOGLE_DOCS_MIME = "application/vnd.google-apps.document";

export interface DriveFolderRecord {
  id: string;
  name: string;
  parentId: string | null;
}

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  parentId: string;
  /** The bytes of an uploaded file; absent for a Google Doc. */
  bytes?: Uint8Array;
  /** The document a Google Doc file stands for. */
  doc?: DocumentModel;
  createdAt: Date;
  /** In the trash (DriveApp.File.setTrashed): no longer found by name. */
  trashed?: boolean;
}

/** What Drive holds, for the harness: every folder and file, with their content. */
export class DriveStore {
  readonly folders: DriveFolderRecord[] = [];
  readonly files: DriveFileRecord[] = [];
  readonly rootId: string;

  constructor(
    private readonly newId: (prefix: string) => string,
    /** The simulated clock (creation dates). */
    readonly now: () => number = () => Date.now(),
  ) {
    this.rootId = this.id("root");
    this.folders.push({ id: this.rootId, name: "My Drive", parentId: null });
  }
  id(prefix: string): string {
    return this.newId(prefix);
  }
  /** A folder's path from the root ("Recouvra/Lettres"). */
  pathOf(folderId: string): string {
    const parts: string[] = [];
    let f = this.folders.find((x) => x.id === folderId);
    while (f && f.parentId !== null) {
      parts.unshift(f.name);
      const parent = f.parentId;
      f = this.folders.find((x) => x.id === parent);
    }
    return parts.join("/");
  }
  /** A file's bytes as Drive would download them (a Doc as PDF). */
  bytesOf(file: DriveFileRecord): Uint8Array {
    if (file.doc) return renderPdf(file.doc);
    return file.bytes ?? new Uint8Array();
  }
}

function blobOf(rec: DriveFileRecord): Blob {
  if (rec.doc) {
    // Drive's getBlob() of a Google Doc is its PDF export.
    return new Blob(renderPdf(rec.doc), "application/pdf", `${rec.name}.pdf`);
  }
  const bytes = rec.bytes ?? new Uint8Array();
  return new Blob(new Uint8Array(bytes), rec.mimeType, rec.name, (type) =>
    type === "application/pdf" && /^text\//.test(rec.mimeType)
      ? renderPdf({
          id: rec.id,
          name: rec.name,
          elements: textElements(new TextDecoder().decode(bytes)),
        })
      : undefined,
  );
}

/** Plain text (or HTML stripped of its tags) as paragraphs, for text → PDF conversions. */
export function textElements(text: string): DocumentModel["elements"] {
  const plain = text
    .replace(/<(br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
  return plain.split(/\n/).map((line) => ({
    type: "paragraph" as const,
    heading: "NORMAL" as const,
    runs: [{ text: line.trim() }],
  }));
}

class Iterator<T> {
  readonly [GAS]: string;
  private i = 0;
  constructor(
    label: string,
    private readonly items: T[],
  ) {
    this[GAS] = label;
  }
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    const v = this.items[this.i++];
    if (v === undefined)
      throw new Error("Cannot retrieve the next object: iterator has reached the end.");
    return v;
  }
  getContinuationToken(): string {
    return String(this.i);
  }
}

export class DriveFile
  implements
    Pick<
      FileT,
      | "getId"
      | "getName"
      | "setName"
      | "getUrl"
      | "getBlob"
      | "getAs"
      | "moveTo"
      | "getMimeType"
      | "getParents"
      | "getSize"
      | "getDateCreated"
      | "setTrashed"
      | "isTrashed"
    >
{
  readonly [GAS] = "DriveApp.File";
  constructor(
    private readonly store: DriveStore,
    readonly _rec: DriveFileRecord,
  ) {}
  getId(): string {
    return this._rec.id;
  }
  getName(): string {
    return this._rec.doc?.name ?? this._rec.name;
  }
  setName(name: string): FileT {
    this._rec.name = name;
    if (this._rec.doc) this._rec.doc.name = name;
    return this as unknown as FileT;
  }
  getMimeType(): string {
    return this._rec.mimeType;
  }
  getSize(): number {
    return this._rec.doc ? 0 : (this._rec.bytes?.length ?? 0);
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this._rec.createdAt.getTime());
  }
  getUrl(): string {
    return this._rec.doc
      ? `https://docs.google.com/document/d/${this._rec.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${this._rec.id}/view?usp=drivesdk`;
  }
  getBlob(): BlobT {
    return blobOf(this._rec) as unknown as BlobT;
  }
  getAs(contentType: string): BlobT {
    if (this._rec.doc && contentType === "application/pdf") return this.getBlob();
    return blobOf(this._rec).getAs(contentType);
  }
  moveTo(destination: FolderT): FileT {
    this._rec.parentId = (destination as unknown as Folder)._rec.id;
    return this as unknown as FileT;
  }
  setTrashed(trashed: boolean): FileT {
    this._rec.trashed = trashed;
    if (this._rec.doc) this._rec.doc.trashed = trashed;
    return this as unknown as FileT;
  }
  isTrashed(): boolean {
    return this._rec.trashed === true;
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const parent = this.store.folders.find((f) => f.id === this._rec.parentId);
    const items = parent ? [new Folder(this.store, parent)] : [];
    return new Iterator(
      "DriveApp.FolderIterator",
      items,
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}

export class Folder
  implements
    Pick<
      FolderT,
      | "getId"
      | "getName"
      | "setName"
      | "getUrl"
      | "createFolder"
      | "createFile"
      | "getFiles"
      | "getFilesByName"
      | "getFolders"
      | "getFoldersByName"
      | "getParents"
    >
{
  readonly [GAS] = "DriveApp.Folder";
  constructor(
    private readonly store: DriveStore,
    readonly _rec: DriveFolderRecord,
  ) {}
  getId(): string {
    return this._rec.id;
  }
  getName(): string {
    return this._rec.name;
  }
  setName(name: string): FolderT {
    this._rec.name = name;
    return this as unknown as FolderT;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._rec.id}`;
  }
  createFolder(name: string): FolderT {
    const rec = { id: this.store.id("folder"), name, parentId: this._rec.id };
    this.store.folders.push(rec);
    return new Folder(this.store, rec) as unknown as FolderT;
  }
  createFile(
    a: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): FileT {
    let rec: DriveFileRecord;
    const base = {
      id: this.store.id("file"),
      parentId: this._rec.id,
      createdAt: new Date(this.store.now()),
    };
    if (typeof a === "string") {
      rec = {
        ...base,
        name: a,
        mimeType: mimeType ?? "text/plain",
        bytes: new TextEncoder().encode(content ?? ""),
      };
    } else {
      const blob = a.getBlob() as unknown as Blob;
      rec = {
        ...base,
        name: blob.getName() ?? "Untitled",
        mimeType: blob.getContentType() ?? "application/octet-stream",
        bytes: new Uint8Array(blob._bytes()),
      };
    }
    this.store.files.push(rec);
    return new DriveFile(this.store, rec) as unknown as FileT;
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return this.fileIterator(() => true);
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this.fileIterator((f) => f.name === name);
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return this.folderIterator(() => true);
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return this.folderIterator((f) => f.name === name);
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const parent = this.store.folders.find((f) => f.id === this._rec.parentId);
    return new Iterator(
      "DriveApp.FolderIterator",
      parent ? [new Folder(this.store, parent)] : [],
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  private fileIterator(keep: (f: DriveFileRecord) => boolean) {
    const items = this.store.files
      .filter((f) => f.parentId === this._rec.id && keep(f))
      .map((f) => new DriveFile(this.store, f));
    return new Iterator(
      "DriveApp.FileIterator",
      items,
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  private folderIterator(keep: (f: DriveFolderRecord) => boolean) {
    const items = this.store.folders
      .filter((f) => f.parentId === this._rec.id && keep(f))
      .map((f) => new Folder(this.store, f));
    return new Iterator(
      "DriveApp.FolderIterator",
      items,
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}

export class DriveApp
  implements
    Pick<
      GoogleAppsScript.Drive.DriveApp,
      | "getRootFolder"
      | "createFolder"
      | "createFile"
      | "getFoldersByName"
      | "getFilesByName"
      | "getFolderById"
      | "getFileById"
    >
{
  readonly [GAS] = "DriveApp";
  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
  ) {}
  private root(): Folder {
    return new Folder(this.store, this.store.folders[0] as DriveFolderRecord);
  }
  getRootFolder(): FolderT {
    return this.root() as unknown as FolderT;
  }
  createFolder(name: string): FolderT {
    return this.root().createFolder(name);
  }
  createFile(
    a: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): FileT {
    return this.root().createFile(a, content, mimeType);
  }
  /** Anywhere in Drive (not only the root), as DriveApp searches. */
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    const items = this.store.folders
      .filter((f) => f.name === name && f.parentId !== null)
      .map((f) => new Folder(this.store, f));
    return new Iterator(
      "DriveApp.FolderIterator",
      items,
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    const items = this.store.files
      .filter((f) => f.name === name && !f.trashed)
      .map((f) => new DriveFile(this.store, f));
    return new Iterator(
      "DriveApp.FileIterator",
      items,
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  getFolderById(id: string): FolderT {
    const rec = this.store.folders.find((f) => f.id === id);
    if (!rec)
      throw this.rt.exception(
        "No item with the given ID could be found, or you do not have permission to access it.",
      );
    return new Folder(this.store, rec) as unknown as FolderT;
  }
  getFileById(id: string): FileT {
    const rec = this.store.files.find((f) => f.id === id);
    if (!rec)
      throw this.rt.exception(
        "No item with the given ID could be found, or you do not have permission to access it.",
      );
    return new DriveFile(this.store, rec) as unknown as FileT;
  }
}
