// What the sidebar may call through google.script.run: one request schema (zod/mini) and
// one response type per function. The sidebar imports only the TYPES of this file; the
// shell (src/gas/sidebar/server.ts) validates every request against these schemas before
// anything runs. Dates travel as "yyyy-mm-dd" strings: google.script.run refuses Date
// arguments and turns a returned Date into null.
import * as z from "zod/mini";
import { parseIsoDate } from "./domain/calendar-date";
import type { Dashboard } from "./domain/dashboard";
import { EXCHANGE_CHANNELS, EXCHANGE_OUTCOMES, type ExchangeOutcome } from "./domain/exchange";
import { type JournalEntry, PAYMENT_MEANS } from "./domain/journal";
import { PROFILES } from "./domain/ladder";
import { MAX_CLIENT_NAME_LENGTH } from "./domain/ledger-row";
import type { MessageDocument } from "./domain/messages/document";
import { LETTER_KINDS, type LetterKind } from "./domain/messages/letter-kinds";
import type { TemplateSample } from "./domain/messages/template-preview";
import {
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  type MessageTemplate,
  TEMPLATE_STEPS,
} from "./domain/messages/templates";
import { FREQUENCIES, type Frequency, MAX_INSTALMENTS } from "./domain/payment-plan";
import type { HalfYearRates } from "./domain/rates";
import type { AccountType, Creditor } from "./domain/settings";

export type { MessageDocument } from "./domain/messages/document";
export type { LetterKind } from "./domain/messages/letter-kinds";
export type { TemplateSample } from "./domain/messages/template-preview";
export type { MessageTemplate } from "./domain/messages/templates";

// A few zod/mini primitives and refinements only: every other schema kind would weigh on a
// bundle Apps Script re-reads at each call.
const text = (max: number) =>
  z.string().check(z.refine((s) => s.length <= max, `${max} caractères au plus`));
const required = (max: number) =>
  z
    .string()
    .check(
      z.refine((s) => s.trim() !== "" && s.length <= max, `obligatoire, ${max} caractères au plus`),
    );
const oneOf = <T extends string>(values: readonly T[]) =>
  z.custom<T>(
    (v) => typeof v === "string" && (values as readonly string[]).includes(v),
    `une valeur parmi : ${values.join(", ")}`,
  );
const yesNo = z.custom<boolean>((v) => typeof v === "boolean", "vrai ou faux attendu");
const isoDate = z
  .string()
  .check(z.refine((s) => parseIsoDate(s) !== undefined, "date attendue (aaaa-mm-jj)"));
const amount = z
  .number()
  .check(z.refine((n) => Number.isFinite(n) && n > 0 && n < 1e12, "montant supérieur à 0 attendu"));
const isWhole = (n: unknown, min: number, max: number) =>
  typeof n === "number" && Number.isInteger(n) && n >= min && n <= max;
const wholeNumber = (min: number, max: number) =>
  z
    .number()
    .check(z.refine((n) => isWhole(n, min, max), `nombre entier de ${min} à ${max} attendu`));
const client = required(MAX_CLIENT_NAME_LENGTH);
const invoices = z.custom<string[]>(
  (v) =>
    Array.isArray(v) &&
    v.length >= 1 &&
    v.length <= 1000 &&
    v.every((i) => typeof i === "string" && i.trim() !== "" && i.length <= 100),
  "au moins une facture (liste de numéros)",
);

const frequency = oneOf(Object.keys(FREQUENCIES) as Frequency[]);

const planTerms = z.object({
  count: wholeNumber(1, MAX_INSTALMENTS),
  firstDate: isoDate,
  frequency,
});

