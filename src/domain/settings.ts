// Every number of the ladder and of the law is a setting, and so is who the creditor is.
// These are the defaults; « Paramètres » overrides them (see settings-table.ts).
import { DEFAULT_LADDER, type LadderSettings } from "./ladder";
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
  /** The user's wording of the emails, per step and profile; none = the built-in text. */
  templates: readonly MessageTemplate[];
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
  templates: [],
};

export const DAILY_QUOTAS: Record<AccountType, { emailRecipients: number; documents: number }> = {
  consumer: { emailRecipients: 100, documents: 250 },
  workspace: { emailRecipients: 1500, documents: 1500 },
};

/** What a letter needs of the creditor's identity and « Paramètres » lacks (a mise en
 * demeure must identify the creditor): the labels to fill in, in French. */
export function missingCreditorIdentity(creditor: Creditor): string[] {
  const needed: [keyof Creditor, string][] = [
    ["companyName", "Raison sociale"],
    ["address", "Adresse"],
  ];
  return needed.filter(([field]) => creditor[field].trim() === "").map(([, label]) => label);
}
