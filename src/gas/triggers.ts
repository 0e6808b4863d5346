// The one time-driven trigger an add-on may have per user and document, hourly (the most an
// add-on may): created or removed idempotently. Each wake-up does the day's work from the
// send hour to the end of the sending window (src/gas/wake-up.ts).
import { readSettings } from "./settings-sheet";
import { sheetDates } from "./sheet-dates";
import { activeSpreadsheet } from "./sheets";
import { readDayState, writeDayState } from "./wake-up";

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
export function enableAutoRun(): { hour: number; until: number; created: boolean } {
  const ss = activeSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const { settings } = readSettings(sheetDates(timeZone));
  const hour = settings.sendHour;
  const until = settings.sendUntilHour;
  // The wake-ups learn the window without reading « Paramètres »; each run refreshes it.
  const state = readDayState();
  writeDayState({ day: state?.day ?? "", done: state?.done ?? false, from: hour, until });
  const props = PropertiesService.getUserProperties();
  const existing = dailyTriggers();
  if (existing.length === 1 && props.getProperty(HOUR_PROPERTY) === "hourly")
    return { hour, until, created: false };
  for (const t of existing) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyHours(1).inTimezone(timeZone).create();
  props.setProperty(HOUR_PROPERTY, "hourly");
  return { hour, until, created: true };
}

export function disableAutoRun(): number {
  const existing = dailyTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  PropertiesService.getUserProperties().deleteProperty(HOUR_PROPERTY);
  return existing.length;
}
