// The ledger of Apps Script service calls, and how long each would take in Google.
//
// Every call the bundle makes on a Google service goes through one round trip to the
// service's backend (Google, "Best practices", developers.google.com/apps-script/guides/
// support/best-practices: "Use batch operations … Alternating read and write commands
// is slow"; each call costs a round trip). The figures below are the sandbox's model,
// chosen from community measurements of Apps Script latency (typical values seen in
// published benchmarks, e.g. getValues/setValues round trips of 50–150 ms plus a small
// per-cell cost; MailApp.sendEmail ~0.5–1 s; DocumentApp.create ~1–2 s; Docs → PDF
// conversion ~1–3 s; Properties/Cache reads of tens of ms). They are estimates, good
// enough to tell a batched run from a per-cell one and to reach the 6-minute limit
// when a real run would.
//
// | call (key or prefix)                                   | base ms | per cell ms |
// |--------------------------------------------------------|--------:|------------:|
// | SpreadsheetApp.Range.getValues/getDisplayValues/        |      80 |       0.01  |
// |   getFormulas/getNumberFormats/getNotes                |         |             |
// | SpreadsheetApp.Range.setValues/setFormulas/             |     100 |       0.02  |
// |   setNumberFormats/setNotes                            |         |             |
// | SpreadsheetApp.Range.getValue/getFormula/…             |      60 |             |
// | SpreadsheetApp.Range.setValue/setFormula/… (other set*)|      80 |             |
// | SpreadsheetApp.Sheet.getLastRow/getLastColumn/getMax*  |      30 |             |
// | SpreadsheetApp.Sheet structure (insert*, delete*,      |     200 |             |
// |   appendRow, sort, clear, setFrozen*, hide/show)       |         |             |
// | SpreadsheetApp.Spreadsheet.insertSheet/deleteSheet     |     300 |             |
// | SpreadsheetApp.flush                                   |     100 |             |
// | SpreadsheetApp navigation (getActive*, getSheetByName, |       5 |             |
// |   getRange, getName, builders…)                        |         |             |
// | MailApp.sendEmail                                      |     700 |             |
// | MailApp.getRemainingDailyQuota                         |      30 |             |
// | DocumentApp.create                                     |    1500 |             |
// | DocumentApp.openById                                   |     400 |             |
// | DocumentApp.Document.saveAndClose                      |     500 |             |
// | DocumentApp.Document.getAs / DriveApp.File.getAs       |    2000 | (→ PDF)     |
// | DocumentApp body edits (append*, set*, editAsText…)    |      10 |             |
// | DriveApp.createFolder/Folder.createFile/createFolder   |     400 |             |
// | DriveApp lookups (getFolderById, getFileById, …ByName) |     200 |             |
// | PropertiesService …getProperty/getProperties/getKeys   |      50 |             |
// | PropertiesService …setProperty/setProperties/delete…   |      80 |             |
// | CacheService …                                         |      25 |             |
// | LockService …tryLock/waitLock/releaseLock              |      50 |             |
// | ScriptApp.TriggerBuilder….create                       |     300 |             |
// | ScriptApp.getProjectTriggers/getUserTriggers/delete…   |     100 |             |
// | SpreadsheetApp.Spreadsheet.toast, Ui.show*/alert/…     |     150 |             |
// | Session …                                              |      20 |             |
// | Utilities, Logger, console, HtmlService, builders      |       0 | (in-engine) |

export interface Latency {
  baseMs: number;
  perCellMs?: number;
}

const READ_BULK: Latency = { baseMs: 80, perCellMs: 0.01 };
const WRITE_BULK: Latency = { baseMs: 100, perCellMs: 0.02 };

