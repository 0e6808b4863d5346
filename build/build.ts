// src → dist/Code.js (+ dist/appsscript.json), the very files clasp pushes.
// esbuild bundles src/main.ts as an IIFE held by one global, `Recouvra`; Apps Script only
// sees top-level function declarations, so each export of src/main.ts gets a real stub
// `function NAME(…) { return Recouvra.NAME(…); }` carrying its JSDoc (@customfunction and
// parameter docs), which Sheets' autocomplete reads from the pushed file.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { buildSidebar } from "./sidebar";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const entry = join(root, "src/main.ts");
export const GLOBAL_NAME = "Recouvra";
// Apps Script evaluates the whole bundle before each custom-function call: a cap keeps that
// cost in view (npm run bench measures it). Raised from 150 to 200 Ko when the dashboard,
// the digest and the letters of the law v2 came in.
const MAX_BYTES = 200 * 1024;

export interface EntryPoint {
  name: string;
  params: string[];
  jsDoc: string;
}

/** The functions src/main.ts exports, with their parameter names and JSDoc. */
export function entryPoints(): EntryPoint[] {
  const program = ts.createProgram([entry], { allowJs: false, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("src/main.ts has no exports");
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (!decl || !ts.isFunctionDeclaration(decl)) {
      throw new Error(`src/main.ts exports ${exported.name}, which is not a function`);
    }
    const file = decl.getSourceFile();
    const jsDoc = ts
      .getJSDocCommentsAndTags(decl)
      .filter(ts.isJSDoc)
      .map((doc) => file.text.slice(doc.getStart(file), doc.end))
      .join("\n");
    return { name: exported.name, params: decl.parameters.map((p) => p.name.getText(file)), jsDoc };
  });
}

function stub({ name, params, jsDoc }: EntryPoint): string {
  const args = params.join(", ");
  return `${jsDoc ? `${jsDoc}\n` : ""}function ${name}(${args}) {\n  return ${GLOBAL_NAME}.${name}(${args});\n}\n`;
}

// The built-ins the bundle uses, bound once as locals of the IIFE: a global lookup costs
// little in Apps Script, but in a node:vm context (the sandbox) each one goes through the
// context's interceptor and makes the custom functions 4× slower than they are in Google.
const BUILTINS = [
  "Array",
  "BigInt",
  "Date",
  "Error",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "TypeError",
  "WeakMap",
];

// What the bundled libraries would put on globalThis (zod keeps its configuration there)
// goes to a scope of the bundle's own instead: nothing leaks but `Recouvra` and the stubs.
const SCOPE = "__recouvraScope";
const JITLESS = process.env.JITLESS !== "0";

function bindBuiltins(bundle: string): string {
  const opening = `var ${GLOBAL_NAME}=(()=>{`;
  const at = bundle.indexOf(opening);
  if (at < 0) throw new Error(`esbuild's output no longer starts with ${opening}`);
  const end = at + opening.length;
  const scope = `const ${SCOPE}={__proto__:globalThis,__zod_globalConfig:{jitless:${JITLESS}}};`;
  return `${bundle.slice(0, end)}const{${BUILTINS.join(",")}}=globalThis;${scope}${bundle.slice(end)}`;
}

/** Everything clasp pushes: dist/Code.js, dist/Sidebar.html and dist/appsscript.json. */
export async function buildAll(): Promise<{
  bytes: number;
  sidebarBytes: number;
  entries: EntryPoint[];
}> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    define: { globalThis: SCOPE },
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: true,
    write: false,
    logLevel: "warning",
  });
  const bundle = bindBuiltins(result.outputFiles[0]?.text ?? "");
  const entries = entryPoints();
  const code = `// Recouvra — built from src/ by build/build.ts; do not edit.\n${bundle}\n${entries.map(stub).join("\n")}`;
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "Code.js"), code);
  copyFileSync(join(root, "appsscript.json"), join(dist, "appsscript.json"));
  const sidebar = await buildSidebar(dist);
  return { bytes: Buffer.byteLength(code), sidebarBytes: sidebar.bytes, entries };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, sidebarBytes, entries } = await buildAll();
  console.log(
    `dist/Code.js: ${(bytes / 1024).toFixed(1)} Ko, ${entries.length} points d'entrée (${entries.map((e) => e.name).join(", ")})`,
  );
  if (bytes > MAX_BYTES) {
    console.error(
      `dist/Code.js dépasse ${MAX_BYTES / 1024} Ko : Apps Script le réévalue à chaque appel.`,
    );
    process.exit(1);
  }
  console.log(`dist/Sidebar.html: ${(sidebarBytes / 1024).toFixed(1)} Ko`);
}
