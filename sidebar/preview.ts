// A MessageDocument (the very document the Doc will hold) drawn with DOM nodes and text:
// nothing of the sheet is ever parsed as HTML.
import type { MessageDocument } from "../src/sidebar-contract";
import { h, link } from "./dom";

type Block = MessageDocument["blocks"][number];
type Run = Extract<Block, { kind: "paragraph" }>["runs"][number];

function run(r: Run): Node {
  const lines = r.text.split("\n");
  const span = h("span");
  lines.forEach((line, i) => {
    if (i > 0) span.append(h("br"));
    span.append(line);
  });
  let node: HTMLElement = span;
  if (r.bold) node = h("strong", {}, node);
  if (r.italic) node = h("em", {}, node);
  if (r.link) return /^https:\/\//.test(r.link) ? link(r.link, r.text) : node;
  return node;
}

function block(b: Block): Node {
  switch (b.kind) {
    case "title":
      return h("h3", { text: b.text });
    case "heading":
      return h("h4", { text: b.text });
    case "paragraph":
      return h("p", { style: b.align ? `text-align:${b.align}` : undefined }, ...b.runs.map(run));
    case "list":
      return h("ul", {}, ...b.items.map((item) => h("li", {}, ...item.map(run))));
    case "table":
      // A wide table scrolls sideways in 300 px: focusable, so a keyboard can scroll it too.
      return h(
        "div",
        { class: "scroll", tabindex: "0", role: "group", "aria-label": "Tableau" },
        h(
          "table",
          { class: "doc-table" },
          h("thead", {}, h("tr", {}, ...b.header.map((c) => h("th", { scope: "col", text: c })))),
          h(
            "tbody",
            {},
            ...b.rows.map((r) =>
              h(
                "tr",
                {},
                ...r.map((c, i) => h("td", { class: b.numeric?.[i] ? "num" : undefined, text: c })),
              ),
            ),
            b.footer
              ? h(
                  "tr",
                  { class: "total" },
                  ...b.footer.map((c, i) =>
                    h("td", { class: b.numeric?.[i] ? "num" : undefined, text: c }),
                  ),
                )
              : null,
          ),
        ),
      );
    case "pageBreak":
      return h("hr");
  }
}

export function renderDocument(doc: MessageDocument, label: string): HTMLElement {
  return h(
    "article",
    { class: "doc-preview", "aria-label": label, tabindex: "0" },
    h("p", { class: "doc-title", text: doc.title }),
    ...doc.blocks.map(block),
  );
}
