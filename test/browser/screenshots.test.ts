// The main views as screenshots: into docs/ for the README with UPDATE_DOCS=1
// (`UPDATE_DOCS=1 npx vitest run test/browser/screenshots.test.ts`), else into a temporary
// folder, so that `npm test` checks they render without rewriting tracked files.
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, open, openDossier, ROOT } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS =
  process.env.UPDATE_DOCS === "1"
    ? resolve(ROOT, "docs")
    : mkdtempSync(join(tmpdir(), "recouvra-shots-"));
const shot = (name: string) => resolve(SHOTS, name);

describe("screenshots", () => {
  it("saves today's work, the clients, a dossier, a letter preview, an échéancier, the settings and a template", async () => {
    const s = await open(browser);
    try {
      const { page } = s;
      await page.locator(".card-name").first().waitFor();
      await page.screenshot({ path: shot("sidebar-today.png") });
      await page.getByRole("tab", { name: "Clients" }).click();
      await page.getByLabel("Rechercher un client").waitFor();
      await page.getByLabel("Trier par").selectOption("amount");
      await page.screenshot({ path: shot("sidebar-clients.png") });
      await page.getByRole("tab", { name: "Aujourd'hui" }).click();
      await page.locator(".card-name").first().waitFor();
      await openDossier(page, "Fleurs & Jardins Moreau");
      await page.screenshot({ path: shot("sidebar-dossier.png"), fullPage: true });
      await page.getByText("Courriers", { exact: true }).click();
      await page
        .locator("#panel-letters")
        .getByLabel("Courrier", { exact: true })
        .selectOption("acknowledgment");
      await page.locator("#panel-letters").getByLabel("Montant (€)").fill("1 850,50");
      await page.getByRole("button", { name: "Aperçu" }).click();
      const preview = page.getByRole("article", { name: "Aperçu du courrier" });
      await preview.waitFor();
      await preview.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot("sidebar-letter-preview.png") });
      await page.getByText("Échéancier", { exact: true }).click();
      await page.locator("#panel-plan").getByLabel("Première échéance").fill("2026-12-15");
      await page.getByRole("button", { name: "Calculer" }).click();
      const schedule = page.locator("table.schedule");
      await schedule.waitFor();
      await schedule.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot("sidebar-plan.png") });
      await page.getByRole("tab", { name: "Paramètres" }).click();
      await page.getByLabel("Raison sociale").waitFor();
      await page.screenshot({ path: shot("sidebar-settings.png") });
      const templates = page.getByRole("region", { name: "Modèles d'emails" });
      await templates.getByLabel("Email", { exact: true }).selectOption({ label: "Relance ferme" });
      await templates.getByRole("button", { name: "Partir d'un exemple" }).click();
      const email = templates.getByRole("article", { name: "Aperçu de l'email" });
      await email.getByText("Notre précédent message").waitFor();
      await templates.evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: shot("sidebar-templates.png") });
      expect(s.errors).toEqual([]);
      for (const name of [
        "today",
        "clients",
        "dossier",
        "letter-preview",
        "plan",
        "settings",
        "templates",
      ]) {
        expect(statSync(shot(`sidebar-${name}.png`)).size, name).toBeGreaterThan(10_000);
      }
    } finally {
      await s.close();
    }
  });

  it("saves « Vue d'ensemble » and the « Tableau de bord » sheet with its chart", async () => {
    const s = await open(browser);
    try {
      await s.page.getByRole("tab", { name: "Vue d'ensemble" }).click();
      await s.page.locator("#overview-figures").waitFor();
      await s.page.screenshot({ path: shot("sidebar-overview.png"), fullPage: true });
    } finally {
      await s.close();
    }
    const page = await open(browser, { width: 1280, path: "/" });
    try {
      page.sb.run("refreshDashboardFromMenu");
      await page.page.reload();
      // The sidebar's first calls may make the page redraw its sheets: wait until all is quiet,
      // or the section shot meets a replaced element.
      await page.page.waitForLoadState("networkidle");
      const section = page.page.locator("section", {
        has: page.page.getByRole("heading", { name: "Tableau de bord", exact: true }),
      });
      await section.locator("svg").waitFor();
      await section.screenshot({ path: shot("dashboard-chart.png") });
      for (const name of ["sidebar-overview", "dashboard-chart"])
        expect(statSync(shot(`${name}.png`)).size, name).toBeGreaterThan(10_000);
    } finally {
      await page.close();
    }
  });

  it("saves the local page: the sandbox's sheets beside the sidebar", async () => {
    const s = await open(browser, { width: 1280, path: "/" });
    try {
      await s.page.frameLocator("#side").locator(".card-name").first().waitFor();
      await s.page.screenshot({ path: shot("sandbox-page.png") });
    } finally {
      await s.close();
    }
  });
});