const letterRequest = z.object({
  client,
  kind: oneOf(Object.keys(LETTER_KINDS) as LetterKind[]),
  invoices,
  /** Postal address and signatory, for the letters the debtor signs. */
  address: z.optional(text(500)),
  representative: z.optional(text(200)),
  /** The sum the letter is about (plan, acknowledgment, settlement); default what is owed. */
  amount: z.optional(amount),
  plan: z.optional(planTerms),
  /** Partial settlement: what the debtor pays, and by when. */
  settlement: z.optional(z.object({ amount, payBy: isoDate })),
  /** Send the PDF to the debtor's email with its covering message. */
  sendEmail: z.optional(yesNo),
  /** The address the user confirmed the email goes to (required with sendEmail). */
  confirmedRecipient: z.optional(text(500)),
});

const exchangeOutcome = oneOf(Object.keys(EXCHANGE_OUTCOMES) as ExchangeOutcome[]);

const days = z.custom<number | null>(
  (v) => v === null || isWhole(v, 0, 365),
  "nombre de jours de 0 à 365, ou vide",
);
const ladderColumn = z.object({ 1: days, 2: days, 3: days, 4: days });

const creditorInput = z.object({
  companyName: text(200),
  address: text(500),
  city: text(100),
  siren: z.string().check(z.regex(/^(\d{3} ?\d{3} ?\d{3})?$/, "9 chiffres attendus")),
  email: z
    .string()
    .check(z.regex(/^([^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,})?$/i, "adresse invalide")),
  phone: text(40),
  signature: text(200),
  iban: z.string().check(z.regex(/^([A-Z]{2}\d{2}[A-Z0-9 ]{10,40})?$/i, "IBAN invalide")),
  bic: z.string().check(z.regex(/^([A-Z0-9]{8}|[A-Z0-9]{11})?$/i, "BIC de 8 ou 11 caractères")),
  paymentReference: text(200),
  paymentLink: z.string().check(z.regex(/^(https:\/\/\S+)?$/, "lien https:// attendu")),
});

/** The email templates, one per step and profile at most; their {{placeholders}} are checked
 * by the domain (validateTemplate) before anything is written. */
const templates = z.custom<MessageTemplate[]>(
  (v) =>
    Array.isArray(v) &&
    v.length <= TEMPLATE_STEPS.length * PROFILES.length &&
    v.every(
      (t: Partial<MessageTemplate> | null) =>
        typeof t === "object" &&
        t !== null &&
        (TEMPLATE_STEPS as readonly unknown[]).includes(t.step) &&
        (PROFILES as readonly unknown[]).includes(t.profile) &&
        typeof t.subject === "string" &&
        t.subject.length <= MAX_SUBJECT_LENGTH &&
        typeof t.body === "string" &&
        t.body.length <= MAX_BODY_LENGTH,
    ),
  `liste de modèles (étape 1 à 3, profil, objet de ${MAX_SUBJECT_LENGTH} caractères et texte de ${MAX_BODY_LENGTH} au plus)`,
);

const empty = z.object({});

/** A bank statement's text (decoded by the sidebar from UTF-8 or Windows-1252). */
const statementText = z
  .string()
  .check(
    z.refine(
      (s) => s.trim() !== "" && s.length <= 2_000_000,
      "relevé vide ou trop long (2 millions de caractères au plus)",
    ),
  );
const statementLines = z.custom<number[]>(
  (v) =>
    Array.isArray(v) &&
    v.length >= 1 &&
    v.length <= 10_000 &&
    v.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 1),
  "au moins une ligne du relevé (numéros de ligne)",
);

