// A newcomer's first hour in the sidebar: any debtor one search away, what the morning run
// did, the tabs by keyboard, a ladder that never steps back, nothing legal leaving
// unconfirmed, sensible defaults, warnings where time runs out, errors where the eye is.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmDialog,
  day,
  journal,
  launch,
  ledgerCell,
  open,
  openDossier,
  type Session,
} from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function withSession(run: (s: Session) => Promise<void>): Promise<void> {
  const s = await open(browser);
  try {
    await run(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

/** Any debtor, through « Clients » (not only those with work today). */
async function openFromClients(page: Page, client: string): Promise<void> {
  await page.getByRole("tab", { name: "Clients" }).click();
  await page.getByLabel("Rechercher un client").fill(client);
  await page.getByRole("button", { name: `Ouvrir le dossier ${client}` }).click();
  await page.getByRole("heading", { level: 2, name: client, exact: true }).waitFor();
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").replace(/\u00a0|\u202f/g, " ");

describe("the first hour", () => {
  it("finds a debtor the morning run already wrote to: « Fait aujourd'hui », then « Clients » by name, invoice or email", async () => {
    await withSession(async ({ page, sb }) => {
      await page.locator(".card-name").first().waitFor();
      sb.execute("runDailyRelances", [{ triggerUid: "t" }], { kind: "trigger" });
      await page.getByRole("tab", { name: "Aujourd'hui" }).click();
      const done = page.getByRole("region", { name: "Fait aujourd'hui" });
      await done.getByRole("heading", { name: /Envoyé \(\d+\)/ }).waitFor();
      const sentTo = journal(sb).filter(
        (l) => l.Résultat === "Envoyé" && l.Client !== "" && day(l.Date) === "2026-11-26",
      );
      expect(sentTo.length).toBeGreaterThan(0);
      const cards = await page.locator(".card-name").allTextContents();
      // A debtor written to this morning has left today's list, but is said to be done.
      const gone = sentTo.map((l) => String(l.Client)).find((c) => !cards.includes(c)) as string;
      expect(gone).toBeDefined();
      expect(await done.textContent()).toContain(gone);
      const email = String(sentTo.find((l) => l.Client === gone)?.Destinataire).split(/[;,]/)[0];
      const invoice = String(sentTo.find((l) => l.Client === gone)?.Factures).split(",")[0];

      await page.getByRole("tab", { name: "Clients" }).click();
      const search = page.getByLabel("Rechercher un client");
      await search.waitFor();
      for (const q of [gone.slice(0, 6), invoice?.trim() ?? "", email?.trim() ?? ""]) {
        await search.fill(q);
        expect(await page.locator(".card-name").allTextContents(), q).toContain(gone);
      }
      await search.fill("");
      // Sorted by amount due, the largest first.
      await page.getByLabel("Trier par").selectOption("amount");
      const amounts = (await page.locator(".card-amount").allTextContents()).map((t) =>
        Number(t.replace(/[^\d,]/g, "").replace(",", ".")),
      );
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      await search.fill(gone);
      await page.getByRole("button", { name: `Ouvrir le dossier ${gone}` }).click();
      await page.getByRole("heading", { level: 2, name: gone, exact: true }).waitFor();
      // Focus follows: the dossier's heading, not the page.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
    });
  }, 90_000);

  it("tabs are WAI-ARIA tabs: arrow keys, Home and End move and open", async () => {
    await withSession(async ({ page }) => {
      await page.locator(".card-name").first().waitFor();
      const tab = (name: string) => page.getByRole("tab", { name });
      await tab("Aujourd'hui").focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => tab("Vue d'ensemble").getAttribute("aria-selected")).toBe("true");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => tab("Clients").getAttribute("aria-selected")).toBe("true");
      await page.getByLabel("Rechercher un client").waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Clients");
      await page.keyboard.press("End");
      await expect.poll(() => tab("Paramètres").getAttribute("aria-selected")).toBe("true");
      await page.keyboard.press("Home");
      await expect.poll(() => tab("Aujourd'hui").getAttribute("aria-selected")).toBe("true");
      expect(await tab("Clients").getAttribute("tabindex")).toBe("-1");
      expect(await page.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-today");
    });
  }, 90_000);

  it("a courtesy letter for invoices at « Transmise » and « Mise en demeure » is journaled; « Dernière étape » stays", async () => {
    await withSession(async ({ page, sb }) => {
      await openFromClients(page, "Transports Garnier SAS");
      for (const i of ["F-2026-0396", "F-2026-0406"])
        if (await page.getByLabel(`Inclure la facture ${i}`).count())
          await page.getByLabel(`Inclure la facture ${i}`).uncheck();
      await page.getByText("Courriers", { exact: true }).click();
      const panel = page.locator("#panel-letters");
      await panel.getByLabel("Courrier", { exact: true }).selectOption("courtesy");
      await page.getByRole("button", { name: "Aperçu" }).click();
      await page.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      const notes = (await page.locator("#panel-letters .note").allTextContents()).join(" ");
      expect(notes.replace(/\u00a0/g, " "), notes).toContain(
        "F-2026-0250 (Mise en demeure), F-2026-0198 (Transmission à un professionnel) : déjà à cette étape ou plus loin",
      );
      expect(notes.replace(/\u00a0/g, " ")).toContain("« Dernière étape » ne change pas");
      await page.getByRole("button", { name: "Créer le document" }).click();
      await page.locator("#created-links").waitFor();
      expect(ledgerCell(sb, "F-2026-0198", "Dernière étape")).toBe(
        "Transmission à un professionnel",
      );
      expect(ledgerCell(sb, "F-2026-0250", "Dernière étape")).toBe("Mise en demeure");
      expect(day(ledgerCell(sb, "F-2026-0250", "Date dernière étape"))).toBe("2026-11-13");
      expect(journal(sb).at(-1)).toMatchObject({
        Étape: "Relance de courtoisie",
        Factures: "F-2026-0250, F-2026-0198",
      });
    });
  }, 90_000);

  it("ticks only open, undisputed, unprescribed invoices; says a step is late and a prescription past", async () => {
    await withSession(async ({ page }) => {
      await openDossier(page, "SCI Les Tilleuls");
      expect(await page.getByLabel("Inclure la facture F-2021-0107").isChecked()).toBe(false);
      expect(await page.getByLabel("Inclure la facture F-2022-0044").isChecked()).toBe(true);
      const table = await text(page, "table.invoices");
      expect(table).toMatch(/en retard \(prévue le \d{2}\/\d{2}\/\d{4}\)/);
      expect(await text(page, ".status-summary")).toMatch(/Prescrite 1 facture : F-2021-0107/);
      await page.getByRole("tab", { name: "Clients" }).click();
      await page.getByLabel("Rechercher un client").fill("Dubois");
      await page.getByRole("button", { name: "Ouvrir le dossier Librairie Dubois" }).click();
      await page.getByRole("heading", { level: 2, name: "Librairie Dubois" }).waitFor();
      expect(await page.getByLabel("Inclure la facture F-2026-0310").isChecked()).toBe(false);
      expect(await page.getByLabel("Inclure la facture F-2026-0386").isChecked()).toBe(true);
    });
  }, 90_000);

  it("« Créer » is for the letter just previewed; an email leaves only once confirmed", async () => {
    await withSession(async ({ page, sb }) => {
      await openDossier(page, "Fleurs & Jardins Moreau");
      await page.getByText("Courriers", { exact: true }).click();
      const panel = page.locator("#panel-letters");
      const create = page.getByRole("button", { name: "Créer le document" });
      await panel.getByLabel("Courrier", { exact: true }).selectOption("formalNotice");
      await page.getByRole("button", { name: "Aperçu" }).click();
      await page.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      expect(await create.isEnabled()).toBe(true);
      await panel.getByLabel("Courrier", { exact: true }).selectOption("acknowledgment");
      expect(await create.isEnabled()).toBe(false);
      await panel.getByLabel("Courrier", { exact: true }).selectOption("formalNotice");
      await page.getByRole("button", { name: "Aperçu" }).click();
      await page.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      await page.getByLabel("Envoyer le PDF par email au client").check();
      expect(await create.isEnabled()).toBe(true);
      const mails = sb.mails.length;
      await create.click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      const said = ((await dialog.textContent()) ?? "").replace(/\u00a0|\u202f/g, " ");
      expect(said).toContain("gestion@fleurs-moreau.example");
      expect(said).toMatch(/Mise en demeure/);
      expect(said).toMatch(/F-2026-0295 \(2 890,00 €\)/);
      await dialog.getByRole("button", { name: "Annuler" }).click();
      expect(sb.mails.length).toBe(mails);
      await create.click();
      await confirmDialog(page, "Créer et envoyer");
      await page.locator("#created-links").waitFor();
      expect(sb.mails.length).toBe(mails + 1);
    });
  }, 90_000);

  it("errors are said next to the field, which is marked and focused; an échéancier above the debt is refused", async () => {
    await withSession(async ({ page }) => {
      await openDossier(page, "Garage Lefèvre & Fils");
      await page.getByText("Échéancier", { exact: true }).click();
      const plan = page.locator("#panel-plan");
      await page.getByRole("button", { name: "Calculer" }).click();
      const first = plan.getByLabel("Première échéance");
      expect(await first.getAttribute("aria-invalid")).toBe("true");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
        "planFirstDate",
      );
      expect(await text(page, "#panel-plan .field-error")).toBe(
        "Indiquez la date de la première échéance.",
      );
      await first.fill("2026-12-15");
      expect(await first.getAttribute("aria-invalid")).toBeNull();
      await plan.getByLabel("Montant (€)").fill("99 999");
      await page.getByRole("button", { name: "Calculer" }).click();
      await plan.locator(".error").waitFor();
      expect(await text(page, "#panel-plan .error")).toMatch(/dépasse ce qui est dû/);
      expect(
        await page.getByRole("button", { name: "Convenir de cet échéancier" }).isEnabled(),
      ).toBe(false);
    });
  }, 90_000);

  it("a promise to pay after the last day to act asks first, proposing a reconnaissance de dette", async () => {
    await withSession(async ({ page, sb }) => {
      await openDossier(page, "SCI Les Tilleuls");
      await page.getByText("Noter un échange").click();
      await page.getByLabel("Résultat").selectOption("promise");
      await page.getByLabel("Date promise / de signature").fill("2027-03-01");
      const before = journal(sb).length;
      await page.getByRole("button", { name: "Enregistrer l'échange" }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain("reconnaissance de dette");
      await dialog.getByRole("button", { name: "Revenir" }).click();
      expect(journal(sb).length).toBe(before);
    });
  }, 90_000);
});
