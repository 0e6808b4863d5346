// What the daily-run tests share: a ledger built from a few invoices, a sandbox over the
// built bundle with the workbook initialized and the creditor's identity filled in, and
// readers of what a credit manager looks at — the Journal, « Dernière étape », the emails.
import { createSandbox, type Sandbox } from "../../sandbox/index";
import type { CellValue, SheetModel, WorkbookModel } from "../../sandbox/model";
import { newSheetModel } from "../../sandbox/services/grid";
import { calendarDateIn, midnightIn, toWallClock } from "../../sandbox/tz";

export const TZ = "Europe/Paris";

export const LEDGER_HEADERS = [
  "N° facture",
  "Client",
  "Email",
  "Type",
  "Date facture",
  "Échéance",
  "Montant TTC",
  "Montant payé",
  "Profil",
  "Litige",
  "Suspendu jusqu'au",
  "Dernière étape",
  "Date dernière étape",
  "Date reconnaissance",
] as const;

export type LedgerHeader = (typeof LEDGER_HEADERS)[number];

export interface Invoice {
  invoice: string;
  client: string;
  email?: string;
  type?: "Professionnel" | "Particulier";
  /** yyyy-mm-dd; default: 30 days before `due`. */
  invoiceDate?: string;
  due: string;
  amount: number;
  paid?: number;
  profile?: "Standard" | "Fidèle" | "En difficulté" | "Récalcitrant";
  disputed?: boolean;
  suspendedUntil?: string;
  lastStep?: string;
  lastStepDate?: string;
}

export const CREDITOR = {
  "Raison sociale": "Imprimerie Durand SARL",
  Adresse: "12 rue des Presses, 69002 Lyon",
  Ville: "Lyon",
  SIREN: "812345678",
  Email: "relances@imprimerie-durand.example",
  Signature: "Marie Durand, gérante",
  IBAN: "FR76 3000 6000 0112 3456 7890 189",
  BIC: "AGRIFRPP",
} as const;
export const COMPANY = CREDITOR["Raison sociale"];

export const day = (iso: string): Date => midnightIn(iso, TZ);

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return shift(iso, days);
}

/** The days from `first` to `last` inclusive, as yyyy-mm-dd. */
export function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = shift(d, 1)) out.push(d);
  return out;
}

export function invoiceRow(i: Invoice): CellValue[] {
  return [
    i.invoice,
    i.client,
    i.email ?? "",
    i.type ?? "Professionnel",
    day(i.invoiceDate ?? shift(i.due, -30)),
    day(i.due),
    i.amount,
    i.paid ?? 0,
    i.profile ?? "Standard",
    i.disputed ?? false,
    i.suspendedUntil ? day(i.suspendedUntil) : "",
    i.lastStep ?? "",
    i.lastStepDate ? day(i.lastStepDate) : "",
    "",
  ];
}

/** A workbook holding one « Créances » sheet: the canonical headers, then these rows. */
export function ledgerWorkbook(rows: CellValue[][]): WorkbookModel {
  const sheet = newSheetModel("Créances", Math.max(100, rows.length + 20), 14);
  sheet.values[0] = [...LEDGER_HEADERS];
  rows.forEach((r, i) => {
    sheet.values[i + 1] = [...r, ...Array<CellValue>(Math.max(0, 14 - r.length)).fill("")];
  });
  return {
    name: "Suivi des créances",
    timeZone: TZ,
    locale: "fr_FR",
    sheets: [sheet],
    namedRanges: [],
  };
}

export interface OpenOptions {
  /** Wall-clock "yyyy-mm-ddThh:mm" in Paris. */
  now: string;
  account?: "consumer" | "workspace";
  /** Lines of « Paramètres » to set besides the creditor, by their label in column A. */
  settings?: Record<string, CellValue>;
}

/** The sandbox over the built bundle, after « Initialiser le classeur » and with the
 * creditor's identity typed into « Paramètres », as a user would on day one. */
