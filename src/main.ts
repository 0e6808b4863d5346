// The entry points Apps Script sees: the build writes a top-level stub for each export.

import { runActor } from "./gas/actor";
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
import { refreshPaymentPlans } from "./gas/plans-sheet";
import type { RunReport } from "./gas/run-report";
import { sheetDates } from "./gas/sheet-dates";
import { activeSpreadsheet } from "./gas/sheets";
import { dispatch } from "./gas/sidebar/server";

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

/** The daily run: from the time-driven trigger (event with triggerUid), or from the menu. */
export function runDailyRelances(e?: { triggerUid?: string }): RunReport {
  refreshPlansBeforeRun(runActor(Boolean(e?.triggerUid)));
  const report = e?.triggerUid ? runDaily("automatique") : runFromMenu();
  afterRun(Boolean(e?.triggerUid));
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

/** The échéanciers first: suspensions moved to the next instalment and instalment
 * reminders sent, so the ladder then sees who keeps up and who defaulted. A failure here
 * must not stop the ladder's run, which journals its own. */
function refreshPlansBeforeRun(by: string): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return;
  try {
    refreshPaymentPlans(sheetDates(activeSpreadsheet().getSpreadsheetTimeZone()), new Date(), by);
  } catch (_) {
    // the next run tries again; the sidebar shows each plan's state meanwhile
  } finally {
    lock.releaseLock();
  }
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
