// The newcomer's first minutes: a fresh clone (no dist/, no out/), a ledger of their own —
// 14 plain columns in a French .csv, or an .xlsx with their own extra columns, another
// order and other spellings of the headers — then `npm start`, and the page in Chromium.
import { existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../sandbox/files/xlsx.js";
import { cleanCopy, npmStart } from "./clean-copy.js";
import { launch } from "./harness.js";

const PLAIN_CSV = `N° facture;Client;Email;Type;Date facture;Échéance;Montant TTC;Montant payé;Profil;Litige;Suspendu jusqu'au;Dernière étape;Date dernière étape;Date reconnaissance
FA-2026-101;Plomberie Caron;compta@caron-plomberie.fr;Professionnel;02/09/2026;02/10/2026;2 480,00;;Standard;;;Relance ferme;12/10/2026;
FA-2026-102;Plomberie Caron;compta@caron-plomberie.fr;Professionnel;15/10/2026;14/11/2026;960,00;;Standard;;;;;
FA-2026-103;M. Thomas Renaud;thomas.renaud@exemple.fr;Particulier;01/10/2026;31/10/2026;145,90;;Standard;;;;;
FA-2026-105;SAS Nordtech;factures@nordtech.fr;Professionnel;10/10/2026;09/11/2026;12 600,00;;Récalcitrant;;;;;
FA-2026-106;Café du Marché;;Professionnel;05/10/2026;04/11/2026;410,00;;En difficulté;;;;;
FA-2026-107;Studio Lumen;hello@studio-lumen.fr;Professionnel;01/09/2026;01/10/2026;1 800,00;;Standard;Oui;;;;
FA-2026-108;Mme Inès Morel;ines.morel@exemple.fr;Particulier;12/10/2026;11/11/2026;89,00;89,00;Standard;;;;;
`;

/** The user's own workbook: their sheet name, their extra columns, their header words. */
async function ownXlsx(path: string): Promise<void> {
  const d = (s: string) => {
    const [dd, mm, yy] = s.split("/").map(Number);
    return new Date(Date.UTC(yy as number, (mm as number) - 1, dd));
  };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Suivi clients");
  ws.addRow([
    "Débiteur",
    "Numéro de facture",
    "Commercial",
    "Courriel",
    "Type client",
    "Date de facture",
    "Date d'échéance",
    "Total TTC",
    "Réglé",
    "Notes internes",
    "Contesté",
    "Dernière relance",
    "Date dernière relance",
  ]);
  ws.addRow([
    "Hôtel du Parc",
    "H-2026-0042",
    "Julie",
    "direction@hotel-du-parc.fr",
    "Professionnel",
    d("01/08/2026"),
    d("31/08/2026"),
    5400,
    400,
    "rappeler jeudi",
    "",
    "Relance ferme",
    d("10/09/2026"),
  ]);
  ws.addRow([
    "M. Thomas Renaud",
    "H-2026-0043",
    "Marc",
    "thomas.renaud@exemple.fr",
    "Particulier",
    d("01/10/2026"),
    d("31/10/2026"),
    145.9,
    "",
    "",
    "",
    "",
    "",
  ]);
  for (const c of [6, 7, 13]) ws.getColumn(c).numFmt = "dd/mm/yyyy";
  await wb.xlsx.writeFile(path);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function sidebarOf(
  url: string,
): Promise<{ page: Page; side: FrameLocator; close(): Promise<void> }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: "fr-FR" });
  await page.goto(url);
  return { page, side: page.frameLocator("#side"), close: () => page.close() };
}

