// « Paramètres » ⇄ settings. The sheet is four blocks a person can read and edit: the
// key/value list, the ladder (days after the due date, per profile), the email templates
// (one row per step and profile) and the rate table, last, as a new half-year is added
// below. A value that does not parse keeps its default and says so, in French. Templates
// live here rather than in a sheet of their own: the daily run and the sidebar read every
// setting with one getValues, and the sidebar writes them back whole with one setValues.
import * as z from "zod/mini";
import type { CalendarDate } from "./calendar-date";
import {
  type Cell,
  cellText,
  isBlankCell,
  parseAmountCell,
  parseEmailsCell,
  parseYesNoCell,
} from "./cells";
import { type LadderOffsets, PROFILES, type Profile, STEP_LABELS, type StepNumber } from "./ladder";
import {
  type MessageTemplate,
  PLACEHOLDERS,
  TEMPLATE_STEP_LABELS,
  TEMPLATE_STEPS,
  type TemplateStep,
  templateAt,
  typedTemplate,
  validateTemplate,
} from "./messages/templates";
import { formatPercent } from "./money";
import { type HalfYear, type HalfYearRates, halfYearOf, ratesForHalfYear } from "./rates";
import {
  type Creditor,
  DEFAULT_SETTINGS,
  ladderColumnProblem,
  type RecoverySettings,
  RUN_SETTING_RULES,
  type RunSettingKey,
  runSettingProblem,
} from "./settings";
import { matchLabel, normalizeKey } from "./text";

export const SETTINGS_SHEET = "Paramètres";

/** Key/value rows: label shown in column A, its field, and a hint shown in column C. */
export const CREDITOR_KEYS: readonly { label: string; field: keyof Creditor; hint: string }[] = [
  {
    label: "Raison sociale",
    field: "companyName",
    hint: "Nom de votre entreprise, tel qu'il figure sur vos factures",
  },
  { label: "Adresse", field: "address", hint: "Adresse complète (plusieurs lignes possibles)" },
  { label: "Ville", field: "city", hint: "Pour « Fait à … » dans les courriers" },
  { label: "SIREN", field: "siren", hint: "9 chiffres" },
  { label: "Email", field: "email", hint: "Adresse de réponse des relances" },
  { label: "Téléphone", field: "phone", hint: "" },
  { label: "Signature", field: "signature", hint: "Prénom Nom, fonction" },
  { label: "IBAN", field: "iban", hint: "Coordonnées bancaires rappelées dans chaque message" },
  { label: "BIC", field: "bic", hint: "" },
  {
    label: "Référence à rappeler",
    field: "paymentReference",
    hint: "{{factures}} = les numéros de facture",
  },
  {
    label: "Lien de paiement",
    field: "paymentLink",
    hint: "Facultatif : lien de paiement en ligne (https://…)",
  },
];

export const RUN_KEYS = {
  account: "Type de compte",
  sendHour: RUN_SETTING_RULES.sendHour.label,
  sendUntilHour: RUN_SETTING_RULES.sendUntilHour.label,
  gapDays: RUN_SETTING_RULES.gapDays.label,
  formalNoticeDeadlineDays: RUN_SETTING_RULES.formalNoticeDeadlineDays.label,
} as const;

export const DIGEST_KEYS = {
  enabled: "Synthèse du lundi",
  email: "Email de la synthèse",
} as const;

export const ACCOUNT_LABELS = { consumer: "Gmail", workspace: "Google Workspace" } as const;

export const LADDER_HEADER = ["Étape (jours après l'échéance)", ...PROFILES] as const;
export const RATES_HEADER = [
  "Semestre",
  "Taux BCE (%)",
  "Taux des pénalités (%)",
  "Taux légal, autres cas (%)",
  "Taux légal, particuliers (%)",
] as const;

export const TEMPLATES_HEADER = ["Modèle d'email", "Profil", "Objet", "Texte"] as const;
export const TEMPLATES_HINT = `Vide = le texte de Recouvra. Paragraphes séparés par une ligne vide. Variables : ${Object.keys(
  PLACEHOLDERS,
)
  .map((p) => `{{${p}}}`)
  .join(" ")}. Tableau des factures, montant, mentions légales et paiement sont ajoutés d'office.`;

