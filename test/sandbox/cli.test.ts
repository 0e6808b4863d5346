// npm start -- --no-serve on the example ledger, then the next day fed its own output.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { parseCli, runCli } from "../../sandbox/cli";
import { readXlsx } from "../../sandbox/files/xlsx";

interface RunJson {
  today: string;
  actions: {
    invoices: string[];
    client: string;
    step: string;
    channel: string;
    to: string;
    subject: string;
    files: string[];
  }[];
  skipped: { invoice: string; reason: string }[];
  errors: { invoice: string; message: string }[];
  serviceCalls: Record<string, number>;
  estimatedGoogleSeconds: number;
}

const STEPS = [
  "Relance de courtoisie",
  "Relance ferme",
  "Mise en demeure",
  "Transmission à un professionnel",
];

describe("npm start", () => {
  const out1 = mkdtempSync(join(tmpdir(), "recouvra-day1-"));
  const out2 = mkdtempSync(join(tmpdir(), "recouvra-day2-"));
  const run = async (args: string[]) => {
    const opts = parseCli([...args, "--no-serve"]);
    const { report } = await runCli(opts);
    return {
      report,
      json: JSON.parse(readFileSync(join(opts.out, "run.json"), "utf8")) as RunJson,
    };
  };

  it("refuses bad options with a French message", () => {
    expect(() => parseCli(["--today", "26/11/2026"])).toThrow(/--today attend une date AAAA-MM-JJ/);
    expect(() => parseCli(["--account", "pro"])).toThrow(/--account attend consumer ou workspace/);
    expect(() => parseCli(["--ledger", "nope.xlsx"])).toThrow(/Fichier introuvable/);
  });

  it("runs the day on the example ledger and writes what Google would hold", async () => {
    const { json } = await run([
      "--ledger",
      "examples/creances.xlsx",
      "--today",
      "2026-11-26",
      "--out",
      out1,
    ]);
    expect(json.today).toBe("2026-11-26");
    expect(json.actions.length).toBeGreaterThanOrEqual(5);
    for (const a of json.actions) {
      expect(STEPS).toContain(a.step);
      expect(["email", "letter", "task", "dossier"]).toContain(a.channel);
      for (const f of a.files) expect(existsSync(join(out1, f)), f).toBe(true);
    }
    // Every step of the ladder, a grouped message, and the two deliberate bad rows.
    expect(new Set(json.actions.map((a) => a.channel))).toEqual(
      new Set(["email", "letter", "task", "dossier"]),
    );
    expect(json.actions.some((a) => a.invoices.length > 1)).toBe(true);
    expect(json.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("Type : « Entreprise » inconnu"),
      expect.stringContaining("Montant TTC : « voir devis » n'est pas un montant"),
    ]);
    expect(json.skipped.some((s) => s.reason === "Soldée")).toBe(true);
    expect(json.serviceCalls["SpreadsheetApp.Range.getValues"]).toBeGreaterThan(0);
    expect(json.estimatedGoogleSeconds).toBeGreaterThan(0);

    const notice = json.actions.find((a) => a.channel === "letter" && a.to !== "");
    const eml = notice?.files.find((f) => f.endsWith(".eml"));
    const mail = await simpleParser(readFileSync(join(out1, eml ?? "")));
    expect(mail.subject).toContain("Mise en demeure de payer");
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    expect(notice?.files.some((f) => f.endsWith(".pdf"))).toBe(true);
    expect(notice?.files.some((f) => f.endsWith(".docx"))).toBe(true);

    const ledger = await readXlsx(join(out1, "ledger.xlsx"));
    expect(ledger.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Créances", "Journal", "Paramètres"]),
    );
    const journal = ledger.sheets.find((s) => s.name === "Journal");
    const outcomes = journal?.values.slice(1).map((r) => r[7]) ?? [];
    expect(outcomes.filter((o) => o === "Envoyé").length).toBeGreaterThanOrEqual(
      json.actions.filter((a) => a.channel === "email").length,
    );
    expect(outcomes).not.toContain("En cours");
  }, 120_000);

  it("fed its own output the next day, continues without redoing a step", async () => {
    const day1 = JSON.parse(readFileSync(join(out1, "run.json"), "utf8")) as RunJson;
    const { json } = await run([
      "--ledger",
      join(out1, "ledger.xlsx"),
      "--today",
      "2026-11-27",
      "--out",
      out2,
    ]);
    const done = new Set(day1.actions.flatMap((a) => a.invoices.map((i) => `${i}|${a.step}`)));
    for (const a of json.actions)
      for (const i of a.invoices) expect(done.has(`${i}|${a.step}`), `${i} ${a.step}`).toBe(false);
    // The debtors contacted yesterday wait for the 5-day gap.
    const contacted = new Set(
      day1.actions.filter((a) => a.channel !== "dossier").map((a) => a.client),
    );
    for (const a of json.actions)
      if (a.channel !== "dossier") expect(contacted.has(a.client), a.client).toBe(false);
  }, 120_000);

  it("runs as the README says: npm start -- --today … --no-serve", () => {
    const out = mkdtempSync(join(tmpdir(), "recouvra-npm-start-"));
    const stdout = execFileSync(
      "npm",
      ["start", "--silent", "--", "--today", "2026-11-26", "--out", out, "--no-serve"],
      {
        encoding: "utf8",
        env: { ...process.env, TZ: "America/Los_Angeles" },
      },
    );
    expect(stdout).toContain("Recouvra — journée du 26/11/2026 sur examples/creances.xlsx");
    expect(stdout).toMatch(/\d+ action\(s\) :/);
    // The dashboard's headline figures come after the day's summary.
    expect(stdout.indexOf("Tableau de bord au 26/11/2026 :")).toBeGreaterThan(
      stdout.indexOf("Sorties :"),
    );
    expect(stdout).toMatch(/Encours [\d\s\u202f]+,\d\d\s€, dont échu/);
    expect(stdout).toMatch(/DSO [\d,]+ j \(il y a 30 jours : /);
    const json = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as RunJson;
    expect(json.today).toBe("2026-11-26");
    expect(existsSync(join(out, "ledger.xlsx"))).toBe(true);
    // The machine's time zone changes nothing: the same actions as the run in UTC above.
    const inUtc = JSON.parse(readFileSync(join(out1, "run.json"), "utf8")) as RunJson;
    expect(json.actions).toEqual(inUtc.actions);
  }, 120_000);

  it("on the French CSV with no « Paramètres »: reminders go, no letter leaves without the creditor's identity", async () => {
    const out = mkdtempSync(join(tmpdir(), "recouvra-csv-"));
    const { report, json } = await run([
      "--ledger",
      "examples/creances.csv",
      "--today",
      "2026-11-26",
      "--out",
      out,
    ]);
    expect(json.actions.some((a) => a.channel === "email")).toBe(true);
    expect(json.actions.filter((a) => a.channel === "letter" || a.channel === "dossier")).toEqual(
      [],
    );
    const held = report.postponed.filter(
      (p) => p.step === "Mise en demeure" || p.step === "Transmission à un professionnel",
    );
    expect(held.length).toBeGreaterThan(0);
    for (const p of held) expect(p.reason).toContain("Raison sociale, Adresse");
    expect(report.settingsProblems.join(" ")).toContain("à renseigner");
  }, 120_000);
});
