// What the daily run does today: which debtor gets which step for which invoices, in
// what order, and why every other invoice waits. Pure: the shell executes the plan.
import { addDays, type CalendarDate, formatFrenchDate } from "./calendar-date";
import {
  addressesOf,
  type Claim,
  debtorOf,
  isOverdue,
  isPaid,
  isSuspended,
  outstanding,
} from "./claim";
import { claimNotes } from "./claim-notes";
import { contactHoldBack, lastContactOf } from "./contact-rule";
import { DECLARATION_STEP, declarationDeadline, isUnderInsolvency } from "./insolvency";
import {
  actionKey,
  CHANNELS,
  contactIndex,
  isStepTaken,
  type JournalEntry,
  lastJournalContact,
  noteContact,
  OUTCOMES,
  type SentPdf,
  stepOfEntry,
  stepsTakenByInvoice,
  takenActionKeys,
} from "./journal";
import { type StepLabel, type StepNumber, stepLabel } from "./ladder";
import type { LedgerLine } from "./ledger";
import { claimProblemOn } from "./ledger-row";
import { nextStep, reasonNothingScheduled } from "./next-step";
import { isPrescribed, lastDayToAct } from "./prescription";
import { handoverAfterReceipt } from "./registered-letter";
import type { RecoverySettings } from "./settings";
import { claimStatus } from "./status";
import { projectedStep } from "./step-projection";
import { ofName } from "./text";

export type ActionChannel = "email" | "letter" | "task" | "dossier";

export interface PlannedAction {
  /** Idempotence key: step and invoices. */
  key: string;
  step: StepNumber;
  stepLabel: StepLabel;
  channel: ActionChannel;
  client: string;
  /** Where the message goes; undefined when the debtor has no address (a task instead). */
  email: string | undefined;
  claims: Claim[];
  invoices: string[];
  /** Of `invoices`, those that joined a mise en demeure or a dossier as the debtor escalated
   * as a whole (late, open invoices at a lower step). */
  joined: string[];
  /** A mise en demeure's « Poster en LRAR » task, planned with it. */
  lrarTask?: PlannedTask;
}

/** A task for a person, journaled « Tâche à faire »: post a registered letter, declare a
 * claim to the mandataire judiciaire. */
export interface PlannedTask {
  /** Idempotence key: what it is and its invoices. */
  key: string;
  /** The Journal's « Étape ». */
  step: string;
  client: string;
  invoices: string[];
  /** What to do, in French (the Journal's « Objet »). */
  text: string;
}

export interface ClaimNote {
  invoice: string;
  note: string;
}

export interface Skip {
  invoice: string;
  reason: string;
}

export interface RowError {
  invoice: string;
  /** 1-based sheet row. */
  row: number;
  message: string;
}

export type { LedgerLine } from "./ledger";

export interface DailyPlan {
  today: CalendarDate;
  /** In priority order: oldest due date first, then largest amount. */
  actions: PlannedAction[];
  skipped: Skip[];
  errors: RowError[];
  /** Tasks that go with no message: the declarations of claims under a procédure collective,
   * and a « Poster en LRAR » task a stopped run left out. */
  tasks: PlannedTask[];
  /** What the user should know about a row that is not an error (Type non renseigné, an
   * Échéance beyond the legal term). */
  notes: ClaimNote[];
  /** Journal intents never confirmed: a run died between journaling and confirming. */
  unconfirmed: JournalEntry[];
}

function channelFor(step: StepNumber, email: string | undefined): ActionChannel {
  if (step === 4) return "dossier";
  if (step === 3) return "letter";
  return email ? "email" : "task";
}

/** The claim at the step the ledger's two columns will show once repaired (docs/architecture.md:
 * the Journal is the truth). */
function withJournalSteps(claim: Claim, taken: ReturnType<typeof stepsTakenByInvoice>): Claim {
  const shown = projectedStep(
    { step: claim.lastStep, date: claim.lastStepDate },
    taken.get(claim.invoiceNumber),
  );
  return shown ? { ...claim, lastStep: shown.step, lastStepDate: shown.date } : claim;
}

