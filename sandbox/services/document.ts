// DocumentApp: Google Docs kept as DocumentModel (paragraphs with headings and
// alignment, styled runs, lists, tables, page breaks, rules), exported to PDF through
// sandbox/files/pdf.ts. Creating documents counts against the daily quota.

import { renderPdf } from "../files/pdf.js";
import type { DocElement, DocumentModel, Heading, TextRun } from "../model.js";
import { Blob } from "./blob.js";
import { type DriveStore, GOOGLE_DOCS_MIME } from "./drive.js";
import { GAS, LIMITS, MESSAGES, type Runtime } from "./runtime.js";

type D = typeof GoogleAppsScript.Document;
type DocumentT = GoogleAppsScript.Document.Document;
type BodyT = GoogleAppsScript.Document.Body;
type ParagraphT = GoogleAppsScript.Document.Paragraph;
type ListItemT = GoogleAppsScript.Document.ListItem;
type TextT = GoogleAppsScript.Document.Text;
type TableT = GoogleAppsScript.Document.Table;
type TableCellT = GoogleAppsScript.Document.TableCell;

export const ParagraphHeading = {
  NORMAL: "NORMAL",
  HEADING1: "HEADING1",
  HEADING2: "HEADING2",
  HEADING3: "HEADING3",
  HEADING4: "HEADING4",
  HEADING5: "HEADING5",
  HEADING6: "HEADING6",
  TITLE: "TITLE",
  SUBTITLE: "SUBTITLE",
} as const;
export const HorizontalAlignment = {
  LEFT: "LEFT",
  CENTER: "CENTER",
  RIGHT: "RIGHT",
  JUSTIFY: "JUSTIFY",
} as const;
export const GlyphType = {
  BULLET: "BULLET",
  HOLLOW_BULLET: "HOLLOW_BULLET",
  SQUARE_BULLET: "SQUARE_BULLET",
  NUMBER: "NUMBER",
  LATIN_UPPER: "LATIN_UPPER",
  LATIN_LOWER: "LATIN_LOWER",
  ROMAN_UPPER: "ROMAN_UPPER",
  ROMAN_LOWER: "ROMAN_LOWER",
} as const;
export const Attribute = {
  BOLD: "BOLD",
  ITALIC: "ITALIC",
  UNDERLINE: "UNDERLINE",
  LINK_URL: "LINK_URL",
} as const;

function asGas<T>(x: object): T {
  return x as unknown as T;
}

/** Where a Text's runs live (a paragraph, a list item, a table cell). */
interface RunHolder {
  get(): TextRun[];
  set(runs: TextRun[]): void;
}

type Style = Omit<TextRun, "text">;

function sameStyle(a: Style, b: Style): boolean {
  return (
    a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.link === b.link
  );
}

/** Applies a style change to characters [start, end) of runs, merging equal neighbours. */
function restyle(
  runs: TextRun[],
  start: number,
  end: number,
  change: (s: Style) => Style,
): TextRun[] {
  const chars: { ch: string; style: Style }[] = [];
  for (const r of runs) {
    const { text, ...style } = r;
    for (const ch of text) chars.push({ ch, style });
  }
  for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
    const c = chars[i] as { ch: string; style: Style };
    c.style = change({ ...c.style });
  }
  const out: TextRun[] = [];
  for (const c of chars) {
    const last = out[out.length - 1];
    if (last && sameStyle(last, c.style)) last.text += c.ch;
    else out.push(clean({ text: c.ch, ...c.style }));
  }
  return out;
}

function clean(run: TextRun): TextRun {
  const r: TextRun = { text: run.text };
  if (run.bold) r.bold = true;
  if (run.italic) r.italic = true;
  if (run.underline) r.underline = true;
  if (run.link) r.link = run.link;
  return r;
}

function textOf(runs: TextRun[]): string {
  return runs.map((r) => r.text).join("");
}

type TextMethods =
  | "getText"
  | "setText"
  | "appendText"
  | "insertText"
  | "deleteText"
  | "setBold"
  | "setItalic"
  | "setUnderline"
  | "setLinkUrl"
  | "editAsText";

