// npm start: the add-on's day on a laptop. Opens a ledger (.xlsx or French .csv), runs the
// very dist/Code.js clasp would push — the daily job, as its trigger would — in the
// sandbox for a given day, writes what Google would hold (the workbook, the emails, the
// letters) and run.json, prints a summary, then serves the sidebar bridged to the sandbox.
//
//   npm start -- --ledger examples/creances.xlsx --today 2026-11-26 --out out --no-serve

import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import { basename, extname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { buildAll } from "../build/build";
import { isInSaneRange, parseIsoDate, SANE_YEARS } from "../src/domain/calendar-date";
import { countOf } from "../src/domain/text";
import { readCsv } from "./files/csv";
import { docxBytes } from "./files/docx";
import { emlBytes } from "./files/eml";
import { renderPdf } from "./files/pdf";
import { readXlsx, writeXlsx } from "./files/xlsx";
import { dashboardHeadlines } from "./headlines";
import { createSandbox, type Sandbox } from "./index";
import type { EmailModel, WorkbookModel } from "./model";
import { portInUseMessage, startServer } from "./server";

const TIME_ZONE = "Europe/Paris";
const RUN_HOUR = "09:00";

export interface CliOptions {
  ledger: string;
  today: string;
  out: string;
  serve: boolean;
  account: "consumer" | "workspace";
  port: number;
}

/** What the add-on's RunReport says (src/gas/run-report.ts), as the JSON it returns. */
interface RunReport {
  today: string;
  actions: {
    invoices: string[];
    client: string;
    step: string;
    channel: "email" | "letter" | "task" | "dossier";
    to: string;
    subject: string;
    outcome: string;
    task?: string;
    docId?: string;
  }[];
  skipped: { invoice: string; reason: string }[];
  notes?: { invoice: string; note: string }[];
  errors: { invoice: string; row: number; message: string }[];
  postponed: { invoices: string[]; client: string; step: string; reason: string }[];
  toCheck: { invoices: string[]; client: string; step: string; at: string }[];
  settingsProblems: string[];
  stoppedBecause?: string;
  failure?: string;
}

const USAGE = `Usage : npm start -- [--ledger FICHIER.xlsx|.csv] [--today AAAA-MM-JJ] [--out DOSSIER]
                    [--no-serve] [--account consumer|workspace] [--port 8080]`;

function todayInParis(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date());
}

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ledger: { type: "string", default: "examples/creances.xlsx" },
      today: { type: "string" },
      out: { type: "string", default: "out" },
      "no-serve": { type: "boolean", default: false },
      account: { type: "string", default: "consumer" },
      port: { type: "string", default: "8080" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) throw new CliError(USAGE);
  const today = values.today ?? todayInParis();
  // A real calendar day (2026-02-30 is none) in the years a ledger may hold: a far-future
  // day would make the run walk centuries of holidays and rates.
  const day = parseIsoDate(today);
  if (day === undefined || !isInSaneRange(day)) {
    throw new CliError(
      `--today attend une date AAAA-MM-JJ réelle, entre ${SANE_YEARS.first} et ${SANE_YEARS.last} (reçu « ${today} »).\n${USAGE}`,
    );
  }
  if (values.account !== "consumer" && values.account !== "workspace") {
    throw new CliError(`--account attend consumer ou workspace (reçu « ${values.account} »).`);
  }
  const ext = extname(values.ledger).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv") {
    throw new CliError(`--ledger attend un fichier .xlsx ou .csv (reçu « ${values.ledger} »).`);
  }
  if (!existsSync(values.ledger)) throw new CliError(`Fichier introuvable : ${values.ledger}`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new CliError(`--port attend un numéro de port de 0 à 65535 (reçu « ${values.port} »).`);
  return {
    ledger: values.ledger,
    today,
    out: values.out,
    serve: !values["no-serve"],
    account: values.account,
    port,
  };
}

export class CliError extends Error {}

/** Rebuilds dist/ when it is missing or older than a source file. */
async function ensureBuilt(): Promise<void> {
  const bundle = "dist/Code.js";
  const newest = async (dir: string): Promise<number> => {
    if (!existsSync(dir)) return 0;
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return Math.max(
      0,
      ...entries.filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
    );
  };
  const sources = Math.max(
    await newest("src"),
    await newest("sidebar"),
    statSync("appsscript.json").mtimeMs,
  );
  if (existsSync(bundle) && existsSync("dist/Sidebar.html") && statSync(bundle).mtimeMs >= sources)
    return;
  const { bytes, sidebarBytes } = await buildAll();
  console.log(
    `Construction de dist/Code.js (${(bytes / 1024).toFixed(1)} Ko) et de dist/Sidebar.html (${(sidebarBytes / 1024).toFixed(1)} Ko).`,
  );
}

