// « Initialiser le classeur » on an empty spreadsheet and on the example ledger (adopted:
// the user's data untouched, missing columns added), twice; the daily trigger switched on
// twice and off; a failed run journaled and told at the next open.
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../sandbox/files/xlsx";
import { createSandbox } from "../../sandbox/index";
import type { WorkbookModel } from "../../sandbox/model";
import { journal, openLedger, runOn, sheet, TZ } from "./daily-run-harness";

const TODAY = "2026-11-26";

/** A workbook with each sheet's validation rules in a fixed order. */
function normalized(wb: WorkbookModel): WorkbookModel {
  const copy = structuredClone(wb);
  for (const s of copy.sheets) s.dataValidations.sort((a, b) => a.a1.localeCompare(b.a1));
  return copy;
}

describe("Initialiser le classeur", () => {
  it("on an empty spreadsheet: the four sheets, the headers, one array formula per column", () => {
    const sb = createSandbox({ timeZone: TZ, now: `${TODAY}T08:00` });
    sb.run("initializeWorkbookFromMenu");
    expect(sb.workbook.sheets.map((s) => s.name)).toEqual([
      "Créances",
      "Feuille 1",
      "Journal",
      "Paramètres",
      "Tableau de bord",
    ]);
    const ledger = sheet(sb, "Créances");
    expect(ledger.values[0]?.slice(0, 23)).toEqual([
      "N° facture",
      "Client",
      "Email",
      "Type",
      "Date facture",
      "Échéance",
      "Montant TTC",
      "Montant payé",
      "Profil",
      "Litige",
      "Suspendu jusqu'au",
      "Dernière étape",
      "Date dernière étape",
      "Date reconnaissance",
      "Procédure collective",
      "Adresse",
      "SIREN",
      "Statut",
      "Prochaine étape",
      "Date prochaine étape",
      "Pénalités",
      "Indemnité",
      "Prescription",
    ]);
    expect(ledger.frozenRows).toBe(1);
    expect(ledger.formulas[1]?.filter((f) => f !== "")).toEqual([
      "=STATUT_CREANCE(A2:Q; A1:Q1; TODAY())",
      "=NEXT_RELANCE(A2:Q; A1:Q1; TODAY())",
      "=PENALITES_RETARD(A2:Q; A1:Q1; TODAY())",
      "=INDEMNITE_RECOUVREMENT(A2:Q; A1:Q1; TODAY())",
      "=DATE_PRESCRIPTION(A2:Q; A1:Q1)",
    ]);
    expect(sheet(sb, "Journal").values[0]?.slice(0, 10)).toEqual([
      "Date",
      "Factures",
      "Client",
      "Étape",
      "Canal",
      "Destinataire",
      "Objet",
      "Résultat",
      "Document",
      "Par",
    ]);
    // Twice: nothing changes (the same rules, in whatever order), and the user is told so.
    const before = structuredClone(sb.workbook);
    sb.run("initializeWorkbookFromMenu");
    expect(normalized(sb.workbook)).toEqual(normalized(before));
    expect(sb.ui.alerts.at(-1)?.prompt).toBe("Le classeur était déjà prêt : rien n'a été modifié.");
  });

  it("on the example ledger: adopted, nothing of the user's data changed, idempotent", async () => {
    const workbook: WorkbookModel = await readXlsx("examples/creances.xlsx", { timeZone: TZ });
    const sb = createSandbox({ timeZone: TZ, now: `${TODAY}T08:00`, workbook });
    // As the user sees it once Sheets has computed its formulas.
    const userSheets = structuredClone(sb.workbook.sheets);
    sb.run("initializeWorkbookFromMenu");
    for (const original of userSheets) {
      const now = sb.workbook.sheets.find((s) => s.name === original.name);
      expect(now, original.name).toBeDefined();
      // Every cell the user had keeps its value and its formula.
      original.values.forEach((row, r) => {
        row.forEach((v, c) => {
          if (v === "" && (original.formulas[r]?.[c] ?? "") === "") return;
          expect([original.name, r + 1, c + 1, now?.values[r]?.[c]]).toEqual([
            original.name,
            r + 1,
            c + 1,
            v,
          ]);
          expect(now?.formulas[r]?.[c] ?? "").toBe(original.formulas[r]?.[c] ?? "");
        });
      });
    }
    const first = structuredClone(sb.workbook);
    sb.run("initializeWorkbookFromMenu");
    expect(normalized(sb.workbook)).toEqual(normalized(first));
    expect(sb.ui.alerts.at(-1)?.prompt).toBe("Le classeur était déjà prêt : rien n'a été modifié.");
  });

  it("adopts a sheet whose headers match, adding only the columns it lacks", () => {
    const sb = createSandbox({ timeZone: TZ, now: `${TODAY}T08:00` });
    const own = sb.workbook.sheets[0];
    if (!own) throw new Error("no sheet");
    own.name = "Mes factures";
    own.values[0] = ["Facture", "Nom client", "Montant", "Date", "Notes", ...Array(21).fill("")];
    own.values[1] = [
      "F-1",
      "Boulangerie",
      1850,
      new Date("2026-10-01T22:00:00Z"),
      "à relancer",
      ...Array(21).fill(""),
    ];
    sb.run("initializeWorkbookFromMenu");
    const adopted = sheet(sb, "Créances");
    expect(adopted).toBe(own);
    expect(adopted.values[1]?.slice(0, 5)).toEqual([
      "F-1",
      "Boulangerie",
      1850,
      new Date("2026-10-01T22:00:00Z"),
      "à relancer",
    ]);
    expect(adopted.values[0]?.slice(0, 6)).toEqual([
      "Facture",
      "Nom client",
      "Montant",
      "Date",
      "Notes",
      "Email",
    ]);
    expect(sb.ui.alerts.at(-1)?.prompt).toContain(
      "La feuille « Mes factures » a été reprise comme suivi des créances.",
    );
  });
});