/** A window [start, start+length) on a holder's text; length undefined = to the end. */
export class Text implements Pick<TextT, TextMethods> {
  readonly [GAS] = "DocumentApp.Text";
  constructor(
    private readonly holder: RunHolder,
    private readonly start = 0,
    private readonly length?: number,
  ) {}
  private self(): TextT {
    return asGas<TextT>(this);
  }
  private end(): number {
    const total = textOf(this.holder.get()).length;
    return this.length === undefined ? total : Math.min(total, this.start + this.length);
  }
  private style(
    a: boolean | number,
    b: number | undefined,
    c: unknown,
    change: (s: Style, v: unknown) => Style,
  ): TextT {
    const [from, to, v] =
      typeof a === "number"
        ? [this.start + a, this.start + (b as number) + 1, c]
        : [this.start, this.end(), a];
    if (to - 1 >= this.end() && typeof a === "number") {
      throw new Error(`The parameters (${a},${b}) are out of range.`);
    }
    this.holder.set(restyle(this.holder.get(), from, to, (s) => change(s, v)));
    return this.self();
  }
  getText(): string {
    return textOf(this.holder.get()).slice(this.start, this.end());
  }
  setText(text: string): TextT {
    this.holder.set(text === "" ? [] : [{ text }]);
    return this.self();
  }
  appendText(text: string): TextT {
    const runs = this.holder.get();
    const at = textOf(runs).length;
    this.holder.set([...runs, { text }]);
    return asGas<TextT>(new Text(this.holder, at, text.length));
  }
  insertText(offset: number, text: string): TextT {
    const at = this.start + offset;
    const out: TextRun[] = [];
    let pos = 0;
    let done = false;
    for (const r of this.holder.get()) {
      if (!done && at >= pos && at < pos + r.text.length) {
        const k = at - pos;
        out.push({ ...r, text: r.text.slice(0, k) }, { text }, { ...r, text: r.text.slice(k) });
        done = true;
      } else out.push(r);
      pos += r.text.length;
    }
    if (!done) out.push({ text });
    this.holder.set(out.filter((r) => r.text !== ""));
    return this.self();
  }
  deleteText(startOffset: number, endOffsetInclusive: number): TextT {
    const from = this.start + startOffset;
    const to = this.start + endOffsetInclusive + 1;
    const out: TextRun[] = [];
    let pos = 0;
    for (const r of this.holder.get()) {
      const keep = [...r.text].filter((_, i) => pos + i < from || pos + i >= to).join("");
      if (keep) out.push({ ...r, text: keep });
      pos += r.text.length;
    }
    this.holder.set(out);
    return this.self();
  }
  setBold(a: boolean | number, b?: number, c?: boolean): TextT {
    return this.style(a, b, c, (s, v) => ({ ...s, bold: Boolean(v) }));
  }
  setItalic(a: boolean | number, b?: number, c?: boolean): TextT {
    return this.style(a, b, c, (s, v) => ({ ...s, italic: Boolean(v) }));
  }
  setUnderline(a: boolean | number, b?: number, c?: boolean): TextT {
    return this.style(a, b, c, (s, v) => ({ ...s, underline: Boolean(v) }));
  }
  setLinkUrl(a: string | number, b?: number, c?: string): TextT {
    // setLinkUrl(url): the whole text links to url (the style's value is the url itself).
    if (typeof a === "string") return this.style(true, undefined, a, (s) => ({ ...s, link: a }));
    return this.style(a, b, c, (s, v) => ({ ...s, link: v ? String(v) : undefined }));
  }
  editAsText(): TextT {
    return this.self();
  }
}

type ParagraphEl = Extract<DocElement, { type: "paragraph" }>;
type ListItemEl = Extract<DocElement, { type: "listItem" }>;
type TableEl = Extract<DocElement, { type: "table" }>;

