// The newcomer's whole path, as the README tells it and without reading code: a fresh clone
// (no dist/), `npm start` on their own ledger (a French .csv, their own header words and
// columns), then in the page: find a debtor through « Clients » by invoice number, open its
// dossier, preview a Relance ferme, confirm the dialog that names what leaves, and find the
// email and the ledger in --out at once; stop; the next business day's run on out/ledger.xlsx
// knows the letter: it neither re-sends that step nor writes to that debtor inside the gap.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AddressObject, simpleParser } from "mailparser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../sandbox/files/xlsx.js";
import type { CellValue } from "../../sandbox/model.js";
import { calendarDateIn } from "../../sandbox/tz.js";
import { cleanCopy, npmStart } from "./clean-copy.js";
import { launch } from "./harness.js";

// Hôtel du Parc had its courtesy reminder on 20/11, its due date: nothing is due for it on
// Thursday 26/11 (the Relance ferme comes at J+7, on 27/11), so the morning run leaves it
// alone and the user sends the Relance ferme by hand. Two debtors whose names differ only by
// case and accents, at two addresses, are two debtors.
const LEDGER = `Débiteur;Facture;Courriel;Type client;Date de facture;Date d'échéance;Total TTC;Réglé;Profil;Contesté;Suspendu jusqu'au;Dernière relance;Date dernière relance;Date reconnaissance;Commercial
Hôtel du Parc;H-2026-0050;direction@hotel-du-parc.fr;Professionnel;21/10/2026;20/11/2026;1 234,56;;Standard;;;Relance de courtoisie;20/11/2026;;Julie
L'Atelier d'Oscar;O-2026-0007;compta@atelier-oscar.fr;Professionnel;01/10/2026;31/10/2026;2 100,00;;Standard;;;;;;Marc
Élise Durand;E-2026-0001;elise.durand@exemple.fr;Particulier;01/10/2026;31/10/2026;320,00;;Standard;;;;;;Marc
elise durand;E-2026-0002;e.durand@autre.fr;Particulier;02/10/2026;01/11/2026;150,00;;Standard;;;;;;Marc
`;

const plain = (t: string | null | undefined) => (t ?? "").replace(/[\u00a0\u202f]/g, " ");

/** A sheet of a written workbook as objects keyed by its header row. */
async function rowsOf(file: string, sheet: string): Promise<Record<string, CellValue>[]> {
  const book = await readXlsx(file);
  const [head, ...rows] = book.sheets.find((s) => s.name === sheet)?.values ?? [];
  return rows
    .filter((r) => r.some((v) => v !== ""))
    .map((r) => Object.fromEntries((head ?? []).map((h, i) => [String(h), r[i] ?? ""])));
}

const day = (v: CellValue | undefined) =>
  v instanceof Date ? calendarDateIn(v, "Europe/Paris") : String(v ?? "");