export interface SettingsReading {
  settings: RecoverySettings;
  problems: string[];
}

const rateRow = z.object({
  halfYear: z.string().check(z.regex(/^\d{4}-S[12]$/)),
  ecbRate: z.number(),
  penaltyRate: z.number(),
  legalRateOtherCases: z.number(),
  legalRateIndividuals: z.number(),
});

/** The row index of the first row whose first cell names `label`. */
function findRow(values: readonly (readonly Cell[])[], label: string): number {
  const key = normalizeKey(label);
  return values.findIndex((r) => typeof r[0] === "string" && normalizeKey(r[0]) === key);
}

export function readSettingsSheet(values: readonly (readonly Cell[])[]): SettingsReading {
  const problems: string[] = [];
  const d = DEFAULT_SETTINGS;
  const settingCell = (label: string): Cell => {
    const i = findRow(values, label);
    return i < 0 ? "" : values[i]?.[1];
  };

  const creditor = { ...d.creditor };
  for (const { label, field } of CREDITOR_KEYS) {
    const cell = settingCell(label);
    if (!isBlankCell(cell)) creditor[field] = cellText(cell);
  }
  if (creditor.siren && !/^\d{9}$/.test(creditor.siren.replace(/\s/g, ""))) {
    problems.push(`SIREN : « ${creditor.siren} » doit compter 9 chiffres`);
  }
  if (creditor.email && !parseEmailsCell(creditor.email)) {
    problems.push(`Email : « ${creditor.email} » n'est pas une adresse valide`);
    creditor.email = "";
  }
  if (creditor.paymentLink && !/^https:\/\/\S+$/.test(creditor.paymentLink)) {
    problems.push(`Lien de paiement : « ${creditor.paymentLink} » doit commencer par https://`);
    creditor.paymentLink = "";
  }

  const runSetting = (key: RunSettingKey, fallback: number): number => {
    const cell = settingCell(RUN_SETTING_RULES[key].label);
    if (isBlankCell(cell)) return fallback;
    const n = parseAmountCell(cell);
    const problem = runSettingProblem(key, n, cellText(cell));
    if (problem === undefined) return n as number;
    problems.push(`${problem} ; ${fallback} est appliqué`);
    return fallback;
  };
  const digestCell = settingCell(DIGEST_KEYS.enabled);
  const digestEnabled = isBlankCell(digestCell) ? true : parseYesNoCell(digestCell);
  if (digestEnabled === undefined)
    problems.push(
      `${DIGEST_KEYS.enabled} : « ${cellText(digestCell)} » — Oui ou Non attendu ; Oui est appliqué`,
    );
  const digestEmailText = cellText(settingCell(DIGEST_KEYS.email));
  const digestEmail = digestEmailText === "" ? "" : (parseEmailsCell(digestEmailText) ?? "");
  if (digestEmailText !== "" && digestEmail === "")
    problems.push(`${DIGEST_KEYS.email} : « ${digestEmailText} » n'est pas une adresse valide`);
  const accountText = normalizeKey(cellText(settingCell(RUN_KEYS.account)));
  const account = accountText.includes("workspace") ? "workspace" : d.account;

  return {
    settings: {
      creditor,
      account,
      sendHour: runSetting("sendHour", d.sendHour),
      sendUntilHour: runSetting("sendUntilHour", d.sendUntilHour),
      ladder: {
        offsets: readLadder(values, problems),
        gapDays: runSetting("gapDays", d.ladder.gapDays),
        formalNoticeDeadlineDays: runSetting(
          "formalNoticeDeadlineDays",
          d.ladder.formalNoticeDeadlineDays,
        ),
      },
      rates: readRates(values, problems),
      templates: readTemplates(values, problems),
      digest: { enabled: digestEnabled ?? true, email: digestEmail },
    },
    problems,
  };
}