function headingOf(h: string): Heading {
  if (h === "HEADING4" || h === "HEADING5" || h === "HEADING6") return "HEADING3";
  return (Object.keys(ParagraphHeading).includes(h) ? h : "NORMAL") as Heading;
}

/** Paragraph.setAttributes with DocumentApp.Attribute keys (BOLD, ITALIC, UNDERLINE, LINK_URL). */
function applyAttributes(holder: RunHolder, attributes: Record<string, unknown>): void {
  const runs = holder.get();
  holder.set(
    restyle(runs, 0, textOf(runs).length, (s) => {
      const out = { ...s };
      if ("BOLD" in attributes) out.bold = Boolean(attributes.BOLD);
      if ("ITALIC" in attributes) out.italic = Boolean(attributes.ITALIC);
      if ("UNDERLINE" in attributes) out.underline = Boolean(attributes.UNDERLINE);
      if ("LINK_URL" in attributes)
        out.link = attributes.LINK_URL ? String(attributes.LINK_URL) : undefined;
      return out;
    }),
  );
}

/** What a paragraph and a list item share: a run of styled text. */
abstract class TextElement<El extends { runs: TextRun[] }> {
  protected readonly holder: RunHolder;
  constructor(readonly _el: El) {
    this.holder = {
      get: () => this._el.runs,
      set: (runs) => {
        this._el.runs = runs;
      },
    };
  }
  getText(): string {
    return textOf(this._el.runs);
  }
  setText(text: string): void {
    this._el.runs = text === "" ? [] : [{ text }];
  }
  appendText(text: string | TextT): TextT {
    return new Text(this.holder).appendText(typeof text === "string" ? text : text.getText());
  }
  editAsText(): TextT {
    return asGas<TextT>(new Text(this.holder));
  }
}

type ParagraphMethods =
  | "getText"
  | "setText"
  | "appendText"
  | "editAsText"
  | "setHeading"
  | "getHeading"
  | "setAlignment"
  | "getAlignment"
  | "setAttributes"
  | "clear";

export class Paragraph
  extends TextElement<ParagraphEl>
  implements Pick<ParagraphT, ParagraphMethods>
{
  readonly [GAS] = "DocumentApp.Paragraph";
  private self(): ParagraphT {
    return asGas<ParagraphT>(this);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): ParagraphT {
    this._el.heading = headingOf(String(heading));
    return this.self();
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this._el.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): ParagraphT {
    this._el.alignment = String(alignment) as ParagraphEl["alignment"];
    return this.self();
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return (this._el.alignment ??
      "LEFT") as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }
  setAttributes(attributes: Record<string, unknown>): ParagraphT {
    applyAttributes(this.holder, attributes);
    return this.self();
  }
  clear(): ParagraphT {
    this._el.runs = [];
    return this.self();
  }
}

type ListItemMethods =
  | "getText"
  | "setText"
  | "appendText"
  | "editAsText"
  | "setGlyphType"
  | "getGlyphType"
  | "setNestingLevel"
  | "getNestingLevel"
  | "setAttributes";

export class ListItem extends TextElement<ListItemEl> implements Pick<ListItemT, ListItemMethods> {
  readonly [GAS] = "DocumentApp.ListItem";
  private self(): ListItemT {
    return asGas<ListItemT>(this);
  }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): ListItemT {
    this._el.ordered = /^(NUMBER|LATIN|ROMAN)/.test(String(glyphType));
    return this.self();
  }
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return (this._el.ordered
      ? "NUMBER"
      : "BULLET") as unknown as GoogleAppsScript.Document.GlyphType;
  }
  setNestingLevel(level: number): ListItemT {
    this._el.nesting = level;
    return this.self();
  }
  getNestingLevel(): number {
    return this._el.nesting;
  }
  setAttributes(attributes: Record<string, unknown>): ListItemT {
    applyAttributes(this.holder, attributes);
    return this.self();
  }
}