describe("the hourly trigger", () => {
  it("is created once however often it is switched on, and removed when switched off", () => {
    const sb = openLedger([], { now: `${TODAY}T08:00` });
    sb.run("enableAutoRelances");
    expect(sb.ui.toasts.at(-1)?.message).toBe(
      "Relances automatiques activées : chaque jour ouvré dès 9 h, et ce qui reste reprend chaque heure jusqu'à 18 h.",
    );
    sb.run("enableAutoRelances");
    expect(sb.triggers.triggers.map((t) => [t.handler, t.schedule.every])).toEqual([
      ["runDailyRelances", { unit: "hours", n: 1 }],
    ]);
    expect(sb.ui.toasts.at(-1)?.message).toContain("étaient déjà actives");
    sb.run("disableAutoRelances");
    expect(sb.triggers.triggers).toEqual([]);
    sb.run("disableAutoRelances");
    expect(sb.ui.toasts.at(-1)?.message).toBe("Les relances automatiques n'étaient pas actives.");
  });
});

describe("a failed run", () => {
  it("writes « Erreur d'exécution » into the Journal, and the next open tells the user once", () => {
    const sb = openLedger([], { now: `${TODAY}T08:00` });
    sheet(sb, "Créances").name = "Créances 2025"; // the user renamed the ledger
    sb.recalculate({ reload: true });
    const report = runOn(sb, TODAY);
    expect(report.failure).toBe(
      "La feuille « Créances » est introuvable : lancez Recouvra > Initialiser le classeur.",
    );
    const failed = journal(sb).filter((l) => l.outcome === "Erreur d'exécution");
    expect(failed.map((l) => [l.step, l.channel, l.subject, l.by])).toEqual([
      ["Exécution", "Système", report.failure, "Recouvra (automatique)"],
    ]);
    sb.run("onOpen");
    expect(sb.ui.toasts.map((t) => t.message)).toEqual([
      `La dernière relance automatique a échoué (${TODAY} 09:00 : ${report.failure}). Voir le Journal.`,
    ]);
    sb.run("onOpen");
    expect(sb.ui.toasts).toHaveLength(1);
  });
});
