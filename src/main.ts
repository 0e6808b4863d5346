// The entry points Apps Script sees: the build writes a top-level stub for each export.

import { runDaily } from "./gas/daily-run";
import { refreshDashboard } from "./gas/dashboard-sheet";
import { sendDigestIfDue } from "./gas/digest";
import { LOCK_WAIT_MS } from "./gas/lock";
import {
  buildMenu,
  disableFromMenu,
  enableFromMenu,
  initializeFromMenu,
  openSidebar as openSidebarPanel,
  refreshDashboardMenu,
  runFromMenu,
  showHelp as showHelpDialog,
} from "./gas/menu";
import type { RunReport } from "./gas/run-report";
import { dispatch } from "./gas/sidebar/server";
import { type ClockEvent, shouldWork } from "./gas/wake-up";

export {
  DATE_PRESCRIPTION,
  INDEMNITE_RECOUVREMENT,
  NEXT_RELANCE,
  PENALITES_RETARD,
  STATUT_CREANCE,
} from "./functions";

/** Builds the « Recouvra » menu when the spreadsheet opens. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

/** Builds the menu right after installation. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The morning run: from the hourly time-driven trigger (event with triggerUid), or from
 * the menu. A wake-up outside the sending window, or once the day's work is done, goes back
 * to sleep after one property read. */
export function runDailyRelances(e?: ClockEvent): RunReport | null {
  if (!e?.triggerUid) {
    const report = runFromMenu();
    afterRun(false);
    return report;
  }
  if (!shouldWork(e)) return null;
  const report = runDaily("automatique");
  afterRun(true);
  return report;
}

/** Each morning's run leaves « Tableau de bord » up to date, and on the week's first
 * business day sends the Monday digest. Neither may turn a run that acted into a failed
 * one: the dashboard is refreshed on demand too, the digest's intent line tells a person. */
function afterRun(automatic: boolean): void {
  try {
    refreshDashboard();
  } catch (_) {
    // told by the menu's « Actualiser le tableau de bord » when the user asks
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return;
  try {
    sendDigestIfDue(automatic);
  } catch (_) {
    // an intent line left « En cours » becomes « À vérifier » at the next run: never twice
  } finally {
    lock.releaseLock();
  }
}

/** Menu: Actualiser le tableau de bord. */
export function refreshDashboardFromMenu(): void {
  refreshDashboardMenu();
}

/** Menu: Initialiser le classeur. */
export function initializeWorkbookFromMenu(): void {
  initializeFromMenu();
}

/** Menu: Activer les relances automatiques. */
export function enableAutoRelances(): void {
  enableFromMenu();
}

/** Menu: Désactiver les relances automatiques. */
export function disableAutoRelances(): void {
  disableFromMenu();
}

/** Menu: Ouvrir le panneau. */
export function openSidebar(): void {
  openSidebarPanel();
}

/** Menu: Aide. */
export function showHelp(): void {
  showHelpDialog();
}

/** Le panneau latéral : chacune de ses demandes (google.script.run.api(nom, demande)),
 * validée avant tout traitement. */
export function api(name?: unknown, request?: unknown): unknown {
  return dispatch(name, request);
}