function waitingReason(claim: Claim, today: CalendarDate, settings: RecoverySettings): string {
  const why = reasonNothingScheduled(claim, today, settings.ladder);
  if (why === "paid") return "Soldée";
  if (why === "disputed") return "En litige : relances arrêtées";
  if (why === "insolvency")
    return `Procédure collective ouverte le ${formatFrenchDate(claim.insolvencyJudgment as CalendarDate)} : aucune relance, la créance est à déclarer au mandataire judiciaire`;
  if (why === "prescribed")
    return `Prescrite depuis le ${formatFrenchDate(addDays(lastDayToAct(claim), 1))}`;
  if (why === "ladder-done") return "Transmise à un professionnel : plus rien à envoyer";
  const next = nextStep(claim, today, settings.ladder);
  const status = claimStatus(claim, today);
  const prefix =
    status === "Suspendue"
      ? `Suspendue jusqu'au ${formatFrenchDate(claim.suspendedUntil as CalendarDate)} ; `
      : "";
  return next
    ? `${prefix}${stepLabel(next.step)} prévue le ${formatFrenchDate(next.date)}`
    : status;
}

interface StepGroup {
  step: StepNumber;
  claims: Claim[];
}

/** What the user reads when an invoice of a debtor already handed over falls due. */
export const HANDED_OVER_REASON = "Client transmis : à ajouter au dossier";

/** The debtor was handed over to a professional: an open invoice is at step 4. From then on
 * Recouvra writes nothing more to that debtor. */
export function isHandedOver(claims: readonly Claim[]): boolean {
  return claims.some((c) => c.lastStep === 4 && !isPaid(c));
}

/** Why nothing may be written to this debtor today, whoever sends (the sidebar's letters
 * too), in French; undefined when a message may go. */
export function whyNoMessageToday(
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  settings: RecoverySettings,
): string | undefined {
  if (isHandedOver(claims))
    return "client transmis à un professionnel : Recouvra ne lui écrit plus";
  const head = claims[0];
  const fromJournal = head ? lastJournalContact(contactIndex(journal), head) : undefined;
  return contactHoldBack(lastContactOf(claims, fromJournal), today, settings.ladder.gapDays);
}

/** An invoice of the debtor that joins a mise en demeure or a dossier going out today: late,
 * open, undisputed, not suspended today, not prescribed, not under a procédure collective,
 * and at a lower step (docs/ladder.md: the debtor escalates as a whole). */
export function joinsEscalation(claim: Claim, step: StepNumber, today: CalendarDate): boolean {
  return (
    step >= 3 &&
    isOverdue(claim, today) &&
    !isPaid(claim) &&
    !claim.disputed &&
    !isSuspended(claim, today) &&
    !isPrescribed(claim, today) &&
    !isUnderInsolvency(claim) &&
    (claim.lastStep ?? 0) < step
  );
}

const REGISTERED_LETTER = "Poster en LRAR";

/** The idempotence key of the « Poster en LRAR » task of the mise en demeure journaled as
 * `noticeStep` (the ladder's, or a payment plan's for a missed instalment). */
function registeredLetterKey(invoices: readonly string[], noticeStep: string): string {
  return noticeStep === stepLabel(3)
    ? actionKey(invoices, REGISTERED_LETTER)
    : actionKey(invoices, `${REGISTERED_LETTER} — ${noticeStep}`);
}

/** The « Poster en LRAR » task of a mise en demeure, with the debtor's postal address;
 * `notice` names a payment plan's mise en demeure (its Journal « Étape » and what it is
 * about), journaled under that step. */
export function registeredLetterTask(
  client: string,
  invoices: readonly string[],
  address: string | undefined,
  notice?: { step: string; about: string },
): PlannedTask {
  const where = address ? address.split("\n").join(", ") : "adresse postale manquante";
  const step = notice?.step ?? stepLabel(3);
  const about = notice ? `, ${notice.about}` : "";
  return {
    key: registeredLetterKey(invoices, step),
    step,
    client,
    invoices: [...invoices],
    text: `${REGISTERED_LETTER} la mise en demeure ${ofName(client)} (${invoicesText(invoices)}${about}) : ${where}`,
  };
}