async function emailsTo(dir: string, address: string) {
  const found = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".eml"))) {
    const mail = await simpleParser(readFileSync(join(dir, f)));
    const to = (mail.to as AddressObject | undefined)?.value.map((a) => a.address) ?? [];
    if (to.includes(address)) found.push({ file: f, mail });
  }
  return found;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("from git clone to a confirmed letter that tomorrow's run knows", () => {
  it("finds the debtor by invoice, sends a confirmed Relance ferme, and the next business day leaves that debtor alone", async () => {
    const repo = cleanCopy();
    writeFileSync(join(repo, "mes-factures.csv"), LEDGER);
    const today = npmStart(repo, [
      "--ledger",
      "mes-factures.csv",
      "--today",
      "2026-11-26",
      "--port",
      "0",
    ]);
    try {
      const url = await today.url;
      expect(today.output()).toMatch(/Relance de courtoisie \(email\) — L'Atelier d'Oscar/);
      expect(today.output()).not.toMatch(/H-2026-0050.*\n.*direction@|— Hôtel du Parc →/);

      const page = await browser.newPage({
        viewport: { width: 1200, height: 900 },
        locale: "fr-FR",
        timezoneId: "Europe/Paris",
      });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(url);
      const side = page.frameLocator("#side");
      await side.getByRole("heading", { name: /Aujourd'hui, 26\/11\/2026/ }).waitFor();

      // Two « Durand » at two addresses: two debtors, each its own dossier.
      await side.getByRole("tab", { name: "Clients" }).click();
      const search = side.getByLabel("Rechercher un client");
      await search.fill("durand");
      expect(await side.locator(".card-name").allTextContents()).toEqual([
        "Élise Durand (elise.durand@exemple.fr)",
        "elise durand (e.durand@autre.fr)",
      ]);
      await side.getByRole("button", { name: "Ouvrir le dossier elise durand" }).click();
      await side
        .getByRole("heading", { level: 2, name: "elise durand (e.durand@autre.fr)" })
        .waitFor();
      expect(plain(await side.locator("table.invoices").textContent())).toContain("E-2026-0002");

      // No letter leaves without the creditor's identity, and the dossier says so by the
      // button; « Paramètres » is the README's first step in the sidebar.
      await side.getByRole("tab", { name: "Clients" }).click();
      await side.getByLabel("Rechercher un client").fill("H-2026-0050");
      await side.getByRole("button", { name: "Ouvrir le dossier Hôtel du Parc" }).click();
      await side.getByText("Courriers", { exact: true }).click();
      await side.getByRole("button", { name: "Aperçu" }).click();
      await side.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      await side.getByRole("button", { name: "Créer le document" }).click();
      expect(plain(await side.locator('.said[data-kind="error"]').textContent())).toBe(
        "Avant de créer un courrier, renseignez dans « Paramètres » : Raison sociale, Adresse.",
      );
      await side.getByRole("tab", { name: "Paramètres" }).click();
      await side.getByLabel("Raison sociale").fill("Menuiserie L'Artisan SARL");
      await side.getByLabel("Adresse").fill("12 rue des Lilas\n69003 Lyon");
      await side.getByRole("button", { name: "Enregistrer" }).click();
      await side.locator('.status[data-kind="ok"]').waitFor();

      // Any debtor, by one of its invoice numbers.
      await side.getByRole("tab", { name: "Clients" }).click();
      await search.fill("H-2026-0050");
      expect(await side.locator(".card-name").allTextContents()).toEqual(["Hôtel du Parc"]);
      await side.getByRole("button", { name: "Ouvrir le dossier Hôtel du Parc" }).click();
      await side.getByRole("heading", { level: 2, name: "Hôtel du Parc", exact: true }).waitFor();

      // Preview, then create and email: nothing leaves before the dialog is confirmed.
      await side.getByText("Courriers", { exact: true }).click();
      const letters = side.locator("#panel-letters");
      await letters.getByLabel("Courrier", { exact: true }).selectOption("firm");
      await side.getByRole("button", { name: "Aperçu" }).click();
      await side.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      await side.getByLabel("Envoyer le PDF par email au client").check();
      await side.getByRole("button", { name: "Créer le document" }).click();
      const dialog = side.getByRole("alertdialog");
      await dialog.waitFor();
      const asked = plain(await dialog.textContent());
      expect(asked).toContain("Étape : Relance ferme.");
      expect(asked).toContain("Destinataire : direction@hotel-du-parc.fr.");
      expect(asked).toContain("Factures : H-2026-0050 (1 234,56 €).");
      expect(asked).toContain("Reste dû : 1 234,56 €.");
      expect(await emailsTo(join(repo, "out/emails"), "direction@hotel-du-parc.fr")).toEqual([]);
      await dialog.getByRole("button", { name: "Créer et envoyer" }).click();
      await side.locator("#created-links").waitFor();

      // At once in --out: the email as its reader sees it, the ledger with its Journal line.
      await expect
        .poll(
          async () =>
            (await emailsTo(join(repo, "out/emails"), "direction@hotel-du-parc.fr")).length,
          {
            timeout: 15_000,
          },
        )
        .toBe(1);
      const [sent] = await emailsTo(join(repo, "out/emails"), "direction@hotel-du-parc.fr");
      expect(sent?.mail.subject).toMatch(/H-2026-0050/);
      expect(plain(sent?.mail.text)).toContain("1 234,56 €");
      expect(sent?.mail.attachments.map((a) => a.contentType)).toContain("application/pdf");
      await expect
        .poll(
          async () =>
            (await rowsOf(join(repo, "out/ledger.xlsx"), "Journal")).some(
              (l) => l.Étape === "Relance ferme" && l.Factures === "H-2026-0050",
            ),
          { timeout: 15_000 },
        )
        .toBe(true);
      const claims = await rowsOf(join(repo, "out/ledger.xlsx"), "Créances");
      const hotel = claims.find((r) => r.Facture === "H-2026-0050");
      expect(hotel?.["Dernière relance"]).toBe("Relance ferme");
      expect(day(hotel?.["Date dernière relance"])).toBe("2026-11-26");
      expect(hotel?.Commercial).toBe("Julie");
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await today.stop();
    }

    // The next business day, on what the first day wrote, as the README says.
    const tomorrow = npmStart(repo, [
      "--ledger",
      "out/ledger.xlsx",
      "--today",
      "2026-11-27",
      "--out",
      "out-27",
      "--no-serve",
    ]);
    expect(await tomorrow.exited).toBe(0);
    const said = tomorrow.output();
    const run = JSON.parse(readFileSync(join(repo, "out-27/run.json"), "utf8")) as {
      actions: { client: string; invoices: string[] }[];
      skipped: { invoice: string; reason: string }[];
    };
    // Neither the Relance ferme again nor anything else to Hôtel du Parc inside the gap.
    expect(run.actions.filter((a) => a.invoices.includes("H-2026-0050"))).toEqual([]);
    expect(await emailsTo(join(repo, "out-27/emails"), "direction@hotel-du-parc.fr")).toEqual([]);
    // Nor to the debtor the first morning wrote to.
    expect(await emailsTo(join(repo, "out-27/emails"), "compta@atelier-oscar.fr")).toEqual([]);
    // Its summary says what comes next: not the Relance ferme (done), the mise en demeure at
    // J+20; its Journal still holds the letter.
    expect(said).toContain("H-2026-0050 : Mise en demeure prévue le 10/12/2026");
    expect(run.skipped).toContainEqual({
      invoice: "H-2026-0050",
      reason: "Mise en demeure prévue le 10/12/2026",
    });
    const journal = await rowsOf(join(repo, "out-27/ledger.xlsx"), "Journal");
    expect(
      journal.filter((l) => l.Étape === "Relance ferme" && l.Factures === "H-2026-0050"),
    ).toHaveLength(1);
    const claims = await rowsOf(join(repo, "out-27/ledger.xlsx"), "Créances");
    expect(claims.find((r) => r.Facture === "H-2026-0050")?.["Dernière relance"]).toBe(
      "Relance ferme",
    );
  }, 300_000);
});
