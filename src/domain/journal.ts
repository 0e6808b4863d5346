// The Journal: an append-only trace of every action and exchange. It is also the memory
// that makes the daily run idempotent: a send is keyed by (invoices, step), journaled as
// an intent before it happens and confirmed after.
import { type CalendarDate, calendarDate, formatFrenchDate, parseIsoDate } from "./calendar-date";
import { addressesOf, type Claim, debtorKey, debtorOf } from "./claim";
import { DECLARATION_STEP } from "./insolvency";
import { STEP_LABELS, type StepLabel, type StepNumber } from "./ladder";
import { formatEuros, parseAmountText, roundToCent } from "./money";
import { parsePlanNoticeStep } from "./payment-plan";
import { matchLabel } from "./text";

export const JOURNAL_HEADERS = [
  "Date",
  "Factures",
  "Client",
  "Étape",
  "Canal",
  "Destinataire",
  "Objet",
  "Résultat",
  "Document",
  "Par",
  // Appended last, so that a Journal written before it keeps its columns (read by header).
  "PDF",
] as const;

export const OUTCOMES = {
  intent: "En cours",
  sent: "Envoyé",
  /** A mise en demeure: the email left with its PDF, the registered letter is still to post. */
  sentLrarToPost: "Email envoyé — LRAR à poster",
  /** A mise en demeure without an email: the letter is ready, to post by registered mail. */
  letterLrarToPost: "Courrier prêt — LRAR à poster",
  toCheck: "À vérifier",
  task: "Tâche à faire",
  prepared: "Dossier prêt",
  postponed: "Reporté",
  failed: "Échec",
  /** Google refused the address: nothing left, not retried while the address is the same. */
  refused: "Adresse refusée",
  documentCreated: "Document créé",
  agreed: "Convenu",
  runFailed: "Erreur d'exécution",
  /** The run's own notes: it waits (a day without sending), another run is at work… */
  note: "Information",
} as const;

export type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES];

/** The Journal's « Par »: who acted. One form each, so the column can be filtered. */
export const ACTORS = {
  automatic: "Recouvra (automatique)",
  manual: "Recouvra (manuel)",
  sidebar: "Recouvra (panneau)",
} as const;

/** A person acting from the sidebar, when Google tells who. */
export function sidebarActor(email: string): string {
  return email ? `${email} (panneau)` : ACTORS.sidebar;
}

/** The Journal's « Canal » of what Recouvra does (an exchange logged by a person carries
 * its own channel: appel, email reçu…). */
export const CHANNELS = {
  email: "Email",
  letterAndEmail: "Courrier + email",
  letter: "Courrier",
  task: "Tâche",
  dossier: "Dossier",
  call: "Appel",
  plan: "Échéancier",
  registeredLetter: "LRAR",
  system: "Système",
} as const;

export type JournalChannel = (typeof CHANNELS)[keyof typeof CHANNELS];

export interface JournalEntry {
  /** "yyyy-mm-dd HH:mm" in the spreadsheet's zone. */
  at: string;
  invoices: string[];
  client: string;
  step: string;
  channel: string;
  recipient: string;
  subject: string;
  outcome: string;
  document: string;
  by: string;
  /** The PDF file actually sent or made (the file the email carried, or the original to
   * post): absent in a Journal older than its « PDF » column, and for what has no PDF. */
  pdf?: SentPdf;
}

/** A PDF file in Drive, as the dossier names and links it. */
export interface SentPdf {
  name: string;
  url: string;
}

/** The « PDF » cell: the file's name, then its link on a line of its own. */
export function pdfCell(pdf: SentPdf | undefined): string {
  return pdf ? `${pdf.name}\n${pdf.url}` : "";
}

