// Accessibility and the 300 px sidebar: axe-core (pinned, its source injected into the page)
// on every view with no serious or critical violation, no text under 12 px, nothing of the
// ladder or a preview hidden past the edge without a way to scroll to it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, open, openDossier } from "./harness.js";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations axe-core finds in the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const run = (
      window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }
    ).axe.run;
    const result = await run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] },
    });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

/** Visible texts whose computed size is under 12 px. */
function smallTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest("[hidden]")) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < 12 && el.getClientRects().length > 0)
        out.push(`${size}px: ${n.textContent.trim().slice(0, 40)}`);
    }
    return out;
  });
}

describe("accessibility at 300 px", () => {
  it("every view passes axe-core (no serious or critical violation) with no text under 12 px", async () => {
    const s = await open(browser);
    try {
      const { page } = s;
      await page.locator(".card-name").first().waitFor();
      const report: Record<string, string[]> = {};
      const check = async (name: string) => {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        report[name] = [
          ...(await axe(page)),
          ...(await smallTexts(page)),
          // A wide table scrolls in its own box; the panel itself never scrolls sideways.
          ...(wide > 300 ? [`the panel is ${wide} px wide`] : []),
        ];
      };
      await check("Aujourd'hui");
      await page.getByRole("tab", { name: "Clients" }).click();
      await page.getByLabel("Rechercher un client").waitFor();
      await check("Clients");
      await openDossier(page, "Fleurs & Jardins Moreau");
      for (const panel of ["Courriers", "Échéancier", "Noter un échange"])
        await page.getByText(panel, { exact: true }).click();
      await page.getByRole("button", { name: "Aperçu" }).click();
      await page.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      await check("Dossier");
      await page.getByRole("button", { name: "Envoyer maintenant l'étape due" }).click();
      await page.getByRole("alertdialog").waitFor();
      await check("Confirmation");
      await page.getByRole("alertdialog").getByRole("button", { name: "Annuler" }).click();
      await page.getByRole("tab", { name: "Paramètres" }).click();
      await page.getByLabel("Raison sociale").waitFor();
      await check("Paramètres");
      await page.getByRole("tab", { name: "Vue d'ensemble" }).click();
      await page.locator("#overview-ageing").waitFor();
      await check("Vue d'ensemble");
      expect(report).toEqual({
        "Aujourd'hui": [],
        Clients: [],
        "Vue d'ensemble": [],
        Dossier: [],
        Confirmation: [],
        Paramètres: [],
      });
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 180_000);

  it("at 300 px the ladder shows « Récalcitrant » and a preview's « Reste dû » is reachable", async () => {
    const s = await open(browser);
    try {
      const { page } = s;
      await page.getByRole("tab", { name: "Paramètres" }).click();
      const header = page.getByRole("columnheader", { name: "Récalcitrant" });
      await header.waitFor();
      const box = await header.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(300);
      const editor = page.getByRole("region", { name: "Modèles d'emails" });
      await editor.getByLabel("Email", { exact: true }).selectOption({ label: "Relance ferme" });
      const cell = editor
        .getByRole("article", { name: "Aperçu de l'email" })
        .getByRole("columnheader", {
          name: "Reste dû",
        });
      await cell.waitFor();
      await cell.scrollIntoViewIfNeeded();
      const seen = await cell.boundingBox();
      expect(seen && seen.x >= 0 && seen.x + seen.width <= 300).toBe(true);
    } finally {
      await s.close();
    }
  }, 180_000);
});
