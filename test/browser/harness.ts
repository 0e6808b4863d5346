// The sidebar in a real headless Chromium (Debian's /usr/bin/chromium + playwright-core),
// served by sandbox/server.ts over a sandbox holding the example ledger on its reference day.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { readXlsx } from "../../sandbox/files/xlsx.js";
import { createSandbox, type Sandbox } from "../../sandbox/index.js";
import type { CellValue, SheetModel, WorkbookModel } from "../../sandbox/model.js";
import { startServer } from "../../sandbox/server.js";
import { calendarDateIn } from "../../sandbox/tz.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const TODAY = "2026-11-26T10:00";

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Session {
  sb: Sandbox;
  page: Page;
  url: string;
  /** Every alert/confirm/prompt the page opened. */
  dialogs: string[];
  /** Script errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

export async function open(
  browser: Browser,
  options: { mutate?: (wb: WorkbookModel) => void; width?: number; path?: string } = {},
): Promise<Session> {
  const workbook = await readXlsx(resolve(ROOT, "examples/creances.xlsx"));
  options.mutate?.(workbook);
  const sb = createSandbox({ workbook, now: TODAY, bundleDir: resolve(ROOT, "dist") });
  const server = await startServer(sb, { port: 0, bundleDir: resolve(ROOT, "dist") });
  const page = await browser.newPage({
    viewport: { width: options.width ?? 300, height: 900 },
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
  });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}${options.path ?? "/sidebar"}`);
  return {
    sb,
    page,
    url: server.url,
    dialogs,
    errors,
    close: async () => {
      await page.close();
      await server.close();
    },
  };
}

export function sheet(sb: Sandbox, name: string): SheetModel {
  const found = sb.workbook.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Journal rows as objects keyed by header, without the header row. */
export function journal(sb: Sandbox): Record<string, CellValue>[] {
  const [head, ...rows] = sheet(sb, "Journal").values.filter((r) => r.some((v) => v !== ""));
  return rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [String(h), r[i] ?? ""])));
}

/** One cell of « Créances » by N° facture and header. */
export function ledgerCell(sb: Sandbox, invoice: string, header: string): CellValue {
  const [head, ...rows] = sheet(sb, "Créances").values;
  const column = (head ?? []).indexOf(header);
  const row = rows.find((r) => r[0] === invoice);
  if (column < 0 || !row) throw new Error(`no cell ${invoice} / ${header}`);
  return row[column] ?? "";
}

export function day(v: CellValue): string {
  return v instanceof Date ? calendarDateIn(v, "Europe/Paris") : String(v);
}

export async function openDossier(page: Page, client: string): Promise<void> {
  await page.getByRole("button", { name: `Ouvrir le dossier ${client}` }).click();
  await page.getByRole("heading", { level: 2, name: client, exact: true }).waitFor();
}

/** Waits until the status line says something of `kind` (ok, error, info). */
export async function statusText(page: Page, kind: "ok" | "error"): Promise<string> {
  const status = page.locator(`.status[data-kind="${kind}"]`);
  await status.waitFor();
  return (await status.textContent()) ?? "";
}

/** Waits for the message said next to a control (an action's refusal or result). */
export async function saidText(page: Page, kind: "ok" | "error" | "info"): Promise<string> {
  const said = page.locator(`.said[data-kind="${kind}"]`);
  await said.first().waitFor();
  return (await said.first().textContent()) ?? "";
}

/** Confirms the dialog that names what is about to leave; returns what it said. */
export async function confirmDialog(page: Page, button: string | RegExp): Promise<string> {
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? "";
  await dialog.getByRole("button", { name: button }).click();
  await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
  return text;
}
