// sidebar/ → dist/Sidebar.html: one self-contained page (HtmlService serves a single file),
// the TypeScript bundled and minified by esbuild, the CSS inlined, nothing fetched.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function buildSidebar(dist = join(root, "dist")): Promise<{ bytes: number }> {
  const result = await build({
    entryPoints: [join(root, "sidebar/main.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    // es2020: the templates' live preview runs the domain's builders, whose penalties are
    // computed exactly with BigInt (every browser Google Sheets supports has it).
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    minify: true,
    write: false,
    logLevel: "warning",
  });
  // Inside <script>, only "</script" (and "<!--") could end the element early.
  const script = (result.outputFiles[0]?.text ?? "")
    .replace(/<\/script/gi, "<\\/script")
    .replace(/<!--/g, "<\\!--");
  const style = readFileSync(join(root, "sidebar/style.css"), "utf8").replace(
    /<\/style/gi,
    "<\\/style",
  );
  const html = readFileSync(join(root, "sidebar/index.html"), "utf8")
    .replace("/*STYLE*/", () => style)
    .replace("/*SCRIPT*/", () => script);
  writeFileSync(join(dist, "Sidebar.html"), html);
  return { bytes: Buffer.byteLength(html) };
}