export function openLedger(rows: CellValue[][], opts: OpenOptions): Sandbox {
  const sb = createSandbox({
    timeZone: TZ,
    now: opts.now,
    workbook: ledgerWorkbook(rows),
    account: opts.account ?? "consumer",
  });
  sb.run("initializeWorkbookFromMenu");
  // The Monday digest is off unless a test asks for it: these tests count the debtors' emails.
  const values: Record<string, CellValue> = {
    ...CREDITOR,
    "Synthèse du lundi": "Non",
    ...(opts.settings ?? {}),
  };
  if (opts.account === "workspace") values["Type de compte"] = "Google Workspace";
  setSettings(sb, values);
  return sb;
}

/** A factory of sandboxes starting from `sb`'s spreadsheet and properties as they are now
 * (cheaper than initializing each one again). */
export function snapshot(sb: Sandbox, opts: Omit<OpenOptions, "settings">): () => Sandbox {
  const workbook = structuredClone(sb.workbook);
  const stores = structuredClone(sb.properties);
  return () => {
    const copy = createSandbox({
      timeZone: TZ,
      now: opts.now,
      workbook: structuredClone(workbook),
      account: opts.account ?? "consumer",
    });
    for (const k of ["document", "script", "user"] as const)
      for (const [key, value] of stores[k]) copy.properties[k].set(key, value);
    return copy;
  };
}

/** Types values into « Paramètres », each beside its label. */
export function setSettings(sb: Sandbox, values: Record<string, CellValue>): void {
  const sheet = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Paramètres");
  if (!sheet) throw new Error("no « Paramètres »");
  const labels = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
  for (const [label, value] of Object.entries(values)) {
    const i = labels.findIndex(([l]) => l === label);
    if (i < 0) throw new Error(`« ${label} » is not a line of « Paramètres »`);
    sheet.getRange(i + 1, 2).setValue(value);
  }
}

export function sheet(sb: Sandbox, name: string): SheetModel {
  const s = sb.workbook.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet « ${name} »`);
  return s;
}

/** A date cell or a Date as the calendar date it shows in Paris; other values as they are. */
export function shown(v: unknown): unknown {
  return v instanceof Date ? calendarDateIn(v, TZ) : v;
}

export interface JournalLine {
  row: number;
  /** "yyyy-mm-dd HH:mm" in Paris. */
  at: string;
  day: string;
  invoices: string;
  client: string;
  step: string;
  channel: string;
  recipient: string;
  subject: string;
  outcome: string;
  document: string;
  by: string;
  /** « PDF »: the file's name, then its link. */
  pdf: string;
  /** The raw cells, to check that nothing was written as a formula. */
  cells: CellValue[];
  formulas: string[];
}

export function journal(sb: Sandbox): JournalLine[] {
  const s = sheet(sb, "Journal");
  const out: JournalLine[] = [];
  s.values.forEach((r, i) => {
    if (i === 0 || r.every((c) => c === "")) return;
    const at = r[0];
    let stamp = String(at);
    if (at instanceof Date) {
      const w = toWallClock(at, TZ);
      const p = (n: number) => String(n).padStart(2, "0");
      stamp = `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
    }
    const [, invoices, client, step, channel, recipient, subject, outcome, document, by, pdf] =
      r.map((c) => String(c));
    out.push({
      row: i + 1,
      at: stamp,
      day: stamp.slice(0, 10),
      invoices: invoices ?? "",
      client: client ?? "",
      step: step ?? "",
      channel: channel ?? "",
      recipient: recipient ?? "",
      subject: subject ?? "",
      outcome: outcome ?? "",
      document: document ?? "",
      by: by ?? "",
      pdf: pdf ?? "",
      cells: r.slice(0, 10),
      formulas: (s.formulas[i] ?? []).slice(0, 10),
    });
  });
  return out;
}

export interface LedgerState {
  row: number;
  lastStep: unknown;
  lastStepDate: unknown;
  status: unknown;
  values: Record<string, unknown>;
}