/** What a mise en demeure's Journal line says once made, whoever made it: the email left
 * or the letter is ready — the registered letter is still to post either way. */
export function formalNoticeOutcome(emailed: boolean): string {
  return emailed ? OUTCOMES.sentLrarToPost : OUTCOMES.letterLrarToPost;
}

/** The Journal line of a mise en demeure's « Poster en LRAR » task, following the notice's
 * own line; it links the original to post (its Doc, and its PDF). */
export function registeredLetterTaskEntry(
  notice: JournalEntry,
  task: PlannedTask,
  original: { document: string; pdf?: SentPdf },
): JournalEntry {
  return {
    ...notice,
    step: task.step,
    channel: CHANNELS.task,
    recipient: "",
    subject: task.text,
    outcome: OUTCOMES.task,
    document: original.document,
    ...(original.pdf ? { pdf: original.pdf } : {}),
  };
}

/** A Journal line holding a « Poster en LRAR » task. */
export function isRegisteredLetterTask(entry: Pick<JournalEntry, "channel" | "subject">): boolean {
  return entry.channel === "Tâche" && entry.subject.startsWith(REGISTERED_LETTER);
}

/** Mises en demeure the Journal shows done but without their « Poster en LRAR » task (a run
 * stopped between the two): the task is planned again, once. */
function missingRegisteredLetterTasks(
  journal: readonly JournalEntry[],
  addressOf: (invoices: readonly string[]) => string | undefined,
): PlannedTask[] {
  const planned = new Set(
    journal.filter(isRegisteredLetterTask).map((e) => registeredLetterKey(e.invoices, e.step)),
  );
  const tasks: PlannedTask[] = [];
  for (const e of journal) {
    const done = e.outcome === OUTCOMES.sentLrarToPost || e.outcome === OUTCOMES.letterLrarToPost;
    if (!done || stepOfEntry(e) !== 3) continue;
    const notice = e.step === stepLabel(3) ? undefined : { step: e.step, about: e.step };
    const task = registeredLetterTask(e.client, e.invoices, addressOf(e.invoices), notice);
    if (planned.has(task.key)) continue;
    planned.add(task.key);
    tasks.push(task);
  }
  return tasks;
}

/** The « Déclarer la créance » task of a debtor under a procédure collective. */
export function declarationTask(
  client: string,
  claims: readonly Claim[],
  judgment: CalendarDate,
): PlannedTask {
  const invoices = claims.map((c) => c.invoiceNumber);
  return {
    key: actionKey(invoices, DECLARATION_STEP),
    step: DECLARATION_STEP,
    client,
    invoices,
    text: `Déclarer la créance au mandataire judiciaire avant le ${formatFrenchDate(declarationDeadline(judgment))} : ${client}, procédure collective ouverte le ${formatFrenchDate(judgment)} (${invoicesText(invoices)})`,
  };
}

/** The debtor's postal address: the first the ledger gives for these claims. */
export function addressOf(claims: readonly (Claim | undefined)[]): string | undefined {
  return claims.find((c) => c?.address !== undefined)?.address;
}

function invoicesText(invoices: readonly string[]): string {
  return `${invoices.length > 1 ? "factures" : "facture"} ${invoices.join(", ")}`;
}

/** The invoices whose declaration task the Journal already holds: it is planned once per
 * debtor — by its invoices, not its name, so that a homonym at another address under its own
 * procédure gets its own task. */
function declaredInvoices(journal: readonly JournalEntry[]): Set<string> {
  return new Set(
    journal
      .filter((e) => e.step === DECLARATION_STEP && isStepTaken(e.outcome))
      .flatMap((e) => e.invoices),
  );
}

