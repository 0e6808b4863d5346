// Builds the set of in-memory Google services over one sandbox state.

import type { DocumentModel, EmailModel, WorkbookModel } from "../model.js";
import { DocumentApp } from "./document.js";
import { DriveApp, type DriveStore } from "./drive.js";
import { HtmlService, type TemplateRunner } from "./html.js";
import { LockService, type LockStore } from "./lock.js";
import { MailApp } from "./mail.js";
import { CacheService, type KeyValueStores, PropertiesService } from "./properties.js";
import type { Runtime } from "./runtime.js";
import { ScriptApp, type TriggerStore } from "./script.js";
import { Spreadsheet, SpreadsheetApp } from "./spreadsheet.js";
import type { UiState } from "./ui.js";
import { Console, type LogEntry, Logger, Session, Utilities } from "./utilities.js";

export interface SandboxState {
  workbook: WorkbookModel;
  spreadsheetId: string;
  documents: DocumentModel[];
  mails: EmailModel[];
  drive: DriveStore;
  triggers: TriggerStore;
  locks: LockStore;
  properties: KeyValueStores;
  ui: UiState;
  logs: LogEntry[];
  /** .html files deployed with the bundle, by name without extension. */
  htmlFiles: Map<string, string>;
}

/** Apps Script's MimeType enum (the values Recouvra meets). */
export const MimeType = {
  PDF: "application/pdf",
  HTML: "text/html",
  PLAIN_TEXT: "text/plain",
  CSV: "text/csv",
  JSON: "application/json",
  GOOGLE_DOCS: "application/vnd.google-apps.document",
  GOOGLE_SHEETS: "application/vnd.google-apps.spreadsheet",
  FOLDER: "application/vnd.google-apps.folder",
  MICROSOFT_WORD: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  MICROSOFT_EXCEL: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  PNG: "image/png",
  JPEG: "image/jpeg",
} as const;

/** The global objects of Apps Script, as host objects (wrap them with a Membrane). */
export function createServices(
  rt: Runtime,
  state: SandboxState,
  options: { templateRunner?: TemplateRunner; addon?: boolean } = {},
) {
  const spreadsheet = new Spreadsheet(rt, state.workbook, state.spreadsheetId, state.ui);
  return {
    spreadsheet,
    globals: {
      SpreadsheetApp: new SpreadsheetApp(spreadsheet, state.ui),
      DocumentApp: new DocumentApp(rt, state.documents, state.drive),
      DriveApp: new DriveApp(rt, state.drive),
      MailApp: new MailApp(rt, state.mails),
      ScriptApp: new ScriptApp(rt, state.triggers, state.spreadsheetId, options.addon ?? true),
      LockService: new LockService(rt, state.locks),
      PropertiesService: new PropertiesService(state.properties),
      CacheService: new CacheService(rt),
      Session: new Session(rt),
      Utilities: new Utilities(rt),
      HtmlService: new HtmlService(rt, state.htmlFiles, options.templateRunner),
      Logger: new Logger(rt, state.logs),
      console: new Console(rt, state.logs),
    },
  };
}

export type Services = ReturnType<typeof createServices>["globals"];
