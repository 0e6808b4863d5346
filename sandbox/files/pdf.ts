// A Google Doc (DocumentModel) rendered as PDF with PDFKit — what DocumentApp's
// `getAs('application/pdf')` returns in the sandbox. That call is synchronous in Apps
// Script, so this is too: PDFKit writes every byte during `end()` (fonts are the
// built-in AFM ones, compression is zlib's sync deflate), and we drain its stream with
// `read()` instead of waiting for 'data' events, then check the file is complete.

import PDFDocument from "pdfkit";
import type { DocElement, DocumentModel, Heading, TextRun } from "../model.js";

export interface RenderPdfOptions {
  /** The PDF's CreationDate (and so its file ID): pass the sandbox clock for
   * byte-identical reruns. Default now. */
  creationDate?: Date;
}

/** A4 in points, Google Docs' 2.54 cm margins. */
const PAGE = { size: "A4" as const, margin: 72 };
const BODY_SIZE = 11;
const LINE_GAP = 2;
const PARAGRAPH_GAP = 4;
const LIST_INDENT = 18;
const CELL_PADDING = 4;
const TEXT_COLOR = "#000000";
const LINK_COLOR = "#1155CC";

const HEADING_STYLE: Record<Heading, { size: number; bold: boolean; color: string }> = {
  NORMAL: { size: BODY_SIZE, bold: false, color: TEXT_COLOR },
  TITLE: { size: 24, bold: false, color: TEXT_COLOR },
  SUBTITLE: { size: 15, bold: false, color: "#666666" },
  HEADING1: { size: 18, bold: true, color: TEXT_COLOR },
  HEADING2: { size: 14, bold: true, color: TEXT_COLOR },
  HEADING3: { size: 12, bold: true, color: "#434343" },
};

// --- text the built-in fonts can show -----------------------------------------------

/** Characters beyond Latin-1 that WinAnsi (the built-in Helvetica's encoding) has. */
const WIN_ANSI_EXTRA = new Set(
  "\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122",
);

/** What the rest become: French typography's thin spaces stay unbreakable. */
const REPLACEMENTS: Record<string, string> = {
  "\u202F": "\u00A0", // narrow no-break space (Intl fr-FR thousands, before « ; : ! ? »)
  "\u2007": "\u00A0", // figure space
  "\u2060": "",
  "\u200B": "",
  "\uFEFF": "",
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2713": "v",
  "\t": "    ",
};

/** Text as the built-in fonts can draw it: every character in WinAnsi. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0) as number;
    if (
      ch === "\n" ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(ch)
    ) {
      out += ch;
    } else if (ch in REPLACEMENTS) {
      out += REPLACEMENTS[ch];
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      // Other control codes draw nothing; C1 ones would come out as WinAnsi's € ‚ ƒ…
    } else {
      // A letter with an accent WinAnsi lacks (ő, ę…) loses the accent rather than the letter.
      const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      out +=
        base.length > 0 && [...base].every((c) => (c.codePointAt(0) as number) <= 0xff)
          ? base
          : "?";
    }
  }
  return out;
}

// --- layout -----------------------------------------------------------------------

type Pdf = PDFKit.PDFDocument;

function fontName(bold: boolean, italic: boolean): string {
  if (bold && italic) return "Helvetica-BoldOblique";
  if (bold) return "Helvetica-Bold";
  if (italic) return "Helvetica-Oblique";
  return "Helvetica";
}

interface Box {
  x: number;
  width: number;
  size: number;
  bold: boolean;
  color: string;
  align: "left" | "center" | "right" | "justify";
}

/** Writes styled runs as one flowing paragraph at the current position. PDFKit wraps
 * the lines and adds pages as the text overflows. */
function writeRuns(pdf: Pdf, runs: TextRun[], box: Box, y?: number): void {
  const parts = runs.map((r) => ({ ...r, text: toWinAnsi(r.text) })).filter((r) => r.text !== "");
  if (parts.length === 0) {
    pdf.font(fontName(box.bold, false)).fontSize(box.size);
    pdf.text(" ", box.x, y ?? pdf.y, { width: box.width, lineGap: LINE_GAP });
    return;
  }
  parts.forEach((r, i) => {
    pdf
      .font(fontName(box.bold || r.bold === true, r.italic === true))
      .fontSize(box.size)
      .fillColor(r.link ? LINK_COLOR : box.color);
    const options: PDFKit.Mixins.TextOptions = {
      width: box.width,
      align: box.align,
      lineGap: LINE_GAP,
      continued: i < parts.length - 1,
      underline: r.underline === true || r.link !== undefined,
      // An explicit null ends the link, or PDFKit carries it on to the next runs.
      link: r.link ?? (null as unknown as string),
    };
    if (i === 0) pdf.text(r.text, box.x, y ?? pdf.y, options);
    else pdf.text(r.text, options);
  });
  pdf.fillColor(TEXT_COLOR);
}

function plainText(runs: TextRun[]): string {
  return toWinAnsi(runs.map((r) => r.text).join("")) || " ";
}

