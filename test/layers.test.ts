// The layers of docs/architecture.md, checked on every import of the shipped code:
// domain ← sidebar contract ← views ← gas ← entry points, and the sidebar page over the
// domain and the contract only. A wrong-way import fails here, naming the file and the line.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

type Layer = "domain" | "contract" | "views" | "gas" | "entry" | "page";

/** Which layer a file of src/ or sidebar/ belongs to. */
function layerOf(file: string): Layer | undefined {
  const rel = relative(ROOT, file).split("\\").join("/");
  if (rel.startsWith("src/domain/")) return "domain";
  if (rel === "src/sidebar-contract.ts") return "contract";
  if (rel.startsWith("src/views/")) return "views";
  if (rel.startsWith("src/gas/")) return "gas";
  if (/^src\/[^/]+\.ts$/.test(rel)) return "entry";
  if (rel.startsWith("sidebar/")) return "page";
  return undefined;
}

/** What each layer may import (besides itself and npm packages it is allowed). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  domain: [],
  contract: ["domain"],
  views: ["domain", "contract"],
  gas: ["domain", "contract", "views"],
  entry: ["domain", "contract", "views", "gas", "entry"],
  page: ["domain", "contract"],
};

const PACKAGES: Record<Layer, readonly string[]> = {
  domain: ["zod/mini"],
  contract: ["zod/mini"],
  views: [],
  gas: ["zod/mini"],
  entry: [],
  page: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

interface Violation {
  file: string;
  line: number;
  target: string;
}

function violations(): Violation[] {
  const found: Violation[] = [];
  for (const file of [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "sidebar"))]) {
    const from = layerOf(file);
    if (from === undefined) continue;
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, i) => {
      const m = /^\s*(?:import|export)\b[^"']*\bfrom\s+["']([^"']+)["']/.exec(text);
      const spec = m?.[1];
      if (spec === undefined) return;
      const where = { file: relative(ROOT, file), line: i + 1, target: spec };
      if (!spec.startsWith(".")) {
        if (!PACKAGES[from].includes(spec)) found.push(where);
        return;
      }
      const to = layerOf(resolve(dirname(file), spec.endsWith(".ts") ? spec : `${spec}.ts`));
      if (to === undefined || (to !== from && !MAY_IMPORT[from].includes(to))) found.push(where);
    });
  }
  return found;
}

describe("the layers", () => {
  it("imports only the way the layers point: domain ← contract ← views ← gas ← entry points", () => {
    expect(violations()).toEqual([]);
  });
});