function readLadder(
  values: readonly (readonly Cell[])[],
  problems: string[],
): Record<Profile, LadderOffsets> {
  const defaults = DEFAULT_SETTINGS.ladder.offsets;
  const start = findRow(values, LADDER_HEADER[0]);
  if (start < 0) return defaults;
  const header = values[start] ?? [];
  const offsets = { ...defaults };
  for (const profile of PROFILES) {
    const column = header.findIndex(
      (h) => typeof h === "string" && normalizeKey(h) === normalizeKey(profile),
    );
    if (column >= 0)
      offsets[profile] =
        readProfileLadder(values, start, column, profile, problems) ?? defaults[profile];
  }
  return offsets;
}

/** One profile's column of the ladder block; undefined (keep the default) if unreadable. */
function readProfileLadder(
  values: readonly (readonly Cell[])[],
  start: number,
  column: number,
  profile: Profile,
  problems: string[],
): LadderOffsets | undefined {
  const ladder: LadderOffsets = {};
  for (let i = start + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const label = matchLabel(STEP_LABELS, cellText(row[0]));
    if (label === undefined) break;
    const cell = row[column];
    if (isBlankCell(cell) || cellText(cell) === "\u2014") continue; // a step this profile skips
    const n = parseAmountCell(cell);
    if (n === undefined) {
      problems.push(
        `Échelle ${profile}, ${label} : « ${cellText(cell)} » n'est pas un nombre de jours`,
      );
      return undefined;
    }
    ladder[(STEP_LABELS.indexOf(label) + 1) as StepNumber] = n;
  }
  if (Object.keys(ladder).length === 0) return undefined;
  const problem = ladderColumnProblem(profile, ladder);
  if (problem === undefined) return ladder;
  problems.push(problem);
  return undefined;
}

function readRates(
  values: readonly (readonly Cell[])[],
  problems: string[],
): readonly HalfYearRates[] {
  const start = findRow(values, RATES_HEADER[0]);
  if (start < 0) return DEFAULT_SETTINGS.rates;
  const rows: HalfYearRates[] = [];
  for (let i = start + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (row.every(isBlankCell)) break;
    const parsed = rateRow.safeParse({
      halfYear: cellText(row[0]).toUpperCase().replace(/\s/g, ""),
      ecbRate: parseAmountCell(row[1]),
      penaltyRate: parseAmountCell(row[2]),
      legalRateOtherCases: parseAmountCell(row[3]),
      legalRateIndividuals: parseAmountCell(row[4]),
    });
    if (!parsed.success) {
      problems.push(
        `Taux, ligne ${i + 1} : semestre « aaaa-S1 » ou « aaaa-S2 » et quatre taux en % attendus`,
      );
      continue;
    }
    rows.push({ ...parsed.data, halfYear: parsed.data.halfYear as HalfYear });
  }
  rows.sort((a, b) => a.halfYear.localeCompare(b.halfYear));
  return rows.length > 0 ? rows : DEFAULT_SETTINGS.rates;
}

const TEMPLATE_STEP_KEYS = new Map<string, TemplateStep>([
  ...TEMPLATE_STEPS.map((s) => [normalizeKey(TEMPLATE_STEP_LABELS[s]), s] as const),
  [normalizeKey("Mise en demeure"), 3],
]);

/** The « Modèles d'email » block: one row per step and profile; blank text = built-in. A
 * template that would not render (unknown {{variable}}, a fee…) is left out and reported. */
function readTemplates(
  values: readonly (readonly Cell[])[],
  problems: string[],
): readonly MessageTemplate[] {
  const start = findRow(values, TEMPLATES_HEADER[0]);
  if (start < 0) return DEFAULT_SETTINGS.templates;
  const templates: MessageTemplate[] = [];
  for (let i = start + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (row.every(isBlankCell)) break;
    if (isBlankCell(row[2]) && isBlankCell(row[3])) continue;
    const where = `Modèles, ligne ${i + 1}`;
    const step = TEMPLATE_STEP_KEYS.get(normalizeKey(cellText(row[0])));
    const profile = matchLabel(PROFILES, cellText(row[1]));
    if (step === undefined || profile === undefined) {
      problems.push(
        `${where} : étape (${TEMPLATE_STEPS.map((s) => TEMPLATE_STEP_LABELS[s]).join(", ")}) et profil (${PROFILES.join(", ")}) attendus`,
      );
      continue;
    }
    const template = typedTemplate(step, profile, cellText(row[2]), cellText(row[3]));
    if (template === undefined) continue;
    if (templateAt(templates, step, profile)) {
      problems.push(`${where} : ce modèle figure déjà plus haut, cette ligne est ignorée`);
      continue;
    }
    const faults = validateTemplate(template);
    if (faults.length > 0) {
      problems.push(...faults.map((f) => `${f} : le texte de Recouvra est utilisé`));
      continue;
    }
    templates.push(template);
  }
  return templates;
}