/** A « PDF » cell read back; undefined when it holds no link. */
export function parsePdfCell(cell: string): SentPdf | undefined {
  const lines = cell.trim().split("\n");
  const url = (lines.pop() ?? "").trim();
  if (!/^https:\/\//.test(url)) return undefined;
  return { name: lines.join(" ").trim() || url, url };
}

export function entryDate(entry: Pick<JournalEntry, "at">): CalendarDate | undefined {
  return parseIsoDate(entry.at.slice(0, 10));
}

/** The idempotence key of an action: its step and its invoices, in any order. */
export function actionKey(invoices: readonly string[], step: string): string {
  return `${step}|${[...invoices].sort().join(",")}`;
}

export function entryKey(entry: Pick<JournalEntry, "invoices" | "step">): string {
  return actionKey(entry.invoices, entry.step);
}

/** "F-1, F-2" ⇄ ["F-1", "F-2"] as the Factures column holds them. */
export function invoicesCell(invoices: readonly string[]): string {
  return invoices.join(", ");
}

export function parseInvoicesCell(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** An outcome that means the step happened (or may have: an unconfirmed intent). */
export function isStepTaken(outcome: string): boolean {
  return (
    outcome === OUTCOMES.sent ||
    outcome === OUTCOMES.sentLrarToPost ||
    outcome === OUTCOMES.letterLrarToPost ||
    outcome === OUTCOMES.intent ||
    outcome === OUTCOMES.toCheck ||
    outcome === OUTCOMES.task ||
    outcome === OUTCOMES.prepared
  );
}

export function stepOfEntry(entry: Pick<JournalEntry, "step">): StepNumber | undefined {
  // A payment plan's mise en demeure (a missed instalment) is the invoices' mise en demeure.
  if (parsePlanNoticeStep(entry.step) !== undefined) return 3;
  const label = matchLabel<StepLabel>(STEP_LABELS, entry.step);
  return label === undefined ? undefined : ((STEP_LABELS.indexOf(label) + 1) as StepNumber);
}

export interface StepTaken {
  step: StepNumber;
  date: CalendarDate;
}

/** The last ladder step the Journal shows for each invoice. */
export function stepsTakenByInvoice(journal: readonly JournalEntry[]): Map<string, StepTaken> {
  const taken = new Map<string, StepTaken>();
  for (const entry of journal) {
    const step = stepOfEntry(entry);
    const date = entryDate(entry);
    if (step === undefined || date === undefined || !isStepTaken(entry.outcome)) continue;
    for (const invoice of entry.invoices) {
      const known = taken.get(invoice);
      if (!known || step > known.step || (step === known.step && date > known.date)) {
        taken.set(invoice, { step, date });
      }
    }
  }
  return taken;
}

/** Keys of the actions already done or possibly done (an intent never confirmed). */
export function takenActionKeys(journal: readonly JournalEntry[]): Set<string> {
  return new Set(journal.filter((e) => isStepTaken(e.outcome)).map(entryKey));
}

/** When each debtor, name and address was last contacted, whatever the channel
 * (anti-harassment: one contact a day, and the gap between two, per debtor AND per address). */
export interface ContactIndex {
  /** By debtorOf: a name and its addresses. */
  byDebtor: Map<string, CalendarDate>;
  /** Lines that name no address (a call, a task, a posted letter): they count for every
   * debtor of that name — one wait too many rather than one contact too many. */
  byName: Map<string, CalendarDate>;
  /** By address, whatever the name: « Boulangerie Martin » and « Martin Boulangerie » at
   * one address are one mailbox. */
  byAddress: Map<string, CalendarDate>;
}

function later(map: Map<string, CalendarDate>, key: string, date: CalendarDate): void {
  const known = map.get(key);
  if (!known || date > known) map.set(key, date);
}

/** Records a contact (from the Journal, or a step a user typed in the ledger). */
export function noteContact(
  index: ContactIndex,
  client: string,
  email: string | undefined,
  date: CalendarDate,
): void {
  const addresses = addressesOf(email);
  if (addresses.length === 0) later(index.byName, debtorKey(client), date);
  later(index.byDebtor, debtorOf({ client, email }), date);
  for (const a of addresses) later(index.byAddress, a, date);
}

/** The Journal's « Destinataire » as addresses; none when it holds a person's name. */
function recipientAddresses(recipient: string): string | undefined {
  const addresses = addressesOf(recipient);
  return addresses.length > 0 && addresses.every((a) => a.includes("@")) ? recipient : undefined;
}

export function contactIndex(journal: readonly JournalEntry[]): ContactIndex {
  const index: ContactIndex = { byDebtor: new Map(), byName: new Map(), byAddress: new Map() };
  for (const entry of journal) {
    const date = entryDate(entry);
    if (date === undefined || !isContact(entry)) continue;
    noteContact(index, entry.client, recipientAddresses(entry.recipient), date);
  }
  return index;
}

/** The last day this debtor — or anyone at one of its addresses — was contacted: what
 * contactHoldBack (contact-rule.ts) is asked with, by the daily plan and every sender. */
export function lastJournalContact(
  index: ContactIndex,
  debtor: Pick<Claim, "client" | "email">,
): CalendarDate | undefined {
  const dates = [
    index.byDebtor.get(debtorOf(debtor)),
    index.byName.get(debtorKey(debtor.client)),
    ...addressesOf(debtor.email).map((a) => index.byAddress.get(a)),
  ].filter((d): d is CalendarDate => d !== undefined);
  return dates.sort()[dates.length - 1];
}

// A registered letter's record repeats the mise en demeure already counted as a contact.
const NOT_A_CONTACT_CHANNELS: ReadonlySet<string> = new Set(["Système", "Dossier", "LRAR"]);

const NOT_A_CONTACT: ReadonlySet<string> = new Set([
  OUTCOMES.postponed,
  OUTCOMES.failed,
  OUTCOMES.refused,
  OUTCOMES.runFailed,
  OUTCOMES.note,
]);

/** A line that reached (or may have reached) the debtor: a step taken or an exchange
 * logged; not the run's own notes, nor a dossier handed to a professional, nor a claim
 * declared to the mandataire judiciaire. */
function isContact(entry: JournalEntry): boolean {
  const failed =
    entry.outcome.startsWith(OUTCOMES.failed) || entry.outcome.startsWith(OUTCOMES.refused);
  return (
    !isPaymentEntry(entry) &&
    !NOT_A_CONTACT_CHANNELS.has(entry.channel) &&
    entry.step !== DECLARATION_STEP &&
    !failed &&
    !NOT_A_CONTACT.has(entry.outcome)
  );
}

/** Journal lines about these invoices or this debtor, oldest first: a line naming the
 * client but written to another address is another debtor's of the same name. */
export function timelineOf(
  journal: readonly JournalEntry[],
  client: string,
  invoices: readonly string[],
  email?: string,
): JournalEntry[] {
  const wanted = new Set(invoices);
  const key = debtorKey(client);
  const mine = addressesOf(email);
  const ours = (e: JournalEntry) => {
    if (e.client === "" || debtorKey(e.client) !== key) return false;
    const to = recipientAddresses(e.recipient);
    return to === undefined || addressesOf(to).some((a) => mine.includes(a));
  };
  return journal
    .filter((e) => e.invoices.some((i) => wanted.has(i)) || ours(e))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The days a reminder (step 1 or 2) about one of these invoices really went out: an email
 * the Journal confirms sent — not a task handed to a person, not another invoice's
 * reminder. An invoice the Journal knows nothing of (a ledger typed in by a migrating user)
 * counts its « Dernière étape ». */
export function previousReminderDates(
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
): CalendarDate[] {
  const wanted = new Set(claims.map((c) => c.invoiceNumber));
  const reminders = journal.filter((e) => {
    const step = stepOfEntry(e);
    return (step === 1 || step === 2) && e.invoices.some((i) => wanted.has(i));
  });
  const fromJournal = reminders
    .filter((e) => e.outcome === OUTCOMES.sent)
    .map(entryDate)
    .filter((d): d is CalendarDate => d !== undefined);
  const journaled = new Set(reminders.flatMap((e) => e.invoices));
  const fromLedger = claims.flatMap((c) =>
    !journaled.has(c.invoiceNumber) && c.lastStepDate && (c.lastStep === 1 || c.lastStep === 2)
      ? [c.lastStepDate]
      : [],
  );
  return [...new Set([...fromJournal, ...fromLedger])].sort();
}

/** Was this action (step, invoices) refused by Google for this very address? Then it is not
 * tried again until the address in « Créances » changes. */
export function refusedAddress(
  journal: readonly JournalEntry[],
  key: string,
  recipient: string,
): boolean {
  return journal.some(
    (e) =>
      e.outcome.startsWith(OUTCOMES.refused) && entryKey(e) === key && e.recipient === recipient,
  );
}

/** Did an earlier attempt at this action fail midway (nothing left, maybe a Doc begun)? */
export function failedBefore(journal: readonly JournalEntry[], key: string): boolean {
  return journal.some((e) => e.outcome.startsWith(OUTCOMES.failed) && entryKey(e) === key);
}

/** The last of those reminders, the one the next reminder recalls (« Malgré notre précédent
 * message du … »): the same date whoever sends it, the daily run or the sidebar. */
export function previousReminderDate(
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
): CalendarDate | undefined {
  const dates = previousReminderDates(claims, journal);
  return dates[dates.length - 1];
}

// --- payments received ------------------------------------------------------------
// A payment is journaled as one line per invoice it settles (in whole or part), so that
// what was recovered, and when, can be read back: the Journal is the only record of a
// payment's date and means (« Montant payé » holds only the running total).

export const PAYMENT_STEP = "Paiement reçu";
export const PAYMENT_MEANS = ["Virement", "Chèque", "Carte", "Espèces", "Compensation"] as const;
export type PaymentMeans = (typeof PAYMENT_MEANS)[number];

export const PAYMENT_OUTCOMES = {
  settled: "Encaissé — facture soldée",
  /** A partial payment acknowledges the debt and restarts prescription (C. civ. 2240). */
  partial: "Encaissé — paiement partiel (reconnaissance de dette, C. civ. 2240)",
} as const;

export interface RecordedPayment {
  invoice: string;
  client: string;
  /** The day the money was received (not the day it was recorded). */
  date: CalendarDate;
  amount: number;
  means: string;
  /** The bank statement's label, for a payment imported from one. */
  bankLabel?: string;
}

export function isPaymentEntry(entry: Pick<JournalEntry, "step">): boolean {
  return entry.step === PAYMENT_STEP;
}

/** « Paiement du 12/11/2026 : 1 234,56 € » and, from a bank statement, its label. */
export function paymentSubject(date: CalendarDate, amount: number, bankLabel?: string): string {
  const base = `Paiement du ${formatFrenchDate(date)} : ${formatEuros(amount)}`;
  return bankLabel ? `${base} — relevé : ${bankLabel}` : base;
}

const PAYMENT_SUBJECT = /^Paiement du (\d{2})\/(\d{2})\/(\d{4}) : ([^€]+)€(?: — relevé : (.*))?$/s;

/** The payments the Journal records, read back from their lines; a line a user edited out
 * of shape is skipped rather than guessed. */
export function recordedPayments(journal: readonly JournalEntry[]): RecordedPayment[] {
  const payments: RecordedPayment[] = [];
  for (const entry of journal) {
    if (!isPaymentEntry(entry) || !entry.outcome.startsWith("Encaissé")) continue;
    const m = PAYMENT_SUBJECT.exec(entry.subject);
    const date = m && calendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
    const amount = m ? parseAmountText(m[4] as string) : undefined;
    const invoice = entry.invoices[0];
    if (!date || amount === undefined || amount <= 0 || invoice === undefined) continue;
    payments.push({
      invoice,
      client: entry.client,
      date,
      amount: roundToCent(amount),
      means: entry.channel,
      ...(m?.[5] ? { bankLabel: m[5] } : {}),
    });
  }
  return payments;
}
