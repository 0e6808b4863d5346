// HtmlService: HTML outputs (for sidebars and dialogs) from strings or from the .html
// files deployed beside the bundle (dist/Sidebar.html → createHtmlOutputFromFile("Sidebar")),
// and templates with <?= ?>, <?!= ?> and <? ?> scriptlets evaluated in the bundle's realm.

import { Blob } from "./blob.js";
import { GAS, type Runtime } from "./runtime.js";

type H = typeof GoogleAppsScript.HTML;
type HtmlOutputT = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplateT = GoogleAppsScript.HTML.HtmlTemplate;

function asGas<T>(x: object): T {
  return x as unknown as T;
}

export class HtmlOutput
  implements
    Pick<
      HtmlOutputT,
      | "append"
      | "clear"
      | "getContent"
      | "setContent"
      | "getTitle"
      | "setTitle"
      | "getWidth"
      | "setWidth"
      | "getHeight"
      | "setHeight"
      | "setSandboxMode"
      | "setXFrameOptionsMode"
      | "addMetaTag"
      | "getBlob"
    >
{
  readonly [GAS] = "HtmlService.HtmlOutput";
  private title = "";
  private width = 300;
  private height = 500;
  constructor(private content = "") {}
  private self(): HtmlOutputT {
    return asGas<HtmlOutputT>(this);
  }
  append(added: string): HtmlOutputT {
    this.content += added;
    return this.self();
  }
  clear(): HtmlOutputT {
    this.content = "";
    return this.self();
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutputT {
    this.content = content;
    return this.self();
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutputT {
    this.title = title;
    return this.self();
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutputT {
    this.width = width;
    return this.self();
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutputT {
    this.height = height;
    return this.self();
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutputT {
    return this.self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutputT {
    return this.self();
  }
  addMetaTag(_name: string, _content: string): HtmlOutputT {
    return this.self();
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return asGas(new Blob(new TextEncoder().encode(this.content), "text/html", this.title || null));
  }
}

/** Runs template code in the bundle's realm: `code` is a function body, `vars` its scope. */
export type TemplateRunner = (code: string, vars: Record<string, unknown>) => string;

export class HtmlTemplate implements Pick<HtmlTemplateT, "evaluate" | "getCode" | "getRawContent"> {
  readonly [GAS] = "HtmlService.HtmlTemplate";
  private readonly vars: Record<string, unknown> = {};
  constructor(
    private readonly raw: string,
    private readonly run: TemplateRunner,
  ) {}
  /** Properties the script assigns (template.invoices = …) become the template's variables. */
  _set(name: string, value: unknown): void {
    this.vars[name] = value;
  }
  getRawContent(): string {
    return this.raw;
  }
  getCode(): string {
    let code = 'var __out = "";\n';
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    let last = 0;
    for (let m = re.exec(this.raw); m; m = re.exec(this.raw)) {
      code += `__out += ${JSON.stringify(this.raw.slice(last, m.index))};\n`;
      const expr = (m[2] ?? "").trim();
      if (m[1] === "=") code += `__out += __escape(${expr});\n`;
      else if (m[1] === "!=") code += `__out += String(${expr});\n`;
      else code += `${expr}\n`;
      last = re.lastIndex;
    }
    code += `__out += ${JSON.stringify(this.raw.slice(last))};\nreturn __out;`;
    return code;
  }
  evaluate(): HtmlOutputT {
    return asGas(new HtmlOutput(this.run(this.getCode(), this.vars)));
  }
}

export class HtmlService
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlService,
      "createHtmlOutput" | "createHtmlOutputFromFile" | "createTemplate" | "createTemplateFromFile"
    >
{
  readonly [GAS] = "HtmlService";
  readonly SandboxMode = {
    IFRAME: "IFRAME",
    NATIVE: "NATIVE",
    EMULATED: "EMULATED",
  } as unknown as H["SandboxMode"];
  readonly XFrameOptionsMode = {
    ALLOWALL: "ALLOWALL",
    DEFAULT: "DEFAULT",
  } as unknown as H["XFrameOptionsMode"];

  constructor(
    private readonly rt: Runtime,
    /** The .html files deployed with the bundle, by name without extension. */
    private readonly files: Map<string, string>,
    private readonly runTemplate: TemplateRunner = hostTemplateRunner,
  ) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutputT {
    const content =
      html === undefined ? "" : typeof html === "string" ? html : html.getBlob().getDataAsString();
    return asGas(new HtmlOutput(content));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputT {
    return asGas(new HtmlOutput(this.file(filename)));
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplateT {
    const raw = typeof html === "string" ? html : html.getBlob().getDataAsString();
    return asGas(new HtmlTemplate(raw, this.runTemplate));
  }
  createTemplateFromFile(filename: string): HtmlTemplateT {
    return asGas(new HtmlTemplate(this.file(filename), this.runTemplate));
  }
  private file(filename: string): string {
    const name = filename.replace(/\.html$/, "");
    const content = this.files.get(name);
    if (content === undefined) throw this.rt.exception(`No HTML file named ${name} was found.`);
    return content;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Without a vm (services used directly by a test), templates run in this realm. */
export function hostTemplateRunner(code: string, vars: Record<string, unknown>): string {
  const names = Object.keys(vars);
  const fn = new Function("__escape", ...names, code) as (...a: unknown[]) => string;
  return fn(escapeHtml, ...names.map((n) => vars[n]));
}
