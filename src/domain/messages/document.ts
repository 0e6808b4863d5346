// One model for every message Recouvra writes — an email body, a letter, a dossier — so
// the Google Doc, the HTML email and its plain-text alternative say the same thing.

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Block =
  | { kind: "title" | "heading"; text: string }
  | { kind: "paragraph"; runs: Run[]; align?: "left" | "right" | "center" | "justify" }
  | { kind: "list"; items: Run[][] }
  | { kind: "table"; header: string[]; rows: string[][]; footer?: string[]; numeric?: boolean[] }
  | { kind: "pageBreak" };

export interface MessageDocument {
  /** The Doc's name in Drive, or the email's subject. */
  title: string;
  blocks: Block[];
}

/** A title or a subject on one line: a line break typed in a cell (a client's name, an
 * invoice number) must never reach an email header or a Doc's name, where it would start a
 * new header. */
export function oneLine(t: string): string {
  let out = "";
  for (const ch of t) {
    const code = ch.charCodeAt(0);
    const control =
      code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029;
    out += control ? " " : ch;
  }
  return out.replace(/ {2,}/g, " ").trim();
}

export const text = (t: string): Run => ({ text: t });
export const bold = (t: string): Run => ({ text: t, bold: true });
export const paragraph = (...runs: (Run | string)[]): Block => ({
  kind: "paragraph",
  runs: runs.map((r) => (typeof r === "string" ? text(r) : r)),
});

/** A table in aligned columns (figures to the right), for the plain-text alternative. */
function tableToText(table: Extract<Block, { kind: "table" }>): string[] {
  const rows = [table.header, ...table.rows, ...(table.footer ? [table.footer] : [])];
  const widths = table.header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (table.numeric?.[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join(" | ")
      .trimEnd();
  return rows.map(line);
}

export function documentToText(doc: MessageDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case "title":
      case "heading":
        lines.push(block.text.toUpperCase(), "");
        break;
      case "paragraph":
        lines.push(
          block.runs
            .map((r) => (r.link && r.link !== r.text ? `${r.text} (${r.link})` : r.text))
            .join(""),
          "",
        );
        break;
      case "list":
        for (const item of block.items) lines.push(`- ${item.map((r) => r.text).join("")}`);
        lines.push("");
        break;
      case "table":
        lines.push(...tableToText(block), "");
        break;
      case "pageBreak":
        lines.push("");
    }
  }
  return `${lines.join("\n").trim()}\n`;
}

/** Everything that comes from the sheet is escaped: it is text, never markup. */
export function escapeHtml(t: string): string {
  return t
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function runToHtml(run: Run): string {
  let html = escapeHtml(run.text).replace(/\n/g, "<br>");
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.link && /^(https:|mailto:)/.test(run.link))
    html = `<a href="${escapeHtml(run.link)}">${html}</a>`;
  return html;
}

const CELL = "border:1px solid #d0d7de;padding:4px 8px;";

export function documentToHtml(doc: MessageDocument): string {
  const parts = doc.blocks.map((block) => {
    switch (block.kind) {
      case "title":
        return `<h1 style="font-size:20px;">${escapeHtml(block.text)}</h1>`;
      case "heading":
        return `<h2 style="font-size:16px;">${escapeHtml(block.text)}</h2>`;
      case "paragraph":
        return `<p style="margin:0 0 12px;${block.align ? `text-align:${block.align};` : ""}">${block.runs.map(runToHtml).join("")}</p>`;
      case "list":
        return `<ul>${block.items.map((i) => `<li>${i.map(runToHtml).join("")}</li>`).join("")}</ul>`;
      case "table": {
        const align = (i: number) => (block.numeric?.[i] ? "text-align:right;" : "");
        const row = (cells: string[], tag: "td" | "th", style = "") =>
          `<tr>${cells.map((c, i) => `<${tag} style="${CELL}${align(i)}${style}">${escapeHtml(c)}</${tag}>`).join("")}</tr>`;
        return `<table style="border-collapse:collapse;margin:0 0 12px;">${row(block.header, "th", "background:#f3f4f6;")}${block.rows
          .map((r) => row(r, "td"))
          .join("")}${block.footer ? row(block.footer, "td", "font-weight:bold;") : ""}</table>`;
      }
      case "pageBreak":
        return "<hr>";
    }
    return "";
  });
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2328;">${parts.join("\n")}</body></html>`;
}
