// The loader: the bundle runs in a vm with the JS built-ins and Google's services only,
// reads the simulated clock, keeps local time in the script's zone, and fails loudly
// when it reaches for Node.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../sandbox/index.js";
import { readBundleDir } from "../../sandbox/loader.js";

/** A bundle shaped like esbuild's output: an IIFE global and top-level stubs. */
function iife(body: string, exported: string[]): string {
  const stubs = exported
    .map((n) => `function ${n}(a, b, c) { return Recouvra.${n}(a, b, c); }`)
    .join("\n");
  return `var Recouvra = (() => {\n${body}\nreturn { ${exported.join(", ")} };\n})();\n${stubs}\n`;
}

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "recouvra-bundle-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe("loader isolation", () => {
  it("runs a bundle read from a directory, with its manifest's time zone and its HTML files", () => {
    const dir = dirWith({
      "Code.js": iife(
        `function zone() { return Session.getScriptTimeZone(); }
         function page() { return HtmlService.createHtmlOutputFromFile("Sidebar").getContent(); }`,
        ["zone", "page"],
      ),
      "Sidebar.html": "<p>Recouvra</p>",
      "appsscript.json": JSON.stringify({ timeZone: "Pacific/Noumea", runtimeVersion: "V8" }),
    });
    expect(readBundleDir(dir).scripts.map((s) => s.name)).toEqual(["Code.js"]);
    const sb = createSandbox({ bundleDir: dir, now: "2026-11-26T09:00" });
    expect(sb.run("zone")).toBe("Pacific/Noumea");
    expect(sb.run("page")).toBe("<p>Recouvra</p>");
    expect(sb.functions().sort()).toEqual(["page", "zone"]);
  });

  it("fails loudly with a ReferenceError when the bundle touches require at load time", () => {
    const dir = dirWith({ "Code.js": `var fs = require("fs");\nfunction f() { return 1; }` });
    expect(() => createSandbox({ bundleDir: dir })).toThrow(ReferenceError);
    expect(() => createSandbox({ bundleDir: dir })).toThrow(/require is not defined/);
  });

  it("fails loudly with a ReferenceError when a function touches process", () => {
    const sb = createSandbox({
      scripts: [
        { name: "Code.js", code: iife("function env() { return process.env.HOME; }", ["env"]) },
      ],
    });
    expect(() => sb.run("env")).toThrow(ReferenceError);
    expect(() => sb.run("env")).toThrow("process is not defined");
  });

  it("has none of Node's globals, and Apps Script's services and built-ins", () => {
    const sb = createSandbox({
      scripts: [
        {
          name: "Code.js",
          code: `function globals() {
            return ["require", "process", "Buffer", "setTimeout", "setInterval", "module", "global",
              "exports", "__dirname", "TextEncoder", "fetch", "structuredClone",
              "SpreadsheetApp", "MailApp", "DocumentApp", "DriveApp", "ScriptApp", "LockService",
              "PropertiesService", "CacheService", "Session", "Utilities", "HtmlService", "Logger",
              "console", "MimeType", "JSON", "Math", "Intl", "Map", "Promise"]
              .map(function (n) { return n + ":" + typeof globalThis[n]; });
          }`,
        },
      ],
    });
    expect(sb.run("globals")).toEqual([
      "require:undefined",
      "process:undefined",
      "Buffer:undefined",
      "setTimeout:undefined",
      "setInterval:undefined",
      "module:undefined",
      "global:undefined",
      "exports:undefined",
      "__dirname:undefined",
      "TextEncoder:undefined",
      "fetch:undefined",
      "structuredClone:undefined",
      "SpreadsheetApp:object",
      "MailApp:object",
      "DocumentApp:object",
      "DriveApp:object",
      "ScriptApp:object",
      "LockService:object",
      "PropertiesService:object",
      "CacheService:object",
      "Session:object",
      "Utilities:object",
      "HtmlService:object",
      "Logger:object",
      "console:object",
      "MimeType:object",
      "JSON:object",
      "Math:object",
      "Intl:object",
      "Map:function",
      "Promise:function",
    ]);
  });

  it("answers an unknown function as Apps Script does", () => {
    const sb = createSandbox({ scripts: [{ name: "Code.js", code: "function a() {}" }] });
    expect(() => sb.run("nope")).toThrow("Script function not found: nope");
  });

  it("shares one global scope between the bundle's files, in file order", () => {
    const sb = createSandbox({
      scripts: [
        { name: "a.js", code: "const RATE = 12.15;" },
        { name: "b.js", code: "function rate() { return RATE; }" },
      ],
    });
    expect(sb.run("rate")).toBe(12.15);
  });

  it("rethrows the bundle's own errors with their class and message", () => {
    const sb = createSandbox({
      scripts: [
        {
          name: "Code.js",
          code: `function bad() { throw new TypeError("Montant TTC manquant"); }
                 function plain() { throw new Error("Erreur : ligne 4"); }`,
        },
      ],
    });
    expect(() => sb.run("bad")).toThrow(TypeError);
    expect(() => sb.run("bad")).toThrow("Montant TTC manquant");
    expect(() => sb.run("plain")).toThrow("Erreur : ligne 4");
  });
});

