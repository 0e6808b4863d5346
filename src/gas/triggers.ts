// The one time-driven trigger an add-on may have per user and document: created or
// removed idempotently.
import { readSettings } from "./settings-sheet";
import { sheetDates } from "./sheet-dates";
import { activeSpreadsheet } from "./sheets";

export const DAILY_HANDLER = "runDailyRelances";
const HOUR_PROPERTY = "recouvra.triggerHour";

function dailyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(activeSpreadsheet()).filter(
    (t) =>
      t.getHandlerFunction() === DAILY_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

export function isAutoRunEnabled(): boolean {
  return dailyTriggers().length > 0;
}

/** Creates the daily trigger at the hour of « Paramètres » (once; again if the hour changed). */
export function enableAutoRun(): { hour: number; created: boolean } {
  const ss = activeSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const hour = readSettings(sheetDates(timeZone)).settings.sendHour;
  const props = PropertiesService.getUserProperties();
  const existing = dailyTriggers();
  if (existing.length === 1 && props.getProperty(HOUR_PROPERTY) === String(hour))
    return { hour, created: false };
  for (const t of existing) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone(timeZone)
    .create();
  props.setProperty(HOUR_PROPERTY, String(hour));
  return { hour, created: true };
}

export function disableAutoRun(): number {
  const existing = dailyTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  PropertiesService.getUserProperties().deleteProperty(HOUR_PROPERTY);
  return existing.length;
}