async function openLedger(path: string): Promise<WorkbookModel> {
  const name = basename(path, extname(path));
  if (extname(path).toLowerCase() === ".csv") {
    const wb = readCsv(new Uint8Array(readFileSync(path)), {
      timeZone: TIME_ZONE,
      sheetName: "Créances",
    });
    wb.name = name;
    return wb;
  }
  return readXlsx(path, { timeZone: TIME_ZONE, name });
}

/** A file name from a title: lower-case ASCII words joined by « - », cut only between two
 * words of the title (never inside an invoice number or a date). */
export function slug(text: string, max = 80): string {
  const words = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[\s—–,;:/\\()«»"'’]+/)
    .map((w) =>
      w
        .replace(/[^A-Za-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .toLowerCase(),
    )
    .filter((w) => w !== "");
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max && out) break;
    out = next.slice(0, Math.max(max, w.length));
  }
  return out || "sans-titre";
}

interface Written {
  emails: Map<EmailModel, string>;
  letters: Map<string, string[]>;
}

/** The emails, letters and workbook, as the files a user can open. Called again after
 * each action of the local sidebar: only what is new is written, and ledger.xlsx again. */
async function writeOutputs(
  sb: Sandbox,
  out: string,
  today: string,
  already?: Written,
): Promise<Written> {
  if (!already) {
    rmSync(join(out, "emails"), { recursive: true, force: true });
    rmSync(join(out, "letters"), { recursive: true, force: true });
  }
  mkdirSync(join(out, "emails"), { recursive: true });
  mkdirSync(join(out, "letters"), { recursive: true });
  const date = new Date(`${today}T08:00:00Z`);
  const emails = already?.emails ?? new Map<EmailModel, string>();
  for (const [i, mail] of sb.mails.entries()) {
    if (emails.has(mail)) continue;
    const file = join(out, "emails", `${String(i + 1).padStart(3, "0")}-${slug(mail.to)}.eml`);
    writeFileSync(file, await emlBytes(mail));
    emails.set(mail, file);
  }
  const letters = already?.letters ?? new Map<string, string[]>();
  for (const doc of sb.documents) {
    if (letters.has(doc.id)) continue;
    const base = join(out, "letters", slug(doc.name));
    writeFileSync(`${base}.pdf`, renderPdf(doc, { creationDate: date }));
    writeFileSync(`${base}.docx`, await docxBytes(doc));
    letters.set(doc.id, [`${base}.pdf`, `${base}.docx`]);
  }
  sb.recalculate();
  await writeXlsx(sb.workbook, join(out, "ledger.xlsx"), { date });
  return { emails, letters };
}

function runJson(report: RunReport, sb: Sandbox, written: Written, out: string) {
  const rel = (f: string) => relative(out, f).split("\\").join("/");
  return {
    today: report.today,
    actions: report.actions.map((a) => {
      const mails = [...written.emails].filter(([m]) => m.subject === a.subject && m.to === a.to);
      const files = [
        ...mails.map(([, f]) => rel(f)),
        ...(written.letters.get(a.docId ?? "") ?? []).map(rel),
      ];
      return {
        invoices: a.invoices,
        client: a.client,
        step: a.step,
        channel: a.channel,
        to: a.to,
        subject: a.subject,
        ...(a.task !== undefined ? { task: a.task } : {}),
        files,
      };
    }),
    skipped: report.skipped.map((s) => ({ invoice: s.invoice, reason: s.reason })),
    notes: report.notes ?? [],
    errors: report.errors.map((e) => ({
      invoice: e.invoice,
      message: e.row > 0 ? `ligne ${e.row} : ${e.message}` : e.message,
    })),
    postponed: report.postponed,
    toCheck: report.toCheck,
    serviceCalls: Object.fromEntries(
      Object.entries(sb.calls.counts).sort(([a], [b]) => a.localeCompare(b)),
    ),
    estimatedGoogleSeconds: Math.round(sb.calls.estimatedGoogleSeconds * 10) / 10,
  };
}

const CHANNEL_LABELS = {
  email: "email",
  letter: "mise en demeure",
  task: "tâche",
  dossier: "dossier",
};

/** « 1 action », « 2 actions »: the domain's plural, with the plain spaces of a terminal. */
const plural = (n: number, singular: string, many?: string): string =>
  countOf(n, singular, many).replace(/\u00a0/g, " ");

function printSummary(
  report: RunReport,
  json: ReturnType<typeof runJson>,
  opts: CliOptions,
  initialized: boolean,
): void {
  const lines: string[] = [];
  lines.push(
    `Recouvra — journée du ${opts.today.split("-").reverse().join("/")} sur ${opts.ledger}`,
  );
  if (initialized) lines.push("  Classeur initialisé (feuilles Journal / Paramètres créées).");
  if (report.failure) lines.push(`  ÉCHEC de l'exécution : ${report.failure}`);
  lines.push(`  ${plural(report.actions.length, "action")} :`);
  for (const a of json.actions) {
    const to = a.to ? ` → ${a.to}` : "";
    lines.push(
      `    • ${a.step} (${CHANNEL_LABELS[a.channel]}) — ${a.client}${to} — ${a.invoices.join(", ")}`,
    );
    if (a.task) lines.push(`        Tâche : ${a.task}`);
    for (const f of a.files) lines.push(`        ${f}`);
  }
  if (report.postponed.length > 0) {
    lines.push(`  ${plural(report.postponed.length, "action reportée", "actions reportées")} :`);
    for (const p of report.postponed) {
      lines.push(`    • ${p.step} — ${p.client} — ${p.invoices.join(", ")} : ${p.reason}`);
    }
  }
  if (report.toCheck.length > 0) {
    lines.push(
      `  ${plural(report.toCheck.length, "envoi interrompu", "envois interrompus")} à vérifier :`,
    );
    for (const c of report.toCheck)
      lines.push(`    • ${c.step} — ${c.client} — ${c.invoices.join(", ")} (${c.at})`);
  }
  if (report.errors.length > 0) {
    lines.push(
      `  ${plural(report.errors.length, "ligne en erreur, ignorée", "lignes en erreur, ignorées")} :`,
    );
    for (const e of json.errors) lines.push(`    • ${e.invoice || "(sans numéro)"} : ${e.message}`);
  }
  if (report.skipped.length > 0) {
    lines.push(`  ${plural(report.skipped.length, "facture")} sans action aujourd'hui :`);
    for (const s of report.skipped) lines.push(`    • ${s.invoice} : ${s.reason}`);
  }
  const notes = report.notes ?? [];
  if (notes.length > 0) {
    lines.push(`  ${plural(notes.length, "remarque")} sur « Créances » :`);
    for (const n of notes) lines.push(`    • ${n.invoice} : ${n.note}`);
  }
  for (const p of report.settingsProblems) lines.push(`  Paramètres : ${p}`);
  const calls = Object.values(json.serviceCalls).reduce((s, n) => s + n, 0);
  lines.push(
    `  ${plural(calls, "appel")} aux services Google, ~${String(json.estimatedGoogleSeconds).replace(".", ",")} s estimées chez Google.`,
  );
  lines.push(
    `  Sorties : ${opts.out}/ledger.xlsx, ${opts.out}/emails/, ${opts.out}/letters/, ${opts.out}/run.json`,
  );
  console.log(lines.join("\n"));
}

export async function runCli(
  opts: CliOptions,
): Promise<{ sandbox: Sandbox; report: RunReport; persist: () => Promise<void> }> {
  await ensureBuilt();
  const workbook = await openLedger(opts.ledger);
  const sb = createSandbox({
    workbook,
    timeZone: TIME_ZONE,
    now: `${opts.today}T${RUN_HOUR}`,
    account: opts.account,
  });
  // A ledger that never met the add-on gets its sheets, as « Initialiser le classeur » would.
  const names = new Set(workbook.sheets.map((s) => s.name));
  const initialized = !names.has("Journal") || !names.has("Paramètres");
  if (initialized) sb.run("initializeWorkbookFromMenu");
  const report = sb.execute<RunReport>("runDailyRelances", [{ triggerUid: "npm-start" }], {
    kind: "trigger",
  });
  sb.recalculate();
  mkdirSync(opts.out, { recursive: true });
  const written = await writeOutputs(sb, opts.out, opts.today);
  const json = runJson(report, sb, written, opts.out);
  writeFileSync(join(opts.out, "run.json"), `${JSON.stringify(json, null, 2)}\n`);
  printSummary(report, json, opts, initialized);
  const headlines = dashboardHeadlines(sb.workbook);
  if (headlines.length > 0) console.log(headlines.join("\n"));
  // What the local sidebar does later goes to the same files, so tomorrow's run knows it.
  const persist = async () => {
    await writeOutputs(sb, opts.out, opts.today, written);
  };
  return { sandbox: sb, report, persist };
}

/** Whether a port can be listened on now (checked before the run, not after it). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  if (opts.serve && opts.port !== 0 && !(await portFree(opts.port))) {
    console.error(portInUseMessage(opts.port));
    process.exit(2);
  }
  const { sandbox, persist } = await runCli(opts);
  if (!opts.serve) return;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(sandbox, { port: opts.port, afterChange: persist });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  console.log(
    `\nPanneau latéral et classeur : ${server.url}  (Ctrl-C pour arrêter)\n  Ce que vous faites dans le panneau est enregistré dans ${opts.out}/ledger.xlsx.`,
  );
  process.on("SIGINT", () => {
    void server.close().then(() => process.exit(0));
  });
}

if (process.argv[1] && basename(process.argv[1]).startsWith("cli")) {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