export const API_REQUESTS = {
  apiWorkList: empty,
  /** Every debtor with something open; `all`: also those fully paid. */
  apiClients: z.object({ all: z.optional(yesNo) }),
  apiActiveClient: empty,
  apiDossier: z.object({ client }),
  apiPreviewLetter: letterRequest,
  apiCreateLetter: letterRequest,
  apiSchedulePlan: z.object({ client, invoices, total: z.optional(amount), ...planTerms.shape }),
  apiAgreePlan: z.object({ client, invoices, total: z.optional(amount), ...planTerms.shape }),
  apiLogExchange: z.object({
    client,
    invoices,
    date: isoDate,
    channel: oneOf(EXCHANGE_CHANNELS),
    contact: text(200),
    notes: text(2000),
    outcome: exchangeOutcome,
    outcomeDate: z.optional(isoDate),
  }),
  /** The registered letter of a mise en demeure: La Poste's number, posted, received. */
  apiRecordRegisteredLetter: z.object({
    client,
    invoices,
    number: required(40),
    postedOn: isoDate,
    receivedOn: z.optional(isoDate),
  }),
  /** What « Envoyer maintenant » would send, to be confirmed first. */
  apiSendNowPreview: z.object({ client }),
  /** `confirmed`: the step and invoices the user was shown and confirmed; nothing leaves
   * when what would go is no longer exactly that. */
  apiSendNow: z.object({
    client,
    confirmed: z.object({ step: required(100), invoices }),
  }),
  apiOverview: z.object({ refreshSheet: z.optional(yesNo) }),
  apiRecordPayment: z.object({
    client,
    date: isoDate,
    amount,
    means: oneOf(PAYMENT_MEANS),
    /** The invoices ticked; none = the debtor's oldest first. */
    invoices: z.optional(invoices),
  }),
  apiPreviewStatement: z.object({ text: statementText }),
  apiRecordStatement: z.object({ text: statementText, lines: statementLines }),
  apiGetSettings: empty,
  apiSaveSettings: z.object({
    creditor: creditorInput,
    account: oneOf<AccountType>(["consumer", "workspace"]),
    sendHour: wholeNumber(0, 23),
    gapDays: wholeNumber(0, 60),
    formalNoticeDeadlineDays: wholeNumber(1, 60),
    ladder: z.object({
      Standard: ladderColumn,
      Fidèle: ladderColumn,
      "En difficulté": ladderColumn,
      Récalcitrant: ladderColumn,
    }),
    autoRun: yesNo,
    templates,
  }),
};

export type ApiName = keyof typeof API_REQUESTS;
/** What the sidebar sends. */
export type ApiRequest<K extends ApiName> = z.input<(typeof API_REQUESTS)[K]>;
/** What the server works on, once validated. */
export type ApiParsed<K extends ApiName> = z.output<(typeof API_REQUESTS)[K]>;

// --- responses --------------------------------------------------------------------

export type WorkReasonKind =
  | "prescription"
  | "handover"
  | "planMissed"
  | "promiseDue"
  | "step"
  | "task"
  | "instalment"
  | "error";

export interface WorkReason {
  kind: WorkReasonKind;
  /** « Mise en demeure à envoyer », « Promesse du 20/11/2026 échue » … */
  label: string;
  detail: string;
}

export interface WorkItem {
  client: string;
  invoices: string[];
  outstanding: number;
  /** The oldest due date of its open invoices. */
  oldestDue: string;
  reasons: WorkReason[];
}

/** What was done today (the Journal's lines of the day), so « Aujourd'hui » still shows a
 * debtor the morning run already wrote to, and what is left for a person to do. */
export interface DoneToday {
  at: string;
  client: string;
  invoices: string[];
  step: string;
  channel: string;
  recipient: string;
  outcome: string;
  /** sent: reached the debtor; task: a call or a registered letter to post; prepared: a
   * dossier ready for a professional; other: anything else journaled today. */
  kind: "sent" | "task" | "prepared" | "other";
}

export interface WorkList {
  today: string;
  /** Most urgent first. */
  items: WorkItem[];
  /** The Journal's actions of the day, oldest first. */
  done: DoneToday[];
  errors: { row: number; invoice: string; message: string }[];
  totals: { debtors: number; outstanding: number; ledgerOutstanding: number; openInvoices: number };
  /** Settings problems, the missing-rate note … */
  notes: string[];
}