export class TableCell
  implements Pick<TableCellT, "getText" | "setText" | "editAsText" | "setBackgroundColor">
{
  readonly [GAS] = "DocumentApp.TableCell";
  private readonly holder: RunHolder;
  constructor(
    private readonly table: TableEl,
    private readonly r: number,
    private readonly c: number,
  ) {
    this.holder = {
      get: () => this.table.rows[this.r]?.[this.c] ?? [],
      set: (runs) => {
        const row = this.table.rows[this.r];
        if (row) row[this.c] = runs;
      },
    };
  }
  getText(): string {
    return textOf(this.holder.get());
  }
  setText(text: string): TableCellT {
    this.holder.set(text === "" ? [] : [{ text }]);
    return asGas<TableCellT>(this);
  }
  editAsText(): TextT {
    return asGas<TextT>(new Text(this.holder));
  }
  setBackgroundColor(_color: string): TableCellT {
    return asGas<TableCellT>(this);
  }
}

export class Table
  implements
    Pick<TableT, "getNumRows" | "getCell" | "getText" | "setBorderWidth" | "setBorderColor">
{
  readonly [GAS] = "DocumentApp.Table";
  constructor(readonly _el: TableEl) {}
  getNumRows(): number {
    return this._el.rows.length;
  }
  getCell(rowIndex: number, cellIndex: number): TableCellT {
    if (!this._el.rows[rowIndex] || this._el.rows[rowIndex]?.[cellIndex] === undefined) {
      throw new Error(`Child index (${cellIndex}) must be less than the number of child elements.`);
    }
    return asGas<TableCellT>(new TableCell(this._el, rowIndex, cellIndex));
  }
  getText(): string {
    return this._el.rows.map((row) => row.map(textOf).join("\t")).join("\n");
  }
  setBorderWidth(_w: number): TableT {
    return asGas<TableT>(this);
  }
  setBorderColor(_c: string): TableT {
    return asGas<TableT>(this);
  }
  /** Marks the first row as a header row (a hint for the .docx/.pdf layers). */
  _setHeaderRow(v: boolean): void {
    this._el.headerRow = v;
  }
}

class Marker {
  readonly [GAS]: string;
  constructor(label: string) {
    this[GAS] = label;
  }
}

type BodyMethods =
  | "appendParagraph"
  | "appendListItem"
  | "appendTable"
  | "appendPageBreak"
  | "appendHorizontalRule"
  | "getText"
  | "clear"
  | "getParagraphs"
  | "getNumChildren"
  | "insertParagraph";

export class Body implements Pick<BodyT, BodyMethods> {
  readonly [GAS] = "DocumentApp.Body";
  constructor(private readonly doc: DocumentModel) {}
  private push<T>(el: DocElement, make: () => T): T {
    this.doc.elements.push(el);
    return make();
  }
  appendParagraph(p: string | ParagraphT): ParagraphT {
    const text = typeof p === "string" ? p : p.getText();
    const el: ParagraphEl = {
      type: "paragraph",
      heading: "NORMAL",
      runs: text === "" ? [] : [{ text }],
    };
    return this.push(el, () => asGas<ParagraphT>(new Paragraph(el)));
  }
  insertParagraph(childIndex: number, p: string | ParagraphT): ParagraphT {
    const text = typeof p === "string" ? p : p.getText();
    const el: ParagraphEl = {
      type: "paragraph",
      heading: "NORMAL",
      runs: text === "" ? [] : [{ text }],
    };
    this.doc.elements.splice(childIndex, 0, el);
    return asGas<ParagraphT>(new Paragraph(el));
  }
  appendListItem(item: string | ListItemT): ListItemT {
    const text = typeof item === "string" ? item : item.getText();
    // Items appended one after another form one list; the glyph defaults to a bullet.
    const el: ListItemEl = {
      type: "listItem",
      ordered: false,
      nesting: 0,
      runs: text === "" ? [] : [{ text }],
    };
    const prev = this.doc.elements[this.doc.elements.length - 1];
    if (prev?.type === "listItem") el.ordered = prev.ordered;
    return this.push(el, () => asGas<ListItemT>(new ListItem(el)));
  }
  appendTable(cells?: string[][] | TableT | null): TableT {
    const rows = Array.isArray(cells)
      ? cells.map((row) => row.map((t) => (t === "" ? [] : [{ text: String(t) }])))
      : [];
    const el: TableEl = { type: "table", rows };
    return this.push(el, () => asGas<TableT>(new Table(el)));
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.push({ type: "pageBreak" }, () => asGas(new Marker("DocumentApp.PageBreak")));
  }
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.push({ type: "horizontalRule" }, () =>
      asGas(new Marker("DocumentApp.HorizontalRule")),
    );
  }
  getParagraphs(): ParagraphT[] {
    return this.doc.elements
      .filter((e): e is ParagraphEl => e.type === "paragraph")
      .map((e) => asGas<ParagraphT>(new Paragraph(e)));
  }
  getNumChildren(): number {
    return this.doc.elements.length;
  }
  getText(): string {
    return this.doc.elements
      .map((e) => {
        if (e.type === "paragraph" || e.type === "listItem") return textOf(e.runs);
        if (e.type === "table") return new Table(e).getText();
        return "";
      })
      .join("\n");
  }
  clear(): BodyT {
    this.doc.elements.length = 0;
    return asGas<BodyT>(this);
  }
}

