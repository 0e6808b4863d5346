// The email templates in the settings view: written with {{placeholders}}, previewed live
// for a dossier of the example ledger, refused in French when a placeholder is unknown,
// saved into « Paramètres », and used by the daily run for the firm reminder it sends.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, open, saidText, sheet, statusText } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SUBJECT = "Relance {{factures}} : {{montant_du}} à régler";
const BODY =
  "Bonjour {{client}},\n\nNous attendons toujours {{montant_du}}, échu le {{echeances}}. Merci de régler avant le {{date_limite}}.\n\n{{detail}}\n\nMerci d'avance,\n{{signature}}";
const nbsp = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");

describe("email templates", () => {
  it("a firm-reminder template for Standard: live preview, French refusal, saved, sent by the daily run", async () => {
    const s = await open(browser);
    try {
      const { page, sb } = s;
      await page.getByRole("tab", { name: "Paramètres" }).click();
      const editor = page.getByRole("region", { name: "Modèles d'emails" });
      await editor.waitFor();
      await editor.getByLabel("Email", { exact: true }).selectOption({ label: "Relance ferme" });
      await editor.getByLabel("Profil du client").selectOption("Standard");
      const preview = editor.getByRole("article", { name: "Aperçu de l'email" });
      // Before any text: the built-in wording.
      expect(await preview.textContent()).toContain("Madame, Monsieur,");

      await editor.getByLabel("Objet", { exact: true }).fill(SUBJECT);
      await editor.getByLabel("Texte", { exact: true }).fill(BODY);
      // The preview follows the typing: a dossier of the example ledger, in the new words,
      // with the generated table and legal mention.
      await preview.getByText("Bonjour Boulangerie Martin,").waitFor();
      const shown = nbsp((await preview.textContent()) ?? "");
      expect(shown).toMatch(/^Relance F-2026-0301, F-2026-0330 : 3 668,48 € à régler/);
      expect(shown).toContain("Merci de régler avant le 04/12/2026.");
      expect(shown).toContain("F-2026-0301");
      expect(shown).toContain("article L441-10 du Code de commerce");
      expect(shown).toContain("Merci d'avance,Marie Durand, gérante");
      expect(shown).not.toContain("Madame, Monsieur");
      // … and the creditor's details as they are typed.
      await page.getByLabel("Signature", { exact: true }).fill("Marie Durand, comptabilité");
      await preview.getByText("Marie Durand, comptabilité").waitFor();

      // An unknown placeholder: shown at once in French, and refused by the server.
      await editor.getByLabel("Texte", { exact: true }).fill(`Bonjour {{clien}},\n\n${BODY}`);
      const problem = editor.locator(".template-problems .error");
      await problem.waitFor();
      expect(await problem.textContent()).toContain("{{clien}} n'est pas une variable connue");
      await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
      const refused = await saidText(page, "error");
      expect(refused).toContain("Paramètres non enregistrés");
      expect(refused).toContain("{{clien}} n'est pas une variable connue");
      expect(refused).not.toMatch(/Error|Exception|\bat \w/);
      const cells = () => sheet(sb, "Paramètres").values.flat().map(String);
      expect(cells().some((c) => c.includes("{{clien}}"))).toBe(false);
      expect(cells().some((c) => c.includes("{{montant_du}}"))).toBe(false);

      // Fixed, then saved into « Paramètres ».
      await editor.getByLabel("Texte", { exact: true }).fill(BODY);
      await expect.poll(() => problem.count()).toBe(0);
      await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
      expect(await statusText(page, "ok")).toContain("Paramètres enregistrés");
      const row = sheet(sb, "Paramètres").values.find(
        (r) => r[0] === "Relance ferme" && r[1] === "Standard",
      );
      expect(row?.slice(2, 4)).toEqual([SUBJECT, BODY]);
      // Drawn again from what the server read back.
      await page.getByRole("region", { name: "Modèles d'emails" }).waitFor();
      await editor.getByLabel("Email", { exact: true }).selectOption({ label: "Relance ferme" });
      expect(await editor.getByLabel("Texte", { exact: true }).inputValue()).toBe(BODY);

      // The daily run sends the Standard firm reminder in these words.
      sb.execute("runDailyRelances", [{ triggerUid: "t" }], { kind: "trigger" });
      const mail = sb.mails.find((m) => m.to === "tresorier@amis-du-livre.example");
      expect(mail, "the firm reminder of Association Les Amis du Livre").toBeDefined();
      expect(nbsp(mail?.subject ?? "")).toMatch(
        /^Relance F-2026-0305 : \d[\d ]*,\d{2} € à régler$/,
      );
      const body = nbsp(mail?.body ?? "");
      expect(body).toMatch(/^Bonjour Association Les Amis du Livre,\n/);
      expect(body).toContain("échu le 12/10/2026. Merci de régler avant le 04/12/2026.");
      expect(body).toMatch(/F-2026-0305 +\| .*580,00 €/);
      expect(body).toContain("article L441-10 du Code de commerce");
      expect(body).toContain("40 € par facture (article D441-5)");
      expect(body).toContain("Merci d'avance,\nMarie Durand, comptabilité");
      expect(mail?.htmlBody).toContain("<table");
      // Other profiles keep the built-in text.
      const fidele = sb.mails.find((m) => m.to === "compta@garage-lefevre.example");
      expect(fidele?.subject).toBe(
        "Imprimerie Durand SARL — Relance : facture F-2026-0360 impayée",
      );
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("the API refuses malformed templates in French, before anything is written", async () => {
    const s = await open(browser);
    try {
      const { page, sb } = s;
      await page.locator(".card-name").first().waitFor();
      const before = JSON.stringify(sheet(sb, "Paramètres").values);
      const refusal = (templates: unknown) =>
        page.evaluate(
          (templates) =>
            new Promise<string>((done) => {
              type Run = {
                withSuccessHandler(f: (v: { creditor: unknown }) => void): Run;
                withFailureHandler(f: (e: Error) => void): Run;
                api(name: string, request: unknown): void;
              };
              const run = (window as unknown as { google: { script: { run: Run } } }).google.script
                .run;
              run
                .withSuccessHandler((settings) =>
                  run
                    .withSuccessHandler(() => done("ok"))
                    .withFailureHandler((e: Error) => done(e.message))
                    .api("apiSaveSettings", {
                      ...(settings as object),
                      templates,
                      problems: undefined,
                      rates: undefined,
                      sample: undefined,
                    }),
                )
                .withFailureHandler((e: Error) => done(e.message))
                .api("apiGetSettings", {});
            }),
          templates,
        );
      expect(
        await refusal([{ step: 4, profile: "Standard", subject: "", body: "Bonjour" }]),
      ).toMatch(/^Demande refusée — .*Modèles d'emails : liste de modèles \(étape 1 à 3/);
      expect(
        await refusal([
          { step: 1, profile: "Standard", subject: "", body: "Plus 40 € de frais, {{nom}}" },
        ]),
      ).toMatch(
        /^Paramètres non enregistrés\. .*\{\{nom\}\} n'est pas une variable connue.*ne les écrivez pas dans le modèle/,
      );
      expect(JSON.stringify(sheet(sb, "Paramètres").values)).toBe(before);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
