// « Paramètres » through the sidebar: read as the daily run reads it, written back whole in
// the layout Initialiser le classeur uses (settingsSheetValues), then the daily trigger set
// on or off at the new hour.

import { type LadderOffsets, PROFILES, type Profile, type StepNumber } from "../../domain/ladder";
import { ledgerClaims } from "../../domain/ledger";
import { type TemplateSample, templateSample } from "../../domain/messages/template-preview";
import {
  type MessageTemplate,
  TEMPLATE_STEP_LABELS,
  templateAt,
  typedTemplate,
  validateTemplate,
} from "../../domain/messages/templates";
import { Refusal } from "../../domain/refusal";
import {
  ladderColumnProblem,
  type RecoverySettings,
  runSettingProblem,
} from "../../domain/settings";
import { settingsSheetValues } from "../../domain/settings-table";
import type { ApiParsed, LadderView, SettingsView } from "../../sidebar-contract";
import { readLedger } from "../ledger-sheet";
import { readSettings } from "../settings-sheet";
import { type SheetDates, sheetDates } from "../sheet-dates";
import { activeSpreadsheet, literal, SETTINGS_SHEET } from "../sheets";
import { disableAutoRun, enableAutoRun, isAutoRunEnabled } from "../triggers";

const STEPS: readonly StepNumber[] = [1, 2, 3, 4];

function view(
  settings: RecoverySettings,
  problems: string[],
  sample: TemplateSample | null,
): SettingsView {
  const ladder = {} as LadderView;
  for (const p of PROFILES) {
    const offsets = settings.ladder.offsets[p];
    ladder[p] = {
      1: offsets[1] ?? null,
      2: offsets[2] ?? null,
      3: offsets[3] ?? null,
      4: offsets[4] ?? null,
    };
  }
  return {
    creditor: settings.creditor,
    account: settings.account,
    sendHour: settings.sendHour,
    gapDays: settings.ladder.gapDays,
    formalNoticeDeadlineDays: settings.ladder.formalNoticeDeadlineDays,
    ladder,
    autoRun: isAutoRunEnabled(),
    templates: [...settings.templates],
    rates: [...settings.rates],
    sample,
    problems,
  };
}

/** A dossier of the ledger for the templates' live preview; none without a ledger. */
function sample(dates: SheetDates): TemplateSample | null {
  try {
    return templateSample(ledgerClaims(readLedger(dates).lines), dates.today());
  } catch (_) {
    return null;
  }
}

/** The templates as sent, refused in French when one would not render. */
function checkedTemplates(input: readonly MessageTemplate[]): MessageTemplate[] {
  const templates: MessageTemplate[] = [];
  const problems: string[] = [];
  for (const t of input) {
    const template = typedTemplate(t.step, t.profile, t.subject, t.body);
    if (template === undefined) continue;
    if (templateAt(templates, t.step, t.profile))
      problems.push(`Deux modèles « ${TEMPLATE_STEP_LABELS[t.step]} — ${t.profile} »`);
    problems.push(...validateTemplate(template));
    templates.push(template);
  }
  if (problems.length > 0)
    throw new Refusal(`Paramètres non enregistrés. ${problems.join(" ; ")}.`);
  return templates;
}

export function getSettings(): SettingsView {
  const dates = sheetDates(activeSpreadsheet().getSpreadsheetTimeZone());
  const { settings, problems } = readSettings(dates);
  return view(settings, problems, sample(dates));
}

export function saveSettings(input: ApiParsed<"apiSaveSettings">): SettingsView {
  const ss = activeSpreadsheet();
  const dates = sheetDates(ss.getSpreadsheetTimeZone());
  const templates = checkedTemplates(input.templates);
  const current = readSettings(dates).settings;
  const offsets = {} as Record<Profile, LadderOffsets>;
  const problems: string[] = [];
  for (const key of ["sendHour", "gapDays", "formalNoticeDeadlineDays"] as const) {
    const problem = runSettingProblem(key, input[key]);
    if (problem !== undefined) problems.push(problem);
  }
  for (const p of PROFILES) {
    const column: LadderOffsets = {};
    for (const step of STEPS) {
      const days = input.ladder[p][step];
      if (days !== null) column[step] = days;
    }
    const problem = ladderColumnProblem(p, column);
    if (problem !== undefined) problems.push(problem);
    offsets[p] = column;
  }
  if (problems.length > 0)
    throw new Refusal(`Paramètres non enregistrés. ${problems.join(" ; ")}.`);
  const settings: RecoverySettings = {
    ...current,
    creditor: { ...input.creditor, siren: input.creditor.siren.replace(/\s/g, "") },
    account: input.account,
    sendHour: input.sendHour,
    ladder: {
      offsets,
      gapDays: input.gapDays,
      formalNoticeDeadlineDays: input.formalNoticeDeadlineDays,
    },
    templates,
  };
  const values = settingsSheetValues(settings, dates.today()).map((r) =>
    r.map((c) => (typeof c === "string" ? literal(c) : c)),
  );
  const sheet = ss.getSheetByName(SETTINGS_SHEET) ?? ss.insertSheet(SETTINGS_SHEET);
  sheet.clearContents();
  sheet.getRange(1, 1, values.length, values[0]?.length ?? 1).setValues(values);
  if (input.autoRun) enableAutoRun();
  else disableAutoRun();
  return getSettings();
}