export function planDailyRun(
  lines: readonly LedgerLine[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  settings: RecoverySettings,
): DailyPlan {
  const taken = stepsTakenByInvoice(journal);
  const takenKeys = takenActionKeys(journal);
  const contacts = contactIndex(journal);
  const declared = declaredInvoices(journal);
  const errors: RowError[] = [];
  const skipped: Skip[] = [];
  const notes: ClaimNote[] = [];
  const debtors = new Map<string, Claim[]>();
  const seen = new Set<string>();

  for (const line of lines) {
    const { reading } = line;
    if (reading.kind === "blank") continue;
    if (reading.kind === "error") {
      errors.push({ invoice: line.invoiceText, row: line.row, message: reading.message });
      continue;
    }
    if (seen.has(reading.claim.invoiceNumber)) {
      const message = `N° facture : « ${reading.claim.invoiceNumber} » figure sur plusieurs lignes ; seule la première est suivie`;
      errors.push({ invoice: line.invoiceText, row: line.row, message });
      continue;
    }
    seen.add(reading.claim.invoiceNumber);
    const problem = claimProblemOn(reading.claim, today);
    if (problem !== undefined) {
      errors.push({ invoice: line.invoiceText, row: line.row, message: problem });
      continue;
    }
    for (const note of claimNotes(reading.claim))
      notes.push({ invoice: reading.claim.invoiceNumber, note });
    const claim = withJournalSteps(reading.claim, taken);
    // The debtor's last contact also counts from the ledger (a user migrating types it);
    // a handover is not a contact: the dossier goes to a professional, not to the debtor.
    const debtor = debtorOf(claim);
    if (claim.lastStepDate !== undefined && claim.lastStep !== 4) {
      noteContact(contacts, claim.client, claim.email, claim.lastStepDate);
    }
    debtors.set(debtor, [...(debtors.get(debtor) ?? []), claim]);
  }

  const actions: PlannedAction[] = [];
  const tasks: PlannedTask[] = [];
  for (const claims of debtors.values()) {
    const skip = (c: Claim, reason: string) => skipped.push({ invoice: c.invoiceNumber, reason });

    // A procédure collective: no reminder for the claims born on or before the judgment,
    // one declaration task for them (L622-24); later claims go on as usual (L622-17).
    const insolvent = claims.filter((c) => isUnderInsolvency(c) && !isPaid(c));
    const first = insolvent[0];
    if (first !== undefined && !insolvent.some((c) => declared.has(c.invoiceNumber))) {
      const task = declarationTask(
        first.client,
        insolvent,
        first.insolvencyJudgment as CalendarDate,
      );
      if (!takenKeys.has(task.key)) tasks.push(task);
    }

    // After the handover, the professional is in charge: nothing more is written.
    if (isHandedOver(claims)) {
      for (const c of claims) {
        const open = !isPaid(c) && !isUnderInsolvency(c) && c.lastStep !== 4;
        skip(c, open ? HANDED_OVER_REASON : waitingReason(c, today, settings));
      }
      continue;
    }

    const groups = new Map<StepNumber, StepGroup>();
    const waitsForReceipt = new Map<Claim, string>();
    for (const claim of claims) {
      const next = nextStep(claim, today, settings.ladder);
      if (!next || next.date > today) continue;
      const receipt =
        next.step === 4
          ? handoverAfterReceipt(claim, journal, settings.ladder.formalNoticeDeadlineDays)
          : undefined;
      if (receipt && receipt.notBefore > today) {
        waitsForReceipt.set(
          claim,
          `${stepLabel(4)} le ${formatFrenchDate(receipt.notBefore)} : le délai de la mise en demeure court de sa réception, le ${formatFrenchDate(receipt.receivedOn)} (article 1344 du Code civil)`,
        );
        continue;
      }
      const group = groups.get(next.step) ?? { step: next.step, claims: [] };
      group.claims.push(claim);
      groups.set(next.step, group);
    }
    // One contact per debtor per day, the most advanced step first; the gap does not hold
    // back a dossier, which is not sent to the debtor.
    const [chosen, ...later] = [...groups.values()].sort((a, b) => b.step - a.step);
    if (chosen === undefined) {
      for (const c of claims) skip(c, waitsForReceipt.get(c) ?? waitingReason(c, today, settings));
      continue;
    }
    const joined = claims.filter(
      (c) => !chosen.claims.includes(c) && joinsEscalation(c, chosen.step, today),
    );
    const going = [...chosen.claims, ...joined];
    const holdBack =
      chosen.step === 4
        ? undefined
        : contactHoldBack(
            lastContactOf(claims, lastJournalContact(contacts, chosen.claims[0] as Claim)),
            today,
            settings.ladder.gapDays,
          );
    for (const c of claims) {
      const due = [chosen, ...later].find((g) => g.claims.includes(c));
      if (holdBack !== undefined && due !== undefined)
        skip(c, `${stepLabel(due.step)} reportée : ${holdBack}`);
      else if (holdBack !== undefined || !going.includes(c))
        skip(
          c,
          due
            ? `${stepLabel(due.step)} reportée : un seul envoi par jour et par client (${stepLabel(chosen.step)} aujourd'hui)`
            : (waitsForReceipt.get(c) ?? waitingReason(c, today, settings)),
        );
    }
    if (holdBack !== undefined) continue;
    const invoices = going.map((c) => c.invoiceNumber);
    const label = stepLabel(chosen.step);
    const key = actionKey(invoices, label);
    if (takenKeys.has(key)) {
      for (const i of invoices)
        skipped.push({ invoice: i, reason: `${label} déjà faite (Journal)` });
      continue;
    }
    const email = going.find((c) => c.email !== undefined)?.email;
    const client = chosen.claims[0]?.client ?? "";
    const action: PlannedAction = {
      key,
      step: chosen.step,
      stepLabel: label,
      channel: channelFor(chosen.step, email),
      client,
      email,
      claims: going,
      invoices,
      joined: joined.map((c) => c.invoiceNumber),
    };
    if (chosen.step === 3)
      action.lrarTask = registeredLetterTask(client, invoices, addressOf(going));
    actions.push(action);
  }

  const byInvoice = new Map([...debtors.values()].flat().map((c) => [c.invoiceNumber, c]));
  tasks.push(
    ...missingRegisteredLetterTasks(journal, (invoices) =>
      addressOf(invoices.map((i) => byInvoice.get(i))),
    ),
  );
  actions.sort(byPriority);
  const unconfirmed = journal.filter((e) => e.outcome === OUTCOMES.intent);
  const oneEach = onePerAddress(actions);
  for (const { action, other, address } of oneEach.held)
    for (const i of action.invoices)
      skipped.push({
        invoice: i,
        reason: `${action.stepLabel} reportée : ${address} reçoit déjà aujourd'hui le courrier de « ${other.client} » (un seul envoi par jour et par adresse)`,
      });
  return {
    today,
    actions: oneEach.kept,
    skipped,
    errors,
    tasks,
    notes,
    unconfirmed,
  };
}

/** Oldest due date first, then the largest amount owed. */
function byPriority(a: PlannedAction, b: PlannedAction): number {
  const oldest = (x: PlannedAction) => x.claims.map((c) => c.dueDate).sort()[0] ?? "";
  const owed = (x: PlannedAction) => x.claims.reduce((s, c) => s + outstanding(c), 0);
  const byDate = oldest(a).localeCompare(oldest(b));
  return byDate !== 0 ? byDate : owed(b) - owed(a);
}

/** At most one contact per email address per day, whatever the spelling of the name: in
 * priority order, an action to an address already written to today waits. A dossier goes
 * to a professional, not to the debtor: it is not a contact. */
export function onePerAddress(actions: readonly PlannedAction[]): {
  kept: PlannedAction[];
  held: { action: PlannedAction; other: PlannedAction; address: string }[];
} {
  const writtenTo = new Map<string, PlannedAction>();
  const kept: PlannedAction[] = [];
  const held: { action: PlannedAction; other: PlannedAction; address: string }[] = [];
  for (const action of actions) {
    const addresses = action.channel === "dossier" ? [] : addressesOf(action.email);
    const clash = addresses.find((a) => writtenTo.has(a));
    if (clash !== undefined) {
      held.push({ action, other: writtenTo.get(clash) as PlannedAction, address: clash });
      continue;
    }
    for (const a of addresses) writtenTo.set(a, action);
    kept.push(action);
  }
  return { kept, held };
}