/** Exact keys first, then the longest matching prefix ("Service.Class." or "Service."). */
const LATENCY: Record<string, Latency> = {
  "SpreadsheetApp.Range.getValues": READ_BULK,
  "SpreadsheetApp.Range.getDisplayValues": READ_BULK,
  "SpreadsheetApp.Range.getFormulas": READ_BULK,
  "SpreadsheetApp.Range.getNumberFormats": READ_BULK,
  "SpreadsheetApp.Range.getNotes": READ_BULK,
  "SpreadsheetApp.Range.setValues": WRITE_BULK,
  "SpreadsheetApp.Range.setFormulas": WRITE_BULK,
  "SpreadsheetApp.Range.setNumberFormats": WRITE_BULK,
  "SpreadsheetApp.Range.setNotes": WRITE_BULK,
  "SpreadsheetApp.Range.clearContent": WRITE_BULK,
  "SpreadsheetApp.Sheet.getLastRow": { baseMs: 30 },
  "SpreadsheetApp.Sheet.getLastColumn": { baseMs: 30 },
  "SpreadsheetApp.Sheet.getMaxRows": { baseMs: 30 },
  "SpreadsheetApp.Sheet.getMaxColumns": { baseMs: 30 },
  "SpreadsheetApp.Sheet.getDataRange": { baseMs: 30 },
  "SpreadsheetApp.Sheet.insertRowsAfter": { baseMs: 200 },
  "SpreadsheetApp.Sheet.deleteRow": { baseMs: 200 },
  "SpreadsheetApp.Sheet.deleteRows": { baseMs: 200 },
  "SpreadsheetApp.Sheet.appendRow": { baseMs: 200 },
  "SpreadsheetApp.Sheet.sort": { baseMs: 200 },
  "SpreadsheetApp.Sheet.clear": { baseMs: 200 },
  "SpreadsheetApp.Sheet.setFrozenRows": { baseMs: 200 },
  "SpreadsheetApp.Sheet.setFrozenColumns": { baseMs: 200 },
  "SpreadsheetApp.Sheet.hideSheet": { baseMs: 200 },
  "SpreadsheetApp.Sheet.showSheet": { baseMs: 200 },
  "SpreadsheetApp.Sheet.setColumnWidth": { baseMs: 80 },
  "SpreadsheetApp.Sheet.setConditionalFormatRules": { baseMs: 150 },
  "SpreadsheetApp.Sheet.getConditionalFormatRules": { baseMs: 60 },
  "SpreadsheetApp.Spreadsheet.insertSheet": { baseMs: 300 },
  "SpreadsheetApp.Spreadsheet.deleteSheet": { baseMs: 300 },
  "SpreadsheetApp.Spreadsheet.toast": { baseMs: 150 },
  "SpreadsheetApp.Spreadsheet.getRangeByName": { baseMs: 30 },
  "SpreadsheetApp.Spreadsheet.setNamedRange": { baseMs: 80 },
  "SpreadsheetApp.flush": { baseMs: 100 },
  // A Range knows its own coordinates: no round trip.
  "SpreadsheetApp.Range.getRow": { baseMs: 0 },
  "SpreadsheetApp.Range.getColumn": { baseMs: 0 },
  "SpreadsheetApp.Range.getNumRows": { baseMs: 0 },
  "SpreadsheetApp.Range.getNumColumns": { baseMs: 0 },
  "SpreadsheetApp.Range.getA1Notation": { baseMs: 0 },
  "SpreadsheetApp.Range.getSheet": { baseMs: 0 },
  "SpreadsheetApp.Range.get": { baseMs: 60 },
  "SpreadsheetApp.Range.set": { baseMs: 80 },
  "SpreadsheetApp.Range.clear": { baseMs: 80 },
  "SpreadsheetApp.": { baseMs: 5 },
  "MailApp.sendEmail": { baseMs: 700 },
  "MailApp.": { baseMs: 30 },
  "DocumentApp.create": { baseMs: 1500 },
  "DocumentApp.openById": { baseMs: 400 },
  "DocumentApp.Document.saveAndClose": { baseMs: 500 },
  "DocumentApp.Document.getAs": { baseMs: 2000 },
  "DocumentApp.Document.getBlob": { baseMs: 2000 },
  "DocumentApp.": { baseMs: 10 },
  "DriveApp.File.getAs": { baseMs: 2000 },
  "DriveApp.createFolder": { baseMs: 400 },
  "DriveApp.createFile": { baseMs: 400 },
  "DriveApp.Folder.createFile": { baseMs: 400 },
  "DriveApp.Folder.createFolder": { baseMs: 400 },
  "DriveApp.File.moveTo": { baseMs: 300 },
  "DriveApp.FolderIterator.": { baseMs: 0 },
  "DriveApp.FileIterator.": { baseMs: 0 },
  "DriveApp.": { baseMs: 200 },
  "PropertiesService.Properties.set": { baseMs: 80 },
  "PropertiesService.Properties.delete": { baseMs: 80 },
  "PropertiesService.Properties.": { baseMs: 50 },
  "PropertiesService.": { baseMs: 0 },
  "CacheService.": { baseMs: 25 },
  "LockService.Lock.": { baseMs: 50 },
  "LockService.": { baseMs: 0 },
  "ScriptApp.ClockTriggerBuilder.create": { baseMs: 300 },
  "ScriptApp.getProjectTriggers": { baseMs: 100 },
  "ScriptApp.getUserTriggers": { baseMs: 100 },
  "ScriptApp.deleteTrigger": { baseMs: 100 },
  "ScriptApp.": { baseMs: 0 },
  "Ui.": { baseMs: 150 },
  "Session.": { baseMs: 20 },
  "Utilities.": { baseMs: 0 },
  "Logger.": { baseMs: 0 },
  "console.": { baseMs: 0 },
  "HtmlService.": { baseMs: 0 },
  "Blob.": { baseMs: 0 },
};

const prefixes = Object.keys(LATENCY)
  .filter((k) => k.endsWith("."))
  .sort((a, b) => b.length - a.length);
const methodPrefixes = Object.keys(LATENCY)
  .filter((k) => !k.endsWith(".") && /\.(get|set|clear)$/.test(k))
  .sort((a, b) => b.length - a.length);

/** The modelled latency of one call. `cells` is the size of the range for bulk calls. */
export function latencyOf(key: string, cells = 0): number {
  let l = LATENCY[key];
  if (!l) l = LATENCY[methodPrefixes.find((p) => key.startsWith(p)) ?? ""];
  if (!l) l = LATENCY[prefixes.find((p) => key.startsWith(p)) ?? ""];
  if (!l) return 10;
  return l.baseMs + (l.perCellMs ?? 0) * cells;
}

/** Counts per "Service.Class.method" key and the Google time they add up to. */
export class CallLedger {
  private readonly byKey = new Map<string, number>();
  private totalMs = 0;

  /** Records one call and returns its modelled latency in ms. */
  record(key: string, cells = 0): number {
    const ms = latencyOf(key, cells);
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
    this.totalMs += ms;
    return ms;
  }

  /** Calls so far, keyed like "SpreadsheetApp.Range.getValues", sorted by key. */
  get counts(): Record<string, number> {
    return Object.fromEntries([...this.byKey.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** All calls so far. */
  get total(): number {
    let n = 0;
    for (const v of this.byKey.values()) n += v;
    return n;
  }

  /** How long these calls would take in Google, in seconds (rounded to the ms). */
  get estimatedGoogleSeconds(): number {
    return Math.round(this.totalMs) / 1000;
  }

  reset(): void {
    this.byKey.clear();
    this.totalMs = 0;
  }
}
