// The « Recouvra » add-on menu and what its items do, with the user told in French.
import { formatEuros } from "../domain/money";
import { runDaily } from "./daily-run";
import { refreshDashboard } from "./dashboard-sheet";
import { type RunReport, reportSummary, takeUnseenFailure } from "./run-report";
import { initializeWorkbook } from "./setup";
import { activeSpreadsheet } from "./sheets";
import { disableAutoRun, enableAutoRun } from "./triggers";

export function buildMenu(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem("Ouvrir le panneau", "openSidebar")
    .addItem("Initialiser le classeur", "initializeWorkbookFromMenu")
    .addSeparator()
    .addItem("Lancer les relances du jour", "runDailyRelances")
    .addItem("Actualiser le tableau de bord", "refreshDashboardFromMenu")
    .addItem("Activer les relances automatiques", "enableAutoRelances")
    .addItem("Désactiver les relances automatiques", "disableAutoRelances")
    .addSeparator()
    .addItem("Aide", "showHelp")
    .addToUi();
  // Before authorization (AuthMode.NONE) properties cannot be read.
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return;
  const failure = takeUnseenFailure();
  if (failure)
    activeSpreadsheet().toast(
      `La dernière relance automatique a échoué (${failure}). Voir le Journal.`,
      "Recouvra",
      30,
    );
}

export function runFromMenu(): RunReport {
  const report = runDaily("manuel");
  SpreadsheetApp.getUi().alert(
    "Recouvra",
    reportSummary(report),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
  return report;
}

export function refreshDashboardMenu(): void {
  const board = refreshDashboard();
  activeSpreadsheet().toast(
    `Tableau de bord actualisé : encours ${formatEuros(board.outstanding)}, dont échu ${formatEuros(board.pastDue)}.`,
    "Recouvra",
  );
}

export function initializeFromMenu(): void {
  const r = initializeWorkbook();
  const parts = [
    r.created.length > 0 ? `Feuilles créées : ${r.created.join(", ")}.` : "",
    r.adopted ? `La feuille « ${r.adopted} » a été reprise comme suivi des créances.` : "",
    r.addedColumns.length > 0 ? `Colonnes ajoutées : ${r.addedColumns.join(", ")}.` : "",
  ].filter((p) => p !== "");
  SpreadsheetApp.getUi().alert(
    "Recouvra",
    parts.length > 0 ? parts.join("\n") : "Le classeur était déjà prêt : rien n'a été modifié.",
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

export function enableFromMenu(): void {
  const { hour, until, created } = enableAutoRun();
  activeSpreadsheet().toast(
    created
      ? `Relances automatiques activées : chaque jour ouvré dès ${hour} h, et ce qui reste reprend chaque heure jusqu'à ${until} h.`
      : `Les relances automatiques étaient déjà actives (dès ${hour} h, jusqu'à ${until} h).`,
    "Recouvra",
  );
}

export function disableFromMenu(): void {
  const removed = disableAutoRun();
  activeSpreadsheet().toast(
    removed > 0
      ? "Relances automatiques désactivées."
      : "Les relances automatiques n'étaient pas actives.",
    "Recouvra",
  );
}

const HELP = `Recouvra suit vos factures impayées dans la feuille « Créances » et envoie les relances au bon moment :
1. Relance de courtoisie (J+1), 2. Relance ferme (J+7), 3. Mise en demeure (J+20), 4. Transmission à un professionnel (J+30).
Jamais deux contacts avec un même client à moins de 5 jours ; rien pour une facture soldée, en litige, suspendue ou prescrite.
Tout est tracé dans « Journal ». Les délais, taux et coordonnées se règlent dans « Paramètres ».`;

export function showHelp(): void {
  SpreadsheetApp.getUi().alert("Aide Recouvra", HELP, SpreadsheetApp.getUi().ButtonSet.OK);
}

/** The sidebar: one self-contained page (dist/Sidebar.html, built from sidebar/). */
export function openSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Recouvra"),
  );
}
