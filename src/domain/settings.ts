// Every number of the ladder and of the law is a setting, and so is who the creditor is.
// These are the defaults; « Paramètres » overrides them (see settings-table.ts).
import {
  DEFAULT_LADDER,
  type LadderOffsets,
  type LadderSettings,
  type Profile,
  stepLabel,
} from "./ladder";
import type { MessageTemplate } from "./messages/templates";
import { DEFAULT_RATE_TABLE, type RateTable } from "./rates";

/** The user's company, as it signs its letters, and how to pay it. */
export interface Creditor {
  companyName: string;
  address: string;
  city: string;
  siren: string;
  email: string;
  phone: string;
  signature: string;
  iban: string;
  bic: string;
  /** What the debtor must quote with a transfer; {{factures}} stands for the invoice numbers. */
  paymentReference: string;
  paymentLink: string;
}

export type AccountType = "consumer" | "workspace";

export interface RecoverySettings {
  ladder: LadderSettings;
  rates: RateTable;
  creditor: Creditor;
  /** Daily quotas: consumer 100 recipients / 250 documents, Workspace 1 500 / 1 500. */
  account: AccountType;
  /** Hour (0–23, spreadsheet time) of the automatic daily run. */
  sendHour: number;
  /** Hour (1–24) after which the hourly wake-ups leave the rest for the next business day. */
  sendUntilHour: number;
  /** The user's wording of the emails, per step and profile; none = the built-in text. */
  templates: readonly MessageTemplate[];
  /** The Monday digest: on or off, and where it goes (blank = the creditor's Email). */
  digest: { enabled: boolean; email: string };
}

export const EMPTY_CREDITOR: Creditor = {
  companyName: "",
  address: "",
  city: "",
  siren: "",
  email: "",
  phone: "",
  signature: "",
  iban: "",
  bic: "",
  paymentReference: "Facture {{factures}}",
  paymentLink: "",
};

export const DEFAULT_SETTINGS: RecoverySettings = {
  ladder: DEFAULT_LADDER,
  rates: DEFAULT_RATE_TABLE,
  creditor: EMPTY_CREDITOR,
  account: "consumer",
  sendHour: 9,
  sendUntilHour: 18,
  templates: [],
  digest: { enabled: true, email: "" },
};

export const DAILY_QUOTAS: Record<AccountType, { emailRecipients: number; documents: number }> = {
  consumer: { emailRecipients: 100, documents: 250 },
  workspace: { emailRecipients: 1500, documents: 1500 },
};

/** The account Google's remaining email quota shows: more than a Gmail account's whole day
 * is a Workspace account, whatever « Type de compte » says (the setting only informs). */
export function accountOfQuota(emailsLeft: number, setting: AccountType): AccountType {
  return emailsLeft > DAILY_QUOTAS.consumer.emailRecipients ? "workspace" : setting;
}

/** What a letter needs of the creditor's identity and « Paramètres » lacks (a mise en
 * demeure must identify the creditor): the labels to fill in, in French. */
export function missingCreditorIdentity(creditor: Creditor): string[] {
  const needed: [keyof Creditor, string][] = [
    ["companyName", "Raison sociale"],
    ["address", "Adresse"],
  ];
  return needed.filter(([field]) => creditor[field].trim() === "").map(([, label]) => label);
}

/** The bounds of the run's whole-number settings, the same for « Paramètres » and the
 * sidebar. At least 3 days between two contacts and sending only between 8 h and 19 h:
 * repeated and insistent solicitations make recovery an aggressive practice (L121-6 C. conso.). */
export const RUN_SETTING_RULES = {
  sendHour: {
    label: "Heure d'envoi",
    min: 8,
    max: 19,
    why: "les relances partent entre 8 h et 19 h",
  },
  sendUntilHour: {
    label: "Fin des envois",
    min: 9,
    max: 24,
    why: "ce qui n'a pu partir reprend chaque heure jusqu'à cette heure-là, entre 9 h et 24 h",
  },
  gapDays: {
    label: "Délai minimal entre deux contacts (jours)",
    min: 3,
    max: 60,
    why: "au moins 3 jours entre deux contacts avec un même client",
  },
  formalNoticeDeadlineDays: {
    label: "Délai de la mise en demeure (jours)",
    min: 1,
    max: 60,
    why: "le délai laissé pour payer",
  },
} as const;

export type RunSettingKey = keyof typeof RUN_SETTING_RULES;

/** Why a run setting's value is refused, in French; undefined when it is fine. */
export function runSettingProblem(
  key: RunSettingKey,
  value: unknown,
  typed = value,
): string | undefined {
  const { label, min, max, why } = RUN_SETTING_RULES[key];
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max)
    return undefined;
  return `${label} : « ${String(typed)} » n'est pas accepté : ${why} (nombre entier de ${min} à ${max})`;
}

export const MAX_LADDER_DAYS = 365;

/** Why one profile's ladder (days after the due date per step, a skipped step absent) is
 * refused, in French; undefined when it is fine. */
export function ladderColumnProblem(profile: Profile, offsets: LadderOffsets): string | undefined {
  let previous = 0;
  let steps = 0;
  for (const step of [1, 2, 3, 4] as const) {
    const days = offsets[step];
    if (days === undefined) continue;
    steps++;
    if (!Number.isInteger(days) || days < 0 || days > MAX_LADDER_DAYS)
      return `Échelle ${profile}, ${stepLabel(step)} : « ${days} » doit être un nombre entier de jours de 0 à ${MAX_LADDER_DAYS}`;
    if (days < previous)
      return `Échelle ${profile}, ${stepLabel(step)} : « ${days} » jours, les jours doivent croître d'une étape à la suivante`;
    previous = days;
  }
  return steps === 0 ? `Échelle ${profile} : au moins une étape est nécessaire` : undefined;
}
