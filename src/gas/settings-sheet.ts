// Reads « Paramètres » (defaults when the sheet is missing).
import { readSettingsSheet, SETTINGS_SHEET, type SettingsReading } from "../domain/settings-table";
import type { SheetDates } from "./sheet-dates";
import { toCell } from "./sheet-dates";
import { activeSpreadsheet, allValues } from "./sheets";

export function readSettings(dates: SheetDates): SettingsReading {
  const sheet = activeSpreadsheet().getSheetByName(SETTINGS_SHEET);
  const values = sheet ? allValues(sheet).map((r) => r.map((v) => toCell(v, dates))) : [];
  return readSettingsSheet(values);
}