function roman(n: number): string {
  const table: [number, string][] = [
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function listMarker(ordered: boolean, nesting: number, index: number): string {
  if (!ordered) return ["\u2022", "\u2013", "\u00B7"][nesting % 3] as string;
  if (nesting % 3 === 1) return `${String.fromCharCode(96 + (((index - 1) % 26) + 1))}.`;
  if (nesting % 3 === 2) return `${roman(index)}.`;
  return `${index}.`;
}

/** Moves to a new page if `height` points do not fit above the bottom margin. */
function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function drawTable(
  pdf: Pdf,
  el: Extract<DocElement, { type: "table" }>,
  left: number,
  width: number,
): void {
  const columns = Math.max(1, ...el.rows.map((r) => r.length));
  const colWidth = width / columns;
  const inner = colWidth - 2 * CELL_PADDING;
  const hasHeader = el.headerRow !== false && el.rows.length > 1;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;

  const rowHeight = (row: TextRun[][], bold: boolean) =>
    Math.max(
      ...Array.from({ length: columns }, (_, c) => {
        pdf.font(fontName(bold, false)).fontSize(BODY_SIZE);
        return pdf.heightOfString(plainText(row[c] ?? []), { width: inner, lineGap: LINE_GAP });
      }),
    ) +
    2 * CELL_PADDING;

  const drawRow = (row: TextRun[][], bold: boolean, y: number, height: number) => {
    for (let c = 0; c < columns; c++) {
      const x = left + c * colWidth;
      if (bold) pdf.rect(x, y, colWidth, height).fill("#EFEFEF");
      pdf.lineWidth(0.5).strokeColor("#808080").rect(x, y, colWidth, height).stroke();
      writeRuns(
        pdf,
        row[c] ?? [],
        {
          x: x + CELL_PADDING,
          width: inner,
          size: BODY_SIZE,
          bold,
          color: TEXT_COLOR,
          align: "left",
        },
        y + CELL_PADDING,
      );
    }
  };

  let y = pdf.y;
  el.rows.forEach((row, r) => {
    const header = hasHeader && r === 0;
    const height = rowHeight(row, header);
    if (y + height > bottom() && y > pdf.page.margins.top) {
      pdf.addPage();
      y = pdf.page.margins.top;
      // The header row comes back on each page the table runs onto.
      if (hasHeader && !header) {
        const first = el.rows[0] as TextRun[][];
        const h = rowHeight(first, true);
        drawRow(first, true, y, h);
        y += h;
      }
    }
    drawRow(row, header, y, height);
    y += height;
  });
  pdf.x = left;
  pdf.y = y + PARAGRAPH_GAP;
}

/** The PDF bytes of a document, A4, built synchronously. */
export function renderPdf(doc: DocumentModel, opts: RenderPdfOptions = {}): Uint8Array {
  const created = opts.creationDate ?? new Date();
  const pdf = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    compress: true,
    info: {
      Title: toWinAnsi(doc.name),
      Author: "Recouvra",
      Creator: "Recouvra",
      CreationDate: created,
      ModDate: created,
    },
    displayTitle: true,
    lang: "fr-FR",
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

  const counters: number[] = [];
  for (const el of doc.elements) {
    if (el.type !== "listItem") counters.length = 0;
    switch (el.type) {
      case "paragraph": {
        const style = HEADING_STYLE[el.heading];
        if (el.heading !== "NORMAL") pdf.y += style.size * 0.4;
        writeRuns(pdf, el.runs, {
          x: left,
          width,
          size: style.size,
          bold: style.bold,
          color: style.color,
          align: (el.alignment?.toLowerCase() ?? "left") as Box["align"],
        });
        pdf.y += PARAGRAPH_GAP;
        break;
      }
      case "listItem": {
        const nesting = Math.max(0, el.nesting);
        counters.length = nesting + 1;
        counters[nesting] = (counters[nesting] ?? 0) + 1;
        const x = left + nesting * LIST_INDENT;
        pdf.font("Helvetica").fontSize(BODY_SIZE);
        ensureRoom(pdf, pdf.currentLineHeight(true));
        const y = pdf.y;
        pdf.text(listMarker(el.ordered, nesting, counters[nesting] as number), x, y, {
          width: LIST_INDENT,
          lineBreak: false,
        });
        writeRuns(
          pdf,
          el.runs,
          {
            x: x + LIST_INDENT,
            width: width - (nesting + 1) * LIST_INDENT,
            size: BODY_SIZE,
            bold: false,
            color: TEXT_COLOR,
            align: "left",
          },
          y,
        );
        pdf.y += PARAGRAPH_GAP / 2;
        break;
      }
      case "table":
        ensureRoom(pdf, 2 * BODY_SIZE);
        drawTable(pdf, el, left, width);
        break;
      case "pageBreak":
        pdf.addPage();
        break;
      case "horizontalRule": {
        ensureRoom(pdf, BODY_SIZE);
        const y = pdf.y + BODY_SIZE / 2;
        pdf
          .lineWidth(0.75)
          .strokeColor("#999999")
          .moveTo(left, y)
          .lineTo(left + width, y)
          .stroke();
        pdf.y = y + BODY_SIZE / 2;
        break;
      }
    }
    pdf.x = left;
  }

  pdf.end();
  // Paused-mode reads hand back what PDFKit pushed, synchronously.
  const chunks: Buffer[] = [];
  for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null)
    chunks.push(chunk);
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 16))).toString("latin1");
  if (!tail.includes("%%EOF"))
    throw new Error("PDF incomplet : PDFKit n'a pas terminé le fichier de façon synchrone.");
  return bytes;
}