/** The ledger as the user sees it, by N° facture (wherever the row stands now). */
export function ledger(sb: Sandbox): Map<string, LedgerState> {
  const s = sheet(sb, "Créances");
  const header = (s.values[0] ?? []).map(String);
  const col = (h: string) => header.indexOf(h);
  const out = new Map<string, LedgerState>();
  s.values.forEach((r, i) => {
    if (i === 0 || r[0] === "") return;
    const values = Object.fromEntries(header.map((h, c) => [h, shown(r[c])]));
    out.set(String(r[0]), {
      row: i + 1,
      lastStep: r[col("Dernière étape")],
      lastStepDate: shown(r[col("Date dernière étape")]),
      status: r[col("Statut")],
      values,
    });
  });
  return out;
}

/** Sets one cell of an invoice's row through SpreadsheetApp, as a user typing would. */
export function editInvoice(
  sb: Sandbox,
  invoice: string,
  header: LedgerHeader | "Adresse",
  value: CellValue,
): void {
  const s = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances");
  if (!s) throw new Error("no « Créances »");
  const keys = s.getRange(1, 1, s.getLastRow(), 1).getValues();
  const row = keys.findIndex(([k]) => k === invoice);
  if (row < 0) throw new Error(`no invoice ${invoice}`);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? [];
  const column = headers.indexOf(header);
  s.getRange(row + 1, column + 1).setValue(value);
}

/** What runDailyRelances returns (src/gas/run-report.ts), as the tests read it. */
export interface RunReport {
  today: string;
  trigger: string;
  actions: {
    invoices: string[];
    client: string;
    step: string;
    channel: string;
    to: string;
    subject: string;
    outcome: string;
    docId?: string;
  }[];
  skipped: { invoice: string; reason: string }[];
  errors: { invoice: string; row: number; message: string }[];
  postponed: { invoices: string[]; client: string; step: string; reason: string }[];
  toCheck: { invoices: string[]; client: string; step: string; at: string }[];
  settingsProblems: string[];
  stoppedBecause?: string;
  failure?: string;
}

/** The daily trigger's run on `date` at `time` (Paris), called as Apps Script calls it. */
export function runOn(sb: Sandbox, date: string, time = "09:00"): RunReport {
  sb.clock.set(`${date}T${time}`, TZ);
  return sb.execute<RunReport>("runDailyRelances", [{ triggerUid: "daily-run-test" }], {
    kind: "trigger",
  });
}

/** French amounts with ordinary spaces: "1 850,00 €". */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

/** An amount as the messages write it, spaces made plain: 1850 → "1 850,00 €". */
export function euros(n: number): string {
  const [int, cents] = (Math.round(n * 100) / 100).toFixed(2).split(".");
  return `${(int as string).replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${cents} €`;
}

/** Late penalties at 12.15 % (2026, both half-years) over `days` days, to the cent. */
export function penalty(outstanding: number, days: number): number {
  return Math.round(((outstanding * 12.15 * days) / 36_500) * 100 + 1e-7) / 100;
}

/** Days from the due date to `today` (each day from Échéance + 1 to today). */
export function daysLate(due: string, today: string): number {
  return (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000;
}

/** The text of a Google Doc, paragraphs and table cells joined. */
export function docText(sb: Sandbox, id: string): string {
  const doc = sb.documents.find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  const runs = (rs: { text: string }[]) => rs.map((r) => r.text).join("");
  return doc.elements
    .map((e) => {
      if (e.type === "paragraph" || e.type === "listItem") return runs(e.runs);
      if (e.type === "table") return e.rows.map((row) => row.map(runs).join(" | ")).join("\n");
      return "";
    })
    .join("\n");
}

/** The id in a Google Docs URL. */
export function docIdOf(url: string): string {
  return /\/d\/([^/]+)/.exec(url)?.[1] ?? "";
}

/** The text an HTML body shows: tags dropped, entities read. */
export function htmlText(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
