// The local sidebar: serves the very Sidebar.html Apps Script would (through openSidebar and
// HtmlService), with google.script.run bridged to the sandbox. Each call is a POST of
// { fn, args } run as one execution, its result passed back as Google serializes it:
// arguments holding a Date (or a function) are refused before leaving the page, a result
// holding a Date anywhere arrives as null, undefined in arrays becomes null.
// The page at / shows what the sandbox holds — the sheets, the Journal, the documents and
// emails to download — with the sidebar beside it in a 300 px frame.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { sheetChartsSvg } from "./files/chart-svg.js";
import { docxBytes } from "./files/docx.js";
import { emlBytes } from "./files/eml.js";
import { renderPdf } from "./files/pdf.js";
import type { Sandbox } from "./index.js";
import type { CellValue, SheetModel } from "./model.js";
import { calendarDateIn } from "./tz.js";

export interface ServerOptions {
  port?: number;
  /** Where Sidebar.html is when the bundle cannot serve it (default "dist"). */
  bundleDir?: string;
  /** Called after each execution the page started (a sidebar call, a menu item), so what
   * it changed is kept (npm start writes --out/ledger.xlsx). Calls are never overlapped. */
  afterChange?: () => Promise<void>;
}

/** The French message for a port another program holds. */
export function portInUseMessage(port: number): string {
  return `Le port ${port} est déjà utilisé (un autre « npm start » tourne peut-être). Arrêtez-le, ou choisissez un autre port : npm start -- --port ${port + 1}`;
}

/** What google.script.run adds to the page: the same API, over fetch. */
const SHIM = `<script>
(function () {
  function illegal(v, seen) {
    if (v === null || typeof v !== "object") return typeof v === "function" || typeof v === "symbol";
    if (v instanceof Date) return true;
    if (seen.indexOf(v) >= 0) return true;
    seen.push(v);
    for (var k in v) if (illegal(v[k], seen)) return true;
    return false;
  }
  function runner(success, failure, userObject) {
    var target = {
      withSuccessHandler: function (f) { return runner(f, failure, userObject); },
      withFailureHandler: function (f) { return runner(success, f, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    return new Proxy(target, {
      get: function (t, fn) {
        if (fn in t) return t[fn];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          if (illegal(args, [])) {
            var bad = new Error("Paramètre non valide : les objets Date, les fonctions et les références circulaires ne peuvent pas être transmis au serveur.");
            setTimeout(function () { if (failure) failure(bad, userObject); });
            return;
          }
          fetch("/run", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ fn: String(fn), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (reply) {
              if (reply.ok) { if (success) success(reply.value, userObject); }
              else if (failure) { var e = new Error(reply.message); e.name = reply.name || "Error"; failure(e, userObject); }
              try { parent.postMessage("recouvra:changed", "*"); } catch (_) {}
            }, function () { if (failure) failure(new Error("Le serveur local ne répond pas."), userObject); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;

/** As google.script.run returns a value: null when a Date hides anywhere in it. */
export function asGoogleReturns(value: unknown): unknown {
  const hasDate = (v: unknown, seen: Set<unknown>): boolean => {
    if (v instanceof Date) return true;
    if (v === null || typeof v !== "object" || seen.has(v)) return false;
    seen.add(v);
    return Object.values(v).some((x) => hasDate(x, seen));
  };
  if (value === undefined || hasDate(value, new Set())) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function escapeHtml(t: string): string {
  return t.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

function cellText(v: CellValue, timeZone: string): string {
  if (v instanceof Date) {
    const day = calendarDateIn(v, timeZone);
    return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  }
  if (typeof v === "number" && !Number.isInteger(v)) return v.toFixed(2).replace(".", ",");
  return String(v);
}

/** A sheet as a table whose rows can be selected (click, or Enter on a focused row), as a
 * row of Sheets is: « Dossier de la ligne sélectionnée » then finds it. */
function sheetTable(sheet: SheetModel, timeZone: string, selected: Selection | null): string {
  const numbered = sheet.values
    .map((r, i) => ({ r, row: i + 1 }))
    .filter(({ r }) => r.some((v) => v !== ""));
  if (numbered.length === 0) return "<p>(vide)</p>";
  const [head, ...body] = numbered;
  const th = (head?.r ?? []).map((v) => `<th>${escapeHtml(cellText(v, timeZone))}</th>`).join("");
  const name = escapeHtml(sheet.name);
  const tr = body
    .map(({ r, row }) => {
      const on = selected?.sheet === sheet.name && selected.row === row;
      return `<tr tabindex="0" data-sheet="${name}" data-row="${row}" aria-selected="${on}"><th scope="row">${row}</th>${r.map((v) => `<td>${escapeHtml(cellText(v, timeZone))}</td>`).join("")}</tr>`;
    })
    .join("");
  return `<div class="scroll"><table aria-label="${name}"><thead><tr><th scope="col">#</th>${th}</tr></thead><tbody>${tr}</tbody></table></div>`;
}