export interface ClientRow {
  client: string;
  emails: string[];
  /** Every invoice number of the debtor (searchable). */
  invoices: string[];
  openInvoices: number;
  outstanding: number;
  /** Oldest due date of the open invoices; "" when none is open. */
  oldestDue: string;
  /** Days since that due date (0 when not late). */
  daysLate: number;
  status: string;
  /** For sorting by status: the most pressing first. */
  statusRank: number;
  nextStep: { label: string; date: string } | null;
}

export interface ClientList {
  today: string;
  all: boolean;
  clients: ClientRow[];
  totals: { withOpen: number; outstanding: number; debtors: number };
}

export interface DossierInvoice {
  invoice: string;
  invoiceDate: string;
  dueDate: string;
  dueDateDefaulted: boolean;
  amount: number;
  paid: number;
  outstanding: number;
  penalties: number;
  indemnity: number;
  status: string;
  nextStep: string;
  nextStepDate: string;
  prescription: string;
  suspendedUntil: string;
  disputed: boolean;
  acknowledgedOn: string;
  lastStep: string;
  lastStepDate: string;
}

/** A Journal line of the dossier's timeline (the dossier already names the client). */
export type TimelineEntry = Omit<JournalEntry, "client">;

export interface InstalmentView {
  number: number;
  date: string;
  amount: number;
  state: "honoured" | "upcoming" | "late" | "missed";
}

export interface PlanView {
  id: string;
  agreedOn: string;
  invoices: string[];
  total: number;
  paidSinceAgreement: number;
  instalments: InstalmentView[];
  defaulted: boolean;
  /** « en défaut — mise en demeure du 12/01/2027, déchéance le 21/01/2027 »; "" while it runs. */
  defaultText: string;
  completed: boolean;
  suspendedUntil: string;
}

export interface Dossier {
  today: string;
  client: string;
  email: string;
  clientType: string;
  profile: string;
  status: string;
  invoices: DossierInvoice[];
  totals: {
    amount: number;
    paid: number;
    outstanding: number;
    penalties: number;
    indemnity: number;
    total: number;
    penaltiesOfficial: boolean;
  };
  nextStep: { label: string; date: string; invoices: string[] } | null;
  /** Earliest last day to act of the open invoices. */
  prescription: string;
  prescriptionSoon: boolean;
  timeline: TimelineEntry[];
  plans: PlanView[];
  /** The registered letters recorded for its mises en demeure, oldest first. */
  registeredLetters: { number: string; postedOn: string; receivedOn: string; invoices: string[] }[];
  /** Postal address and SIREN as the ledger has them (« Adresse », « SIREN »). */
  address: string;
  siren: string;
  notes: string[];
}

export interface LetterPreview {
  kind: LetterKind;
  document: MessageDocument;
  /** The email that would carry the PDF; null when this letter is not emailed. */
  email: MessageDocument | null;
  recipient: string;
  warnings: string[];
}

export interface LetterCreated {
  title: string;
  docUrl: string;
  pdfUrl: string;
  emailedTo: string;
  outcome: string;
  dossier: Dossier;
}

export interface PlanSchedule {
  total: number;
  instalments: { number: number; date: string; amount: number }[];
  problems: string[];
  /** Accepted, but time runs out (an instalment after the last day to act). */
  warnings: string[];
  /** What « Suspendu jusqu'au » will say once agreed. */
  suspendedUntil: string;
}

export interface SendNowPreview {
  /** What would go now, in the order it would go (one contact a day: at most one step). */
  actions: {
    step: string;
    channel: string;
    to: string;
    invoices: { invoice: string; outstanding: number }[];
    outstanding: number;
    /** With penalties and the indemnity where the law allows them. */
    total: number;
  }[];
  /** Why the debtor's other invoices wait. */
  waiting: { invoice: string; reason: string }[];
}

export interface SendNowResult {
  /** One French sentence: what was done, or why nothing was. */
  message: string;
  actions: {
    step: string;
    channel: string;
    to: string;
    subject: string;
    outcome: string;
    docUrl: string;
  }[];
  waiting: { invoice: string; reason: string }[];
  dossier: Dossier;
}

