// The sidebar against the sandbox, in headless Chromium: today's work, a dossier, an
// exchange that changes the ledger, an échéancier and its reminders, send now twice, a
// hostile client name, and errors shown in French.
import type { Browser } from "playwright-core";
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
  saidText,
  sheet,
  statusText,
} from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function withSession(
  run: (s: Session) => Promise<void>,
  options?: Parameters<typeof open>[1],
): Promise<void> {
  const s = await open(browser, options);
  try {
    await run(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

describe("the sidebar", () => {
  it("lists today's work, most urgent first, and opens a dossier with amounts in French", async () => {
    await withSession(async ({ page }) => {
      const cards = page.locator(".card-name");
      await cards.first().waitFor();
      const names = await cards.allTextContents();
      expect(names[0]).toBe("SCI Les Tilleuls"); // prescription close + handover
      expect(names).toContain("Boulangerie Martin");
      expect(names).not.toContain("Librairie Dubois"); // nothing to do today
      // Accents aside, as in « Clients »: « lefevre » finds « Garage Lefèvre & Fils ».
      await page.getByLabel("Rechercher").fill("lefevre");
      expect(await cards.allTextContents()).toEqual(["Garage Lefèvre & Fils"]);
      await page.getByLabel("Rechercher").fill("0301");
      expect(await cards.allTextContents()).toEqual(["Boulangerie Martin"]);
      await openDossier(page, "Boulangerie Martin");
      const totals = await page.locator(".totals").textContent();
      expect(totals).toContain("Reste dû");
      expect(totals).toMatch(/4\s810,00\s€/);
      expect(await page.locator("table.invoices").textContent()).toContain("F-2026-0330");
      expect(await page.locator(".timeline li").count()).toBeGreaterThan(0);
      expect(await page.locator("body").textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    });
  });

  it("logs a call with a promise to pay: Journal line, « Suspendu jusqu'au » set", async () => {
    await withSession(async ({ page, sb }) => {
      await openDossier(page, "Cabinet Rousseau Architectes");
      await page.getByText("Noter un échange").click();
      await page.getByLabel("Canal").selectOption("Appel");
      await page.getByLabel("Interlocuteur").fill("Mme Rousseau");
      await page.getByLabel("Ce qui a été dit").fill("Virement promis début décembre");
      await page.getByLabel("Résultat").selectOption("promise");
      await page.getByLabel("Date promise / de signature").fill("2026-12-04");
      await page.getByRole("button", { name: "Enregistrer l'échange" }).click();
      expect(await statusText(page, "ok")).toContain("Échange enregistré");
      expect(day(ledgerCell(sb, "F-2026-0265", "Suspendu jusqu'au"))).toBe("2026-12-04");
      expect(day(ledgerCell(sb, "F-2026-0402", "Suspendu jusqu'au"))).toBe("2026-12-04");
      expect(ledgerCell(sb, "F-2026-0290", "Suspendu jusqu'au")).toBe(""); // paid, not ticked
      const last = journal(sb).at(-1);
      expect(last).toMatchObject({
        Client: "Cabinet Rousseau Architectes",
        Étape: "Échange",
        Canal: "Appel",
        Résultat: "Promesse de paiement au 04/12/2026",
      });
      expect(await page.locator(".status-summary").textContent()).toMatch(
        /Suspendue\s3\sfactures\s:\sF-2026-0415, F-2026-0265, F-2026-0402.*Soldée\s1\sfacture\s:\sF-2026-0290/,
      );
    });
  });

  it("sets up an échéancier of 6 instalments: schedule, suspension, instalment reminders", async () => {
    await withSession(async ({ page, sb }) => {
      await openDossier(page, "Garage Lefèvre & Fils");
      await page.getByLabel("Inclure la facture F-2026-0393").uncheck();
      await page.getByText("Échéancier", { exact: true }).click();
      const plan = page.locator("#panel-plan");
      await plan.getByLabel("Nombre d'échéances").fill("6");
      await plan.getByLabel("Première échéance").fill("2026-12-15");
      await page.getByRole("button", { name: "Calculer" }).click();
      const rows = page.locator("table.schedule tbody tr");
      await rows.first().waitFor();
      expect(await rows.count()).toBe(6);
      expect(await rows.last().textContent()).toContain("15/05/2027");
      await page.getByRole("button", { name: "Convenir de cet échéancier" }).click();
      expect(await statusText(page, "ok")).toContain("Échéancier enregistré");
      expect(await page.locator(".instalments li").count()).toBe(6);

      const plans = sheet(sb, "Échéanciers")
        .values.slice(1)
        .filter((r) => r[0] !== "");
      expect(plans).toHaveLength(6);
      const total = plans.reduce((s, r) => s + Number(r[7]), 0);
      expect(Math.round(total * 100) / 100).toBe(2100.5); // 1 320 + 780,50
      // Suspended until the first instalment + 5 days of grace.
      expect(day(ledgerCell(sb, "F-2026-0398", "Suspendu jusqu'au"))).toBe("2026-12-20");
      expect(day(ledgerCell(sb, "F-2026-0360", "Suspendu jusqu'au"))).toBe("2026-12-20");
      expect(journal(sb).at(-1)).toMatchObject({ Étape: "Échéancier convenu" });

      // Three days before the first instalment is a Saturday: nothing leaves. On Monday the
      // morning run recalls it, once.
      sb.clock.set("2026-12-12T09:00", "Europe/Paris");
      sb.execute("runDailyRelances", [{ triggerUid: "t1" }], { kind: "trigger" });
      expect(sb.mails.filter((m) => m.subject.includes("Échéance 1/6"))).toHaveLength(0);
      sb.clock.set("2026-12-14T09:00", "Europe/Paris");
      sb.execute("runDailyRelances", [{ triggerUid: "t1" }], { kind: "trigger" });
      sb.execute("runDailyRelances", [{ triggerUid: "t1" }], { kind: "trigger" });
      const recalls = sb.mails.filter((m) => m.subject.includes("Échéance 1/6"));
      expect(recalls).toHaveLength(1);
      expect(recalls[0]?.to).toBe("compta@garage-lefevre.example");
      expect(
        journal(sb).some((l) => l.Étape === "Rappel d'échéance 1/6" && l.Résultat === "Envoyé"),
      ).toBe(true);
    });
  });

  it("sends now twice: one email, the second time it says why nothing left", async () => {
    await withSession(async ({ page, sb }) => {
      await openDossier(page, "Restaurant Le Bouchon Lyonnais");
      const send = page.getByRole("button", { name: "Envoyer maintenant l'étape due" });
      await send.click();
      // Nothing leaves before the user saw the step, the recipient, the invoices, the amounts.
      const asked = await confirmDialog(page, "Envoyer la relance de courtoisie");
      expect(asked).toMatch(/Étape\s:\sRelance de courtoisie/);
      expect(asked).toContain("compta@bouchon-lyonnais.example");
      expect(asked).toMatch(/F-2026-0380 \(615,00\s€\)/);
      expect(await statusText(page, "ok")).toMatch(/Relance de courtoisie\s: envoyée à compta@/);
      expect(sb.mails).toHaveLength(1);
      expect(sb.mails[0]?.to).toContain("compta@bouchon-lyonnais.example");
      await send.click();
      expect(await saidText(page, "info")).toMatch(/^Rien à envoyer aujourd'hui/);
      expect(sb.mails).toHaveLength(1);
      const sent = journal(sb).filter(
        (l) =>
          l.Client === "Restaurant Le Bouchon Lyonnais" &&
          l.Étape === "Relance de courtoisie" &&
          l.Résultat === "Envoyé",
      );
      expect(sent).toHaveLength(1);
      expect(day(ledgerCell(sb, "F-2026-0380", "Date dernière étape"))).toBe("2026-11-26");
    });
  });

  it("shows a client named <img src=x onerror=alert(1)> as text: no script runs", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    await withSession(
      async ({ page, dialogs }) => {
        await page.getByRole("button", { name: `Ouvrir le dossier ${evil}` }).waitFor();
        expect(await page.locator(".card-name", { hasText: evil }).count()).toBe(1);
        await openDossier(page, evil);
        await page.getByText("Courriers").click();
        await page.getByLabel("Courrier").selectOption("handover");
        await page.getByRole("button", { name: "Aperçu" }).click();
        await page.getByRole("article", { name: "Aperçu du courrier" }).waitFor();
        expect(
          await page.getByRole("article", { name: "Aperçu du courrier" }).textContent(),
        ).toContain(evil);
        await page.waitForTimeout(300);
        expect(await page.locator("img").count()).toBe(0);
        expect(dialogs).toEqual([]);
      },
      {
        mutate: (wb) => {
          const ledger = wb.sheets.find((s) => s.name === "Créances");
          for (const row of ledger?.values ?? [])
            if (row[1] === "Association Les Amis du Livre") row[1] = evil;
        },
      },
    );
  });

  it("shows server errors in plain French, never a stack trace", async () => {
    await withSession(async ({ page, sb }) => {
      await page.locator(".card-name").first().waitFor();
      // A malformed request: refused by the API's schema.
      const refused = await page.evaluate(
        () =>
          new Promise<string>((done) => {
            type Run = {
              withSuccessHandler(f: () => void): Run;
              withFailureHandler(f: (e: Error) => void): Run;
              api(name: string, request: unknown): void;
            };
            const run = (window as unknown as { google: { script: { run: Run } } }).google.script
              .run;
            run
              .withSuccessHandler(() => done("ok"))
              .withFailureHandler((e: Error) => done(e.message))
              .api("apiDossier", { client: 42 });
          }),
      );
      expect(refused).toMatch(/^Demande refusée — client/);
      // A workbook without its ledger.
      const i = sb.workbook.sheets.findIndex((s) => s.name === "Créances");
      sb.workbook.sheets.splice(i, 1);
      await page.getByRole("tab", { name: "Aujourd'hui" }).click();
      const message = await statusText(page, "error");
      expect(message).toContain("La feuille « Créances » est introuvable");
      expect(message).not.toMatch(/\bat \w|\.ts:|Error|Exception/);
      expect(await page.getByRole("alert").count()).toBe(1);
    });
  });
});