interface Selection {
  sheet: string;
  row: number;
}

/** The add-on menu as Sheets shows it under Extensions › Recouvra. */
function menuHtml(sb: Sandbox): string {
  const menus = sb.ui.menus.filter((m) => m.addon || m.items.length > 0);
  if (menus.length === 0) return "";
  return menus
    .map(
      (m) =>
        `<nav class="menu" aria-label="Extensions › ${escapeHtml(m.caption || "Recouvra")}"><span class="menu-title">Extensions › ${escapeHtml(m.caption || "Recouvra")} :</span>${m.items
          .map((item) =>
            "functionName" in item
              ? `<button type="button" data-fn="${escapeHtml(item.functionName)}">${escapeHtml(item.caption)}</button>`
              : "",
          )
          .join("")}</nav>`,
    )
    .join("");
}

/** What the sandbox holds, as server-escaped HTML (refreshed after each sidebar call). */
function stateHtml(sb: Sandbox, selected: Selection | null = null): string {
  const tz = sb.workbook.timeZone;
  const docs = sb.documents
    .map(
      (d) =>
        `<li>${escapeHtml(d.name)} — <a href="/doc/${encodeURIComponent(d.id)}.pdf">PDF</a> · <a href="/doc/${encodeURIComponent(d.id)}.docx">.docx</a></li>`,
    )
    .join("");
  const mails = sb.mails
    .map(
      (m, i) =>
        `<li>${escapeHtml(m.to)} — ${escapeHtml(m.subject)}${m.attachments.length > 0 ? ` (${m.attachments.length} ${m.attachments.length > 1 ? "pièces jointes" : "pièce jointe"})` : ""} — <a href="/mail/${i}.eml">.eml</a></li>`,
    )
    .join("");
  const sheets = sb.workbook.sheets
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.name)}</h2>${sheetChartsSvg(s).join("")}${sheetTable(s, tz, selected)}</section>`,
    )
    .join("");
  return `<section><h2>Documents (${sb.documents.length})</h2><ul>${docs || "<li>aucun</li>"}</ul></section><section><h2>Emails envoyés (${sb.mails.length})</h2><ul>${mails || "<li>aucun</li>"}</ul></section>${sheets}`;
}

function overviewPage(sb: Sandbox, selected: Selection | null): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Recouvra — bac à sable</title><style>
body{margin:0;font:13px Arial,sans-serif;color:#202124;display:flex;height:100vh}
#data{flex:1;overflow:auto;padding:12px 16px}
#side{width:300px;border:0;border-left:1px solid #dadce0;height:100vh}
h1{font-size:18px}h2{font-size:15px;margin-top:18px}
table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #dadce0;padding:2px 6px;white-space:nowrap}th{background:#f1f3f4}
tbody tr{cursor:pointer}tbody tr:hover{background:#f8f9fa}tbody tr[aria-selected="true"]{background:#d2e3fc;outline:2px solid #1a73e8}
tbody tr:focus-visible{outline:2px solid #174ea6}
.scroll{overflow:auto;max-height:420px}
.menu{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 0;border-bottom:1px solid #dadce0}
.menu button{font:inherit;padding:4px 8px;border:1px solid #dadce0;border-radius:4px;background:#fff;cursor:pointer}
#said:empty{display:none}#said{background:#e8f0fe;color:#174ea6;padding:6px 8px;border-radius:4px;white-space:pre-line}
</style></head><body><div id="data"><h1>Recouvra — le classeur du bac à sable</h1>
<div id="menu">${menuHtml(sb)}</div>
<div id="said" role="status" aria-live="polite"></div>
<p>Le panneau latéral, à droite, agit sur ce classeur comme dans Google Sheets. Cliquez une ligne de « Créances » pour la sélectionner.</p><div id="state">${stateHtml(sb, selected)}</div></div>
<iframe id="side" title="Panneau Recouvra" src="/sidebar"></iframe>
<script>
function refresh(){return fetch("/state").then(function(r){return r.text()}).then(function(h){document.getElementById("state").innerHTML=h})}
addEventListener("message",function(e){if(e.data==="recouvra:changed")refresh()});
function post(path,body){return fetch(path,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify(body)}).then(function(r){return r.json()})}
function select(tr){post("/select",{sheet:tr.dataset.sheet,row:Number(tr.dataset.row)}).then(function(){return refresh()}).then(function(){var again=document.querySelector('tr[data-sheet="'+tr.dataset.sheet+'"][data-row="'+tr.dataset.row+'"]');if(again)again.focus()})}
document.getElementById("state").addEventListener("click",function(e){var tr=e.target.closest("tbody tr[data-row]");if(tr)select(tr)});
document.getElementById("state").addEventListener("keydown",function(e){var tr=e.target.closest&&e.target.closest("tbody tr[data-row]");if(tr&&(e.key==="Enter"||e.key===" ")){e.preventDefault();select(tr)}});
document.getElementById("menu").addEventListener("click",function(e){var b=e.target.closest("button[data-fn]");if(!b)return;b.disabled=true;post("/menu",{fn:b.dataset.fn}).then(function(r){b.disabled=false;document.getElementById("said").textContent=r.message||"";if(r.sidebar)document.getElementById("side").src="/sidebar";return refresh()})});
</script>
</body></html>`;
}

