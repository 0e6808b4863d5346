// The « Lettre recommandée (LRAR) » panel of a dossier, in Chromium: a wrong number or a
// receipt before the posting is said in French next to its field and nothing is written;
// a good record goes to the Journal, the dossier lists it, and the dossier for the
// commissaire de justice (its PDF read back through pdftotext) names the number and the
// day of receipt (C. civ. 1344-1: the proof the mise en demeure reached the debtor).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../sandbox/files/pdf";
import { journal, launch, open, openDossier, statusText } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "recouvra-lrar-"));
const CLIENT = "Fleurs & Jardins Moreau";
const NUMBER = "1A 234 567 8901 2";

function pdfText(bytes: Uint8Array): string {
  const file = join(dir, "dossier.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}

/** Text as read, the French non-breaking spaces made plain. */
async function said(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The French message shown next to the field labelled `label`. */
function errorNextTo(page: Page, panel: Locator, label: string): Locator {
  // (`has` is relative to each .field: a locator from the page, not from the panel.)
  return panel
    .locator(".field", { has: page.getByLabel(label, { exact: true }) })
    .locator(".field-error");
}

describe("the registered letter of a mise en demeure", () => {
  it("refuses a wrong number or receipt by the field, then records it for the Journal, the dossier and the commissaire de justice", async () => {
    const s = await open(browser);
    try {
      const { page, sb } = s;
      await openDossier(page, CLIENT);
      await page.getByText("Lettre recommandée (LRAR)", { exact: true }).click();
      const panel = page.locator("#panel-registered");
      const save = panel.getByRole("button", { name: "Enregistrer le recommandé" });
      const journalBefore = journal(sb).length;

      await panel.getByLabel("Numéro du recommandé", { exact: true }).fill("n° ?");
      await panel.getByLabel("Posté le", { exact: true }).fill("2026-11-20");
      await save.click();
      expect(await said(errorNextTo(page, panel, "Numéro du recommandé"))).toBe(
        "Numéro de recommandé invalide : recopiez-le tel qu'il figure sur la preuve de dépôt (lettres et chiffres).",
      );

      await panel.getByLabel("Numéro du recommandé", { exact: true }).fill(NUMBER);
      await panel.getByLabel("Reçu le (avis de réception)", { exact: true }).fill("2026-11-19");
      await save.click();
      expect(await said(errorNextTo(page, panel, "Reçu le (avis de réception)"))).toBe(
        "La date de réception ne peut pas précéder la date de dépôt.",
      );
      expect(await errorNextTo(page, panel, "Numéro du recommandé").count()).toBe(0);
      expect(journal(sb)).toHaveLength(journalBefore); // nothing written

      await panel.getByLabel("Reçu le (avis de réception)", { exact: true }).fill("2026-11-23");
      await save.click();
      expect(await statusText(page, "ok")).toBe("Recommandé enregistré dans le Journal.");
      const line = journal(sb).at(-1);
      expect([line?.Client, line?.Étape, line?.Canal, line?.Objet, line?.Résultat]).toEqual([
        CLIENT,
        "LRAR de la mise en demeure",
        "LRAR",
        `LRAR n° ${NUMBER} — postée le 20/11/2026 — reçue le 23/11/2026`,
        "Avis de réception reçu",
      ]);
      // The dossier, refreshed, lists it.
      if ((await panel.getAttribute("open")) === null)
        await page.getByText("Lettre recommandée (LRAR)", { exact: true }).click();
      const listed = page.getByRole("list", { name: "Recommandés enregistrés" });
      expect(await said(listed)).toBe(`N° ${NUMBER} — posté le 20/11/2026 — reçu le 23/11/2026`);

      // The dossier for the commissaire de justice names the number and the receipt.
      await page.getByText("Courriers", { exact: true }).click();
      const letters = page.locator("#panel-letters");
      await letters.getByLabel("Courrier", { exact: true }).selectOption("handover");
      await page.getByRole("button", { name: "Aperçu" }).click();
      await page.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
      await page.getByRole("button", { name: "Créer le document" }).click();
      await page.locator("#created-links").waitFor();
      const dossier = sb.documents.at(-1);
      if (!dossier) throw new Error("no dossier");
      expect(dossier.name).toMatch(/^Dossier de recouvrement — Fleurs & Jardins Moreau/);
      expect(pdfText(renderPdf(dossier))).toContain(
        `Lettre recommandée avec accusé de réception n° ${NUMBER}, postée le 20/11/2026 — avis de réception signé le 23/11/2026 (à joindre)`,
      );
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60_000);
});