export type LadderView = Record<(typeof PROFILES)[number], Record<1 | 2 | 3 | 4, number | null>>;

export interface SettingsView {
  creditor: Creditor;
  account: AccountType;
  sendHour: number;
  gapDays: number;
  formalNoticeDeadlineDays: number;
  ladder: LadderView;
  autoRun: boolean;
  /** The user's email templates; a step and profile without one uses the built-in text. */
  templates: MessageTemplate[];
  /** For the live preview: the rates the amounts use, and a dossier of the ledger. */
  rates: HalfYearRates[];
  sample: TemplateSample | null;
  problems: string[];
}

/** « Vue d'ensemble »: the dashboard's figures (the same function as the sheet's). */
export type Overview = Dashboard & { sheetRefreshed: boolean };

export interface PaymentRecorded {
  /** One French sentence: what was recorded on which invoices. */
  message: string;
  dossier: Dossier;
}

export interface StatementLineView {
  line: number;
  date: string;
  label: string;
  amount: number;
}

export interface StatementReview {
  matched: (StatementLineView & {
    client: string;
    /** « invoice »: a number in the label; « amount »: exact amount and the client's name. */
    kind: "invoice" | "amount";
    allocations: { invoice: string; amount: number; settled: boolean }[];
  })[];
  unmatched: (StatementLineView & { reason: string })[];
  debits: number;
  problems: string[];
}

export interface StatementRecorded {
  message: string;
  /** What is left to review once the confirmed lines are recorded. */
  review: StatementReview;
}

export interface ApiResponses {
  apiWorkList: WorkList;
  apiClients: ClientList;
  apiActiveClient: { client: string | null };
  apiDossier: Dossier;
  apiPreviewLetter: LetterPreview;
  apiCreateLetter: LetterCreated;
  apiSchedulePlan: PlanSchedule;
  apiAgreePlan: Dossier;
  apiLogExchange: Dossier;
  apiSendNowPreview: SendNowPreview;
  apiRecordRegisteredLetter: Dossier;
  apiSendNow: SendNowResult;
  apiOverview: Overview;
  apiRecordPayment: PaymentRecorded;
  apiPreviewStatement: StatementReview;
  apiRecordStatement: StatementRecorded;
  apiGetSettings: SettingsView;
  apiSaveSettings: SettingsView;
}

export type ApiResponse<K extends ApiName> = ApiResponses[K];

/** The fields' names as the sidebar labels them, so that a refusal names what the user sees
 * (« SIREN : 9 chiffres attendus », not « creditor.siren ») and the field can be found. */
export const FIELD_LABELS: Record<string, string> = {
  "creditor.companyName": "Raison sociale",
  "creditor.address": "Adresse",
  "creditor.city": "Ville",
  "creditor.siren": "SIREN",
  "creditor.email": "Email de réponse",
  "creditor.phone": "Téléphone",
  "creditor.signature": "Signature",
  "creditor.iban": "IBAN",
  "creditor.bic": "BIC",
  "creditor.paymentReference": "Référence à rappeler",
  "creditor.paymentLink": "Lien de paiement",
  sendHour: "Heure d'envoi",
  gapDays: "Délai minimal entre deux contacts",
  formalNoticeDeadlineDays: "Délai de la mise en demeure",
  account: "Type de compte",
  templates: "Modèles d'emails",
  invoices: "Factures",
  amount: "Montant",
  total: "Montant",
  firstDate: "Première échéance",
  count: "Nombre d'échéances",
  date: "Date",
  outcomeDate: "Date promise / de signature",
};

/** The French sentence for a refused request: « SIREN : 9 chiffres attendus ». */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const where = i.path.map(String).join(".");
      const label =
        FIELD_LABELS[where] ??
        (where.startsWith("ladder.") ? `Échelle (${i.path.slice(1).join(", étape ")})` : where);
      const what = i.code === "custom" ? i.message : "valeur invalide";
      return label ? `${label} : ${what}` : what;
    })
    .join(" ; ");
}