/** Sidebar.html as openSidebar serves it (HtmlService), else from the bundle directory. */
function sidebarHtml(sb: Sandbox, bundleDir: string): string {
  try {
    sb.run("openSidebar");
    const shown = sb.ui.sidebars[sb.ui.sidebars.length - 1];
    if (shown) return shown.html;
  } catch (_) {
    // fall back to the file
  }
  return readFileSync(join(bundleDir, "Sidebar.html"), "utf8");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) reject(new Error("Requête trop volumineuse."));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

async function runCall(sb: Sandbox, body: string): Promise<object> {
  let call: { fn?: unknown; args?: unknown };
  try {
    call = JSON.parse(body) as typeof call;
  } catch (_) {
    return { ok: false, message: "Requête illisible." };
  }
  const fn = typeof call.fn === "string" ? call.fn : "";
  // Apps Script never exposes functions ending in "_" (private) to google.script.run.
  if (fn === "" || fn.endsWith("_") || !sb.functions().includes(fn))
    return { ok: false, message: `Script function not found: ${fn}` };
  const args = Array.isArray(call.args) ? call.args : [];
  try {
    return { ok: true, value: asGoogleReturns(sb.run(fn, ...args)) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { ok: false, name: error.name, message: error.message };
  }
}

/** A menu item run as Sheets runs it, and what the user saw: alerts, toasts, a sidebar. */
function runMenuItem(
  sb: Sandbox,
  body: string,
): { ok: boolean; message: string; sidebar: boolean } {
  let fn = "";
  try {
    fn = String((JSON.parse(body) as { fn?: unknown }).fn ?? "");
  } catch (_) {
    return { ok: false, message: "Requête illisible.", sidebar: false };
  }
  const items = sb.ui.menus.flatMap((m) => m.items).filter((i) => "functionName" in i);
  if (!items.some((i) => "functionName" in i && i.functionName === fn))
    return { ok: false, message: `Pas d'élément de menu pour ${fn}.`, sidebar: false };
  const alerts = sb.ui.alerts.length;
  const toasts = sb.ui.toasts.length;
  const sidebars = sb.ui.sidebars.length;
  let failure = "";
  try {
    sb.run(fn);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  const said = [
    ...sb.ui.alerts.slice(alerts).map((a) => a.prompt),
    ...sb.ui.toasts.slice(toasts).map((t) => t.message),
    ...(failure ? [`Erreur : ${failure}`] : []),
  ];
  return {
    ok: failure === "",
    message: said.join("\n") || "Fait.",
    sidebar: sb.ui.sidebars.length > sidebars,
  };
}

/** Selects a row of a sheet, as a click in Sheets would (the active sheet and range). */
function selectRow(sb: Sandbox, body: string): Selection | null {
  const { sheet, row } = JSON.parse(body) as { sheet?: unknown; row?: unknown };
  if (typeof sheet !== "string" || typeof row !== "number" || !Number.isInteger(row) || row < 1)
    return null;
  const target = sb.services.SpreadsheetApp.getActive().getSheetByName(sheet);
  if (!target) return null;
  target.getRange(row, 1, 1, Math.max(1, target.getLastColumn())).activate();
  return { sheet, row };
}

/** Why a request is not the sandbox page's own, in French; undefined when it is. A page on
 * another site may POST to localhost (a `text/plain` form is a « simple » request that no
 * preflight stops) and a DNS-rebound name reaches it with a foreign Host: neither may run
 * the add-on nor read the workbook. */
export function foreignRequest(
  headers: IncomingMessage["headers"],
  method: string,
  port: number,
): string | undefined {
  const own = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  const host = (headers.host ?? "").toLowerCase();
  if (!own.has(host)) return `Hôte refusé : « ${host} » n'est pas ce serveur local.`;
  const origin = headers.origin;
  if (origin !== undefined) {
    let ok = false;
    try {
      const url = new URL(origin);
      ok = url.protocol === "http:" && own.has(url.host);
    } catch (_) {
      ok = false;
    }
    if (!ok) return `Origine refusée : « ${origin} » n'est pas la page du bac à sable.`;
  }
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none")
    return "Requête venue d'un autre site : refusée.";
  if (method === "POST") {
    const type = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json")
      return "Seules les requêtes JSON de la page du bac à sable sont acceptées.";
  }
  return undefined;
}

export function startServer(
  sandbox: Sandbox,
  options: ServerOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const port = options.port ?? 8080;
  const bundleDir = options.bundleDir ?? "dist";
  let selected: Selection | null = null;
  // One execution at a time, each followed by its save: as Apps Script runs one call after
  // another for one user, and so that the file on disk always follows the sandbox.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(async () => {
      const result = await work();
      await options.afterChange?.();
      return result;
    });
    queue = next.catch(() => {});
    return next;
  };
  // Sheets opens with the add-on menu built by onOpen.
  try {
    if (sandbox.ui.menus.length === 0 && sandbox.functions().includes("onOpen"))
      sandbox.run("onOpen", { authMode: "FULL" });
  } catch (_) {
    // a bundle without a menu still serves its sidebar
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    void (async () => {
      try {
        const address = server.address();
        const listening = typeof address === "object" && address ? address.port : port;
        const refused = foreignRequest(req.headers, req.method ?? "GET", listening);
        if (refused) return send(res, 403, "text/plain; charset=utf-8", refused);
        if (req.method === "POST" && url.pathname === "/run") {
          const body = await readBody(req);
          send(
            res,
            200,
            "application/json; charset=utf-8",
            JSON.stringify(await serially(() => runCall(sandbox, body))),
          );
          return;
        }
        if (req.method === "POST" && url.pathname === "/menu") {
          const body = await readBody(req);
          const result = await serially(() => runMenuItem(sandbox, body));
          return send(res, 200, "application/json; charset=utf-8", JSON.stringify(result));
        }
        if (req.method === "POST" && url.pathname === "/select") {
          selected = selectRow(sandbox, await readBody(req));
          return send(res, 200, "application/json; charset=utf-8", JSON.stringify({ selected }));
        }
        if (url.pathname === "/")
          return send(res, 200, "text/html; charset=utf-8", overviewPage(sandbox, selected));
        if (url.pathname === "/state")
          return send(res, 200, "text/html; charset=utf-8", stateHtml(sandbox, selected));
        if (url.pathname === "/sidebar") {
          const html = sidebarHtml(sandbox, bundleDir);
          // The shim goes first in <head>, before the sidebar's own script.
          return send(
            res,
            200,
            "text/html; charset=utf-8",
            html.replace(/<head>/i, () => `<head>${SHIM}`),
          );
        }
        const doc = /^\/doc\/([^/]+)\.(pdf|docx)$/.exec(url.pathname);
        if (doc) {
          const model = sandbox.documents.find(
            (d) => d.id === decodeURIComponent(doc[1] as string),
          );
          if (!model) return send(res, 404, "text/plain; charset=utf-8", "Document introuvable");
          return doc[2] === "pdf"
            ? send(res, 200, "application/pdf", renderPdf(model))
            : send(
                res,
                200,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                await docxBytes(model),
              );
        }
        const mail = /^\/mail\/(\d+)\.eml$/.exec(url.pathname);
        const email = mail ? sandbox.mails[Number(mail[1])] : undefined;
        if (email) return send(res, 200, "message/rfc822", await emlBytes(email));
        send(res, 404, "text/plain; charset=utf-8", "Introuvable");
      } catch (e) {
        send(res, 500, "text/plain; charset=utf-8", e instanceof Error ? e.message : String(e));
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new Error(portInUseMessage(port)) : e),
    );
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://localhost:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
