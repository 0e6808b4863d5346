// dist/Code.js as Apps Script sees it: top-level functions for every entry point, carrying
// their JSDoc, and nothing else on the global object but the one namespace they call.
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { entryPoints, GLOBAL_NAME } from "../../build/build";

const code = readFileSync("dist/Code.js", "utf8");

describe("the bundle", () => {
  it("defines one global namespace and a top-level function per entry point, nothing else", () => {
    const context = vm.createContext({});
    const before = new Set(Object.getOwnPropertyNames(vm.runInContext("globalThis", context)));
    vm.runInContext(code, context);
    const added = Object.getOwnPropertyNames(vm.runInContext("globalThis", context)).filter(
      (k) => !before.has(k),
    );
    const names = entryPoints().map((e) => e.name);
    expect(added.sort()).toEqual([GLOBAL_NAME, ...names].sort());
    for (const name of names)
      expect(typeof (context as Record<string, unknown>)[name]).toBe("function");
  });

  it("needs no Node global to load: no require, process, Buffer or setTimeout", () => {
    const context = vm.createContext({});
    expect(() => vm.runInContext(code, context)).not.toThrow();
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\.|\bsetTimeout\(/);
  });

  it("carries each custom function's JSDoc for Sheets' autocomplete, in French", () => {
    for (const name of [
      "NEXT_RELANCE",
      "STATUT_CREANCE",
      "PENALITES_RETARD",
      "INDEMNITE_RECOUVREMENT",
      "DATE_PRESCRIPTION",
    ]) {
      const stub = new RegExp(
        `/\\*\\*[^]*?@customfunction\\s*\\*/\\s*function ${name}\\(lignes, entetes`,
      );
      expect(code, name).toMatch(stub);
    }
    expect(code).toContain("@param {Array} lignes Les lignes du suivi de créances");
  });

  it("stays under 200 KB: Apps Script evaluates it again on every custom-function call", () => {
    expect(Buffer.byteLength(code)).toBeLessThan(200 * 1024);
  });
});
