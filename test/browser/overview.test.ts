// « Vue d'ensemble », « Paiement reçu » and a bank statement in a real Chromium, on the
// example ledger: the figures the API computes, the chart, a debtor one click from its
// dossier, a payment recorded, a Windows-1252 statement reviewed before anything is written.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal, launch, ledgerCell, open, statusText } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");

describe("« Vue d'ensemble »", () => {
  it("shows the dashboard's figures and chart; a debtor opens its dossier; a payment is recorded there", async () => {
    const s = await open(browser);
    try {
      const { page, sb } = s;
      const expected = sb.run<{ outstanding: number; topPastDue: { client: string }[] }>(
        "api",
        "apiOverview",
        {},
      );
      await page.getByRole("tab", { name: "Vue d'ensemble" }).click();
      const figures = page.locator("#overview-figures");
      await figures.waitFor();
      const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
      expect(plain((await figures.textContent()) ?? "")).toContain(
        `Encours${plain(euros.format(expected.outstanding))}`,
      );
      // The chart: one segment per non-zero bucket, each with its figure as a tooltip.
      const chart = page.getByRole("img", { name: "Balance âgée des plus gros encours" });
      expect(await chart.locator("rect title").count()).toBeGreaterThan(5);
      const first = expected.topPastDue[0]?.client ?? "";
      await page.locator("#overview-top").getByRole("button", { name: first, exact: true }).click();
      await page.getByRole("heading", { level: 2, name: first, exact: true }).waitFor();

      await page.getByText("Paiement reçu", { exact: true }).click();
      const panel = page.locator("#panel-payment");
      await panel.getByLabel("Montant reçu").fill("100,00");
      await panel.getByLabel("Moyen de paiement").selectOption("Chèque");
      await panel.getByRole("button", { name: "Enregistrer le paiement" }).click();
      expect(plain(await statusText(page, "ok"))).toMatch(/^Paiement de 100,00 € enregistré — /);
      const lines = journal(sb).filter((l) => l.Étape === "Paiement reçu");
      expect(lines).toHaveLength(1);
      expect(lines[0]?.Canal).toBe("Chèque");
      expect(lines[0]?.Client).toBe(first);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("imports a bank statement: reviewed first, nothing written, then the lines ticked are recorded", async () => {
    const s = await open(browser);
    try {
      const { page, sb } = s;
      // As a French bank exports it: ';', « 1 234,56 », Windows-1252 (é = 0xE9).
      const csv =
        "Date;Libell\u00e9;Montant\r\n24/11/2026;VIR SEPA LIBRAIRIE DUBOIS FACT F-2026-0310;1 560,00\r\n25/11/2026;VIR INCONNU;12,00\r\n";
      const dir = mkdtempSync(join(tmpdir(), "recouvra-statement-"));
      const path = join(dir, "releve.csv");
      writeFileSync(path, Buffer.from(csv, "latin1"));
      await page.getByRole("tab", { name: "Vue d'ensemble" }).click();
      await page.locator("#statement").getByLabel("Relevé (.csv)").setInputFiles(path);
      await page.getByRole("button", { name: "Rapprocher le relevé" }).click();
      const matched = page.locator("#statement-matched li");
      await matched.first().waitFor();
      expect(plain((await matched.first().textContent()) ?? "")).toContain(
        "24/11/2026 — 1 560,00 € — Librairie Dubois : F-2026-0310 1 560,00 € (soldée)",
      );
      expect(plain((await page.locator("#statement-unmatched").textContent()) ?? "")).toContain(
        "VIR INCONNU : Aucun numéro de facture ni client reconnu dans le libellé.",
      );
      expect(journal(sb).filter((l) => l.Étape === "Paiement reçu")).toEqual([]);
      expect(ledgerCell(sb, "F-2026-0310", "Montant payé")).toBe("");
      await page.getByRole("button", { name: "Enregistrer les paiements cochés" }).click();
      expect(plain(await statusText(page, "ok"))).toBe("1 paiement enregistré (1 560,00 €).");
      expect(ledgerCell(sb, "F-2026-0310", "Montant payé")).toBe(1560);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