describe("npm start from a fresh clone, on the user's own ledger", () => {
  const repo = cleanCopy();

  it("a plain 14-column .csv: builds dist/ (the sidebar too), writes ledger.xlsx, serves a working sidebar", async () => {
    expect(existsSync(join(repo, "dist"))).toBe(false);
    const ledger = join(repo, "mes-creances.csv");
    writeFileSync(ledger, PLAIN_CSV);
    const run = npmStart(repo, ["--ledger", ledger, "--today", "2026-11-26", "--port", "0"]);
    try {
      const url = await run.url;
      expect(run.output()).toContain("dist/Sidebar.html");
      expect(existsSync(join(repo, "dist/Sidebar.html"))).toBe(true);
      expect(run.output()).toMatch(/Relance de courtoisie \(email\) — M\. Thomas Renaud/);

      const book = await readXlsx(join(repo, "out/ledger.xlsx"));
      const claims = book.sheets.find((s) => s.name === "Créances");
      expect(claims?.values[0]).toContain("Statut");
      expect(claims?.conditionalFormats.some((cf) => cf.ranges.join().includes("2"))).toBe(true);

      const { page, side, close } = await sidebarOf(url);
      try {
        await side.getByRole("heading", { name: /Aujourd'hui, 26\/11\/2026/ }).waitFor();
        await side.getByRole("button", { name: "Ouvrir le dossier Plomberie Caron" }).click();
        await side.getByRole("heading", { level: 2, name: "Plomberie Caron" }).waitFor();
        expect(await side.locator("body").textContent()).not.toMatch(/ENOENT|introuvable/);

        // SAS Nordtech had its Relance ferme this morning: not in today's list, one search away.
        await side.getByRole("tab", { name: "Clients" }).click();
        await side.getByLabel("Rechercher un client").fill("nordtech.fr");
        await side.getByRole("button", { name: "Ouvrir le dossier SAS Nordtech" }).click();
        await side.getByRole("heading", { level: 2, name: "SAS Nordtech" }).waitFor();

        // A row selected in the page, as in Sheets: « Dossier de la ligne sélectionnée ».
        await page.locator('tr[data-sheet="Créances"]', { hasText: "FA-2026-103" }).click();
        await page.locator('tr[aria-selected="true"]', { hasText: "FA-2026-103" }).waitFor();
        await side.getByRole("tab", { name: "Aujourd'hui" }).click();
        await side.getByRole("button", { name: "Dossier de la ligne sélectionnée" }).click();
        await side.getByRole("heading", { level: 2, name: "M. Thomas Renaud" }).waitFor();

        // What is done in the sidebar is in out/ledger.xlsx at once: tomorrow's run knows it.
        await side.getByText("Noter un échange").click();
        await side.getByLabel("Résultat").selectOption("promise");
        await side.getByLabel("Date promise / de signature").fill("2026-12-10");
        await side.getByRole("button", { name: "Enregistrer l'échange" }).click();
        await side.locator('.status[data-kind="ok"]').waitFor();
        await expect
          .poll(async () => {
            const saved = await readXlsx(join(repo, "out/ledger.xlsx"));
            const rows = saved.sheets.find((s) => s.name === "Créances")?.values ?? [];
            const head = rows[0] ?? [];
            const row = rows.find((r) => r[0] === "FA-2026-103") ?? [];
            return row[head.indexOf("Suspendu jusqu'au")] instanceof Date;
          })
          .toBe(true);

        // The add-on menu is in the page: Initialiser le classeur says what it did.
        const menu = page.getByRole("navigation", { name: /Extensions › Recouvra/ });
        await menu.getByRole("button", { name: "Initialiser le classeur" }).click();
        await page.locator("#said", { hasText: /classeur|Feuilles|Colonnes/ }).waitFor();
        await menu
          .getByRole("button", { name: "Activer les relances automatiques", exact: true })
          .click();
        await page.locator("#said", { hasText: /Relances automatiques/ }).waitFor();
      } finally {
        await close();
      }
    } finally {
      await run.stop();
    }
  }, 240_000);

  it("an .xlsx with extra columns, other header words and another order: read, kept, served", async () => {
    const ledger = join(repo, "suivi.xlsx");
    await ownXlsx(ledger);
    const run = npmStart(repo, [
      "--ledger",
      ledger,
      "--today",
      "2026-11-26",
      "--out",
      "out-own",
      "--port",
      "0",
    ]);
    try {
      const url = await run.url;
      expect(run.output()).toMatch(/Relance de courtoisie \(email\) — M\. Thomas Renaud/);
      expect(run.output()).not.toMatch(/lignes? en erreur/);

      const book = await readXlsx(join(repo, "out-own/ledger.xlsx"));
      const claims = book.sheets.find((s) => s.name === "Créances");
      const head = claims?.values[0] ?? [];
      expect(head.slice(0, 4)).toEqual(["Débiteur", "Numéro de facture", "Commercial", "Courriel"]);
      expect(head).toContain("Statut");
      expect(claims?.values[1]?.[head.indexOf("Notes internes")]).toBe("rappeler jeudi");

      const { side, close } = await sidebarOf(url);
      try {
        await side.getByRole("heading", { name: /Aujourd'hui/ }).waitFor();
        await side.getByRole("button", { name: "Ouvrir le dossier Hôtel du Parc" }).click();
        await side.getByRole("heading", { level: 2, name: "Hôtel du Parc" }).waitFor();
        expect(await side.locator("table.invoices").textContent()).toContain("H-2026-0042");
      } finally {
        await close();
      }
    } finally {
      await run.stop();
    }
  }, 240_000);

  it("a busy port is said in French before the day is run", async () => {
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, "127.0.0.1", () => done()));
    const address = holder.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const run = npmStart(repo, [
        "--today",
        "2026-11-26",
        "--out",
        "out-port",
        "--port",
        String(port),
      ]);
      expect(await run.exited).toBe(2);
      expect(run.output()).toContain(`Le port ${port} est déjà utilisé`);
      expect(run.output()).toContain(`--port ${port + 1}`);
      expect(run.output()).not.toContain("EADDRINUSE");
      expect(run.output()).not.toContain("Recouvra — journée");
    } finally {
      holder.close();
    }
  }, 120_000);
});
