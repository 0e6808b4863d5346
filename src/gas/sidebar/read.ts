// Everything a sidebar view needs, read in bulk: one getValues per sheet.

import type { CalendarDate } from "../../domain/calendar-date";
import type { ViewSource } from "../../views/dossier";
import { readJournal } from "../journal-sheet";
import { type LedgerRead, readLedger } from "../ledger-sheet";
import { readPlans } from "../plans-sheet";
import { readSettings } from "../settings-sheet";
import { type SheetDates, sheetDates } from "../sheet-dates";
import { activeSpreadsheet } from "../sheets";

export interface ShellSource extends ViewSource {
  dates: SheetDates;
  ledger: LedgerRead;
  today: CalendarDate;
}

export function readSources(): ShellSource {
  const dates = sheetDates(activeSpreadsheet().getSpreadsheetTimeZone());
  const { settings, problems } = readSettings(dates);
  const journal = readJournal(dates);
  const ledger = readLedger(dates, journal);
  return {
    dates,
    ledger,
    lines: ledger.lines,
    journal,
    plans: readPlans(dates),
    today: dates.today(),
    settings,
    problems,
  };
}