/** A note for the user when today's half-year is missing from the rate table: amounts then
 * use the last known rate until the official one is entered. */
export function missingRateNote(
  rates: readonly HalfYearRates[],
  today: CalendarDate,
): string | undefined {
  const current = halfYearOf(today);
  const lookup = ratesForHalfYear(rates, current);
  if (lookup.official) return undefined;
  return `Le taux du semestre ${current} n'est pas encore renseigné : le dernier taux connu (${lookup.rates.halfYear}, pénalités ${formatPercent(lookup.rates.penaltyRate)}) est appliqué et les montants sont estimés. Ajoutez la ligne ${current} dès la publication du taux officiel.`;
}

/** The « Paramètres » sheet as Initialiser le classeur writes it, from settings. */
export function settingsSheetValues(settings: RecoverySettings, today: CalendarDate): Cell[][] {
  const rows: Cell[][] = [["Paramètre", "Valeur", "Aide"]];
  for (const { label, field, hint } of CREDITOR_KEYS)
    rows.push([label, settings.creditor[field], hint]);
  rows.push(
    [
      RUN_KEYS.account,
      ACCOUNT_LABELS[settings.account],
      "Gmail : 100 destinataires et 250 documents par jour ; Google Workspace : 1 500",
    ],
    [
      RUN_KEYS.sendHour,
      settings.sendHour,
      `Heure de l'envoi automatique quotidien (${RUN_SETTING_RULES.sendHour.min} à ${RUN_SETTING_RULES.sendHour.max})`,
    ],
    [
      RUN_KEYS.sendUntilHour,
      settings.sendUntilHour,
      "Ce qui n'a pu partir à l'heure d'envoi reprend chaque heure jusqu'à celle-ci, les jours ouvrés",
    ],
    [
      RUN_KEYS.gapDays,
      settings.ladder.gapDays,
      "Jamais deux contacts avec un même client à moins de ce délai",
    ],
    [
      RUN_KEYS.formalNoticeDeadlineDays,
      settings.ladder.formalNoticeDeadlineDays,
      "Délai laissé pour payer",
    ],
    [
      DIGEST_KEYS.enabled,
      settings.digest.enabled ? "Oui" : "Non",
      "Oui : chaque lundi (premier jour ouvré), une synthèse par email à l'heure de l'envoi",
    ],
    [DIGEST_KEYS.email, settings.digest.email, "Vide = l'adresse « Email » ci-dessus"],
    ["", "", ""],
    [...LADDER_HEADER],
  );
  for (let step = 1 as StepNumber; step <= 4; step++) {
    rows.push([
      STEP_LABELS[step - 1] as string,
      ...PROFILES.map((p) => settings.ladder.offsets[p][step] ?? "\u2014"),
    ]);
  }
  rows.push(["", "", ""], [...TEMPLATES_HEADER, TEMPLATES_HINT]);
  for (const step of TEMPLATE_STEPS) {
    for (const profile of PROFILES) {
      const t = templateAt(settings.templates, step, profile);
      rows.push([TEMPLATE_STEP_LABELS[step], profile, t?.subject ?? "", t?.body ?? ""]);
    }
  }
  // The rate table stays last: a new half-year is a row added at the bottom.
  rows.push(["", "", ""], [...RATES_HEADER]);
  for (const r of settings.rates) {
    rows.push([
      r.halfYear,
      r.ecbRate,
      r.penaltyRate,
      r.legalRateOtherCases,
      r.legalRateIndividuals,
    ]);
  }
  const note = missingRateNote(settings.rates, today);
  if (note) rows.push(["", "", ""], ["Note", note]);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<Cell>(width - r.length).fill("")]);
}
