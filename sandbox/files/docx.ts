// A Google Doc (DocumentModel) exported as .docx, with the `docx` package: what
// « Fichier > Télécharger > Microsoft Word » gives for Recouvra's letters. A4 page,
// Arial 11 pt (Google Docs' default, a usual size for a French business letter).

import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DocElement, DocumentModel, TextRun as RunModel } from "../model.js";

/** A4 in twentieths of a point, and Google Docs' 2.54 cm margins. */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_440;
const FONT = "Arial";
/** Half-points. */
const BODY_SIZE = 22;
const ORDERED = "recouvra-ordered";

const HEADINGS = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
} as const;

const ALIGNMENTS = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
} as const;

/** Runs of the model → docx runs; a line break inside a run (Docs' soft return) stays one. */
function runs(models: RunModel[], forceBold = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const m of models) {
    const lines = m.text.split(/\r\n|\r|\n/);
    const pieces = lines.map(
      (text, i) =>
        new TextRun({
          text,
          ...(i > 0 ? { break: 1 } : {}),
          ...(m.bold || forceBold ? { bold: true } : {}),
          ...(m.italic ? { italics: true } : {}),
          ...(m.underline ? { underline: {} } : {}),
          ...(m.link ? { style: "Hyperlink" } : {}),
        }),
    );
    if (m.link) out.push(new ExternalHyperlink({ link: m.link, children: pieces }));
    else out.push(...pieces);
  }
  return out;
}

function table(element: Extract<DocElement, { type: "table" }>): Table {
  const width = Math.max(1, ...element.rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: element.rows.map((row, r) => {
      const header = r === 0 && element.headerRow !== false;
      return new TableRow({
        tableHeader: header,
        children: Array.from(
          { length: width },
          (_, c) =>
            new TableCell({
              children: [new Paragraph({ children: runs(row[c] ?? [], header) })],
            }),
        ),
      });
    }),
  });
}

/** The .docx bytes of a document. */
export async function docxBytes(doc: DocumentModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  // Each run of consecutive numbered items is its own list, numbered from 1.
  let listInstance = 0;
  let previous: DocElement["type"] | undefined;
  for (const el of doc.elements) {
    switch (el.type) {
      case "paragraph":
        children.push(
          new Paragraph({
            children: runs(el.runs),
            ...(el.heading === "SUBTITLE"
              ? { style: "Subtitle" }
              : el.heading !== "NORMAL"
                ? { heading: HEADINGS[el.heading] }
                : {}),
            ...(el.alignment ? { alignment: ALIGNMENTS[el.alignment] } : {}),
          }),
        );
        break;
      case "listItem": {
        const level = Math.min(Math.max(el.nesting, 0), 8);
        if (el.ordered) {
          if (previous !== "listItem") listInstance++;
          children.push(
            new Paragraph({
              children: runs(el.runs),
              numbering: { reference: ORDERED, level, instance: listInstance },
            }),
          );
        } else children.push(new Paragraph({ children: runs(el.runs), bullet: { level } }));
        break;
      }
      case "table":
        children.push(table(el));
        // Word needs a paragraph between two tables, and after a final one.
        children.push(new Paragraph({}));
        break;
      case "pageBreak":
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case "horizontalRule":
        children.push(
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } },
          }),
        );
        break;
    }
    previous = el.type;
  }

  const document = new Document({
    creator: "Recouvra",
    title: doc.name,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE } },
      },
      paragraphStyles: [
        {
          id: "Subtitle",
          name: "Subtitle",
          basedOn: "Normal",
          next: "Normal",
          run: { size: 30, color: "666666" },
          paragraph: { spacing: { after: 320 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format:
              level % 3 === 1
                ? LevelFormat.LOWER_LETTER
                : level % 3 === 2
                  ? LevelFormat.LOWER_ROMAN
                  : LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