describe("the bundle's Date", () => {
  const code = iife(
    `function now() { return [new Date().toISOString(), Date.now()]; }
     function local() {
       const d = new Date(2026, 10, 26);
       return [d.toISOString(), d.getDate(), d.getHours(), d.getTimezoneOffset(), String(d)];
     }
     function summer() { const d = new Date(2026, 6, 14, 9, 30); return [d.toISOString(), d.getHours()]; }
     function parsed() { return [new Date("2026-11-26T09:00:00").toISOString(), new Date("2026-11-26").toISOString()]; }
     function setters() { const d = new Date(2026, 2, 28, 12); d.setDate(d.getDate() + 1); return [d.toISOString(), d.getHours()]; }
     function sleepy() { const a = Date.now(); Utilities.sleep(2000); return Date.now() - a; }
     function ms(n) { return new Date(n).toISOString(); }
     function isDate(v) { return [v instanceof Date, Object.prototype.toString.call(v), v.getDate()]; }
     function subclass() { class D extends Date {} return new D().getTime(); }`,
    ["now", "local", "summer", "parsed", "setters", "sleepy", "ms", "isDate", "subclass"],
  );
  const make = () =>
    createSandbox({
      scripts: [{ name: "Code.js", code }],
      now: "2026-11-26T09:00",
      timeZone: "Europe/Paris",
    });

  it("reads the simulated clock in new Date() and Date.now()", () => {
    const sb = make();
    expect(sb.run("now")).toEqual(["2026-11-26T08:00:00.000Z", Date.UTC(2026, 10, 26, 8)]);
    sb.clock.set("2027-01-04T18:30", "Europe/Paris");
    expect(sb.run("now")).toEqual(["2027-01-04T17:30:00.000Z", Date.UTC(2027, 0, 4, 17, 30)]);
    expect(sb.run("subclass")).toBe(Date.UTC(2027, 0, 4, 17, 30));
  });

  it("keeps local time in the script's zone, whatever the machine's TZ", () => {
    const sb = make();
    expect(sb.run("local")).toEqual([
      "2026-11-25T23:00:00.000Z",
      26,
      0,
      -60,
      "Thu Nov 26 2026 00:00:00 GMT+0100 (Central European Standard Time)",
    ]);
    expect(sb.run("summer")).toEqual(["2026-07-14T07:30:00.000Z", 9]);
    // ISO without a zone is local time; a date-only ISO string is UTC, as ECMAScript says.
    expect(sb.run("parsed")).toEqual(["2026-11-26T08:00:00.000Z", "2026-11-26T00:00:00.000Z"]);
    // Across the spring DST change (29 March 2026 in Paris) the wall clock stays at noon.
    expect(sb.run("setters")).toEqual(["2026-03-29T10:00:00.000Z", 12]);
  });

  it("leaves instants alone and advances with Utilities.sleep", () => {
    const sb = make();
    expect(sb.run("ms", 0)).toBe("1970-01-01T00:00:00.000Z");
    expect(sb.run("sleepy")).toBe(2000);
  });

  it("gives the bundle Dates of its own realm (instanceof Date holds)", () => {
    const sb = make();
    expect(sb.run("isDate", new Date(Date.UTC(2026, 10, 25, 23)))).toEqual([
      true,
      "[object Date]",
      26,
    ]);
  });
});