export class Document
  implements
    Pick<
      DocumentT,
      "getId" | "getName" | "setName" | "getUrl" | "getBody" | "saveAndClose" | "getAs" | "getBlob"
    >
{
  readonly [GAS] = "DocumentApp.Document";
  constructor(readonly _model: DocumentModel) {}
  getId(): string {
    return this._model.id;
  }
  getName(): string {
    return this._model.name;
  }
  setName(name: string): DocumentT {
    this._model.name = name;
    return asGas<DocumentT>(this);
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this._model.id}/edit`;
  }
  getBody(): BodyT {
    return asGas<BodyT>(new Body(this._model));
  }
  saveAndClose(): void {}
  /** Google exports a Doc as PDF (and, in this sandbox, nothing else). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== "application/pdf") {
      throw new Error(`Converting from ${GOOGLE_DOCS_MIME} to ${contentType} is not supported.`);
    }
    return asGas(new Blob(renderPdf(this._model), "application/pdf", `${this._model.name}.pdf`));
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs("application/pdf");
  }
}

export class DocumentApp
  implements Pick<GoogleAppsScript.Document.DocumentApp, "create" | "openById" | "openByUrl">
{
  readonly [GAS] = "DocumentApp";
  readonly ParagraphHeading = ParagraphHeading as unknown as D["ParagraphHeading"];
  readonly HorizontalAlignment = HorizontalAlignment as unknown as D["HorizontalAlignment"];
  readonly GlyphType = GlyphType as unknown as D["GlyphType"];
  readonly Attribute = Attribute as unknown as D["Attribute"];

  constructor(
    private readonly rt: Runtime,
    private readonly documents: DocumentModel[],
    private readonly drive: DriveStore,
  ) {}

  create(name: string): DocumentT {
    const limit = LIMITS.docsCreated[this.rt.account];
    if (this.rt.quotas.usedToday("docsCreated") >= limit)
      throw this.rt.exception(MESSAGES.docsQuota);
    this.rt.quotas.add("docsCreated", 1);
    const model: DocumentModel = { id: this.drive.id("doc"), name, elements: [] };
    this.documents.push(model);
    this.drive.files.push({
      id: model.id,
      name,
      mimeType: GOOGLE_DOCS_MIME,
      parentId: this.drive.rootId,
      doc: model,
      createdAt: new Date(this.rt.clock.nowMs()),
    });
    return asGas<DocumentT>(new Document(model));
  }
  openById(id: string): DocumentT {
    const model = this.documents.find((d) => d.id === id);
    if (!model)
      throw this.rt.exception(
        "Document is missing (perhaps it was deleted, or you don't have read access?)",
      );
    return asGas<DocumentT>(new Document(model));
  }
  openByUrl(url: string): DocumentT {
    const id = /\/d\/([^/]+)/.exec(url)?.[1] ?? "";
    return this.openById(id);
  }
}
