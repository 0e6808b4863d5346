// The daily run: read the ledger, the Journal and the settings in bulk, let the domain
// plan, then act one debtor at a time — journal the intent, act, confirm — and write the
// ledger back by N° facture. Guarded by the document lock, the 6-minute limit and the
// daily quotas; whatever does not fit waits for the next run, in priority order.

import type { CalendarDate } from "../domain/calendar-date";
import { debtorOf, outstanding } from "../domain/claim";
import { type DailyPlan, type PlannedAction, planDailyRun } from "../domain/daily-plan";
import {
  type JournalEntry,
  OUTCOMES,
  previousReminderDate,
  previousReminderDates,
  timelineOf,
} from "../domain/journal";
import { buildFormalNotice } from "../domain/messages/formal-notice";
import { buildHandoverDossier, taskText } from "../domain/messages/handover";
import { buildReminder } from "../domain/messages/reminder";
import { DAILY_QUOTAS, missingCreditorIdentity, type RecoverySettings } from "../domain/settings";
import { runActor } from "./actor";
import { createDocument, documentsLeftOn } from "./documents";
import {
  appendJournal,
  confirmJournal,
  type JournalLine,
  type JournalRef,
  markJournal,
  readJournal,
} from "./journal-sheet";
import { type LedgerRead, readLedger, type StepDone, writeStepsDone } from "./ledger-sheet";
import { LOCK_WAIT_MS } from "./lock";
import { recipientCount, sendMessage } from "./mailer";
import { type ActionReport, type RunReport, saveReport } from "./run-report";
import { readSettings } from "./settings-sheet";
import { type SheetDates, sheetDates } from "./sheet-dates";
import { activeSpreadsheet } from "./sheets";

/** Stop taking new actions past 5 minutes: Apps Script kills a run at 6. */
export const TIME_BUDGET_MS = 5 * 60 * 1000;

interface RunContext {
  dates: SheetDates;
  today: CalendarDate;
  settings: RecoverySettings;
  journal: JournalLine[];
  by: string;
  startedMs: number;
  emailsLeft: number;
  docsLeft: number;
}

type Quota = "email" | "documents";

const QUOTA_REASONS: Record<Quota, string> = {
  email: "quota d'emails du jour atteint",
  documents: "quota de documents du jour atteint",
};

class QuotaReached extends Error {
  constructor(readonly quota: Quota) {
    super(QUOTA_REASONS[quota]);
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof Error && /too many times|trop de fois/i.test(e.message);
}

/** The daily quota an error says is used up: ours, or Google's own message ("…: email.",
 * "…: docs create."); undefined for any other error. */
function quotaOf(e: unknown): Quota | undefined {
  if (e instanceof QuotaReached) return e.quota;
  if (!isQuotaError(e)) return undefined;
  return /\bdocs?\b|document/i.test((e as Error).message) ? "documents" : "email";
}

/** The quotas an action draws on: an email to the debtor (steps 1–3 with an address), a
 * Doc (steps 3–4). A task draws on none. */
function quotasOf(action: PlannedAction): Quota[] {
  const quotas: Quota[] = [];
  if (action.email && action.step < 4) quotas.push("email");
  if (action.step >= 3) quotas.push("documents");
  return quotas;
}

function runBy(trigger: RunReport["trigger"]): string {
  return runActor(trigger === "automatique");
}

/** A line of the run's own: not about a debtor, never a contact. */
function systemEntry(subject: string, outcome: string, by: string): JournalEntry {
  return {
    at: "",
    invoices: [],
    client: "",
    step: "Exécution",
    channel: "Système",
    recipient: "",
    subject,
    outcome,
    document: "",
    by,
  };
}

function journalEntry(
  action: PlannedAction,
  ctx: RunContext,
  fields: Partial<JournalEntry>,
): JournalEntry {
  return {
    at: "",
    invoices: action.invoices,
    client: action.client,
    step: action.stepLabel,
    channel: "Email",
    recipient: action.email ?? "",
    subject: "",
    outcome: OUTCOMES.intent,
    document: "",
    by: ctx.by,
    ...fields,
  };
}

/** Runs `act` for a journaled intent; if it throws, nothing was sent: the line says so
 * (postponed for a quota, failed otherwise) instead of staying an unconfirmed intent. */
function settleIntent<T>(row: JournalRef, act: () => T): T {
  try {
    return act();
  } catch (e) {
    const quota = quotaOf(e) !== undefined;
    const message = e instanceof Error ? e.message : String(e);
    confirmJournal(row, quota ? OUTCOMES.postponed : `${OUTCOMES.failed} : ${message}`);
    throw e;
  }
}

/** The last reminder these invoices had, for « Malgré notre précédent message du … ». */
function previousContact(action: PlannedAction, journal: readonly JournalEntry[]) {
  const last = previousReminderDate(action.claims, journal);
  return last === undefined ? {} : { previousContact: last };
}

/** Does one planned action; returns its report line. Throws QuotaReached before acting
 * when a quota would be exceeded. */
function execute(action: PlannedAction, ctx: RunContext): ActionReport {
  const { today, settings } = ctx;
  const owed = action.claims.reduce((sum, c) => sum + outstanding(c), 0);
  const report: ActionReport = {
    invoices: action.invoices,
    client: action.client,
    step: action.stepLabel,
    channel: action.channel,
    to: action.email ?? "",
    subject: "",
    outcome: "",
  };
  const recipients = action.email ? recipientCount(action.email) : 0;
  const needsDoc = action.step >= 3;
  if (recipients > ctx.emailsLeft && action.step < 4) throw new QuotaReached("email");
  // A mise en demeure emailed is two documents: the original to post, the copy attached.
  const docsNeeded = action.step === 3 && action.email ? 2 : needsDoc ? 1 : 0;
  if (ctx.docsLeft < docsNeeded) throw new QuotaReached("documents");

  if (action.step === 1 || action.step === 2) {
    const message = buildReminder({
      step: action.step,
      client: action.client,
      claims: action.claims,
      today,
      settings,
      ...previousContact(action, ctx.journal),
    });
    if (!action.email) {
      const subject = taskText(action.stepLabel, action.client, action.claims, owed, false);
      appendJournal(
        [journalEntry(action, ctx, { channel: "Tâche", subject, outcome: OUTCOMES.task })],
        new Date(),
      );
      return { ...report, channel: "task", subject, outcome: OUTCOMES.task };
    }
    const [row] = appendJournal(
      [journalEntry(action, ctx, { subject: message.title })],
      new Date(),
    );
    const to = action.email;
    settleIntent(row as JournalRef, () => sendMessage(to, message, settings.creditor));
    ctx.emailsLeft -= recipients;
    confirmJournal(row as JournalRef, OUTCOMES.sent);
    return { ...report, subject: message.title, outcome: OUTCOMES.sent };
  }

  if (action.step === 3) {
    const notice = buildFormalNotice({
      client: action.client,
      claims: action.claims,
      today,
      settings,
      previousReminders: previousReminderDates(action.claims, ctx.journal),
    });
    const subject = action.email
      ? notice.email.title
      : taskText(action.stepLabel, action.client, action.claims, notice.total, true);
    const channel = action.email ? "Courrier + email" : "Courrier";
    const [row] = appendJournal([journalEntry(action, ctx, { channel, subject })], new Date());
    // The Journal links the original, the one to post by registered mail; the email carries
    // the copy, which says so.
    const doc = settleIntent(row as JournalRef, () => {
      const created = createDocument(notice.letter, action.client, today);
      ctx.docsLeft--;
      if (action.email) {
        const copy = createDocument(notice.copy, action.client, today);
        ctx.docsLeft--;
        sendMessage(action.email, notice.email, settings.creditor, [copy.pdf]);
      }
      return created;
    });
    if (action.email) ctx.emailsLeft -= recipients;
    // Say what really happened: the email left, the registered letter is still to post.
    const outcome = action.email ? OUTCOMES.sentLrarToPost : OUTCOMES.letterLrarToPost;
    confirmJournal(row as JournalRef, outcome, doc.docUrl);
    const task = action.lrarTask?.text;
    if (task !== undefined) {
      const line = { channel: "Tâche", recipient: "", subject: task, outcome: OUTCOMES.task };
      appendJournal([journalEntry(action, ctx, { ...line, document: doc.docUrl })], new Date());
    }
    return {
      ...report,
      subject,
      outcome,
      ...(task !== undefined ? { task } : {}),
      docUrl: doc.docUrl,
      pdfUrl: doc.pdfUrl,
      docId: doc.docId,
    };
  }

  const dossier = buildHandoverDossier({
    client: action.client,
    claims: action.claims,
    today,
    settings,
    timeline: timelineOf(ctx.journal, action.client, action.invoices),
  });
  const subject = `Transmettre le dossier de ${action.client} à un commissaire de justice ou à un avocat`;
  const [row] = appendJournal(
    [journalEntry(action, ctx, { channel: "Dossier", recipient: "", subject })],
    new Date(),
  );
  const doc = settleIntent(row as JournalRef, () => createDocument(dossier, action.client, today));
  ctx.docsLeft--;
  confirmJournal(row as JournalRef, OUTCOMES.prepared, doc.docUrl);
  return {
    ...report,
    to: "",
    subject,
    outcome: OUTCOMES.prepared,
    docUrl: doc.docUrl,
    pdfUrl: doc.pdfUrl,
    docId: doc.docId,
  };
}

function emptyReport(today: string, trigger: RunReport["trigger"]): RunReport {
  return {
    today,
    startedAt: "",
    trigger,
    actions: [],
    skipped: [],
    errors: [],
    postponed: [],
    toCheck: [],
    settingsProblems: [],
    notes: [],
  };
}

/** The run itself, under the lock; `debtor` (a debtorOf: name and address) limits it to one debtor's actions
 * (the sidebar's « Envoyer maintenant »), with the same guards. */
function runUnderLock(
  dates: SheetDates,
  trigger: RunReport["trigger"],
  startedAt: string,
  debtor?: string,
): RunReport {
  const startedMs = Date.now();
  const today = dates.today();
  const report = emptyReport(today, trigger);
  report.startedAt = startedAt;
  const { settings, problems } = readSettings(dates);
  report.settingsProblems = problems;
  const ledger: LedgerRead = readLedger(dates);
  const journal = readJournal(dates);
  const plan: DailyPlan = planDailyRun(ledger.lines, journal, today, settings);
  if (debtor !== undefined)
    plan.actions = plan.actions.filter(
      (a) => debtorOf({ client: a.client, email: a.email }) === debtor,
    );
  report.skipped = plan.skipped;
  report.errors = plan.errors;
  report.notes = plan.notes;

  // A run that died between an intent and its confirmation: never send again, ask a person.
  const unconfirmed = journal.filter((l) => l.outcome === OUTCOMES.intent);
  markJournal(
    unconfirmed.map((l) => l.row),
    OUTCOMES.toCheck,
  );
  report.toCheck = unconfirmed.map((l) => ({
    invoices: l.invoices,
    client: l.client,
    step: l.step,
    at: l.at,
  }));

  const quotas = DAILY_QUOTAS[settings.account];
  const ctx: RunContext = {
    dates,
    today,
    settings,
    journal,
    by: runBy(trigger),
    startedMs,
    emailsLeft: Math.min(MailApp.getRemainingDailyQuota(), quotas.emailRecipients),
    docsLeft: documentsLeftOn(today, settings.account),
  };
  const done: StepDone[] = plan.ledgerCatchUp.map((c) => ({
    invoice: c.invoice,
    step: c.step,
    date: c.date,
  }));
  const postpone = (actions: PlannedAction[], reason: string) => {
    for (const a of actions)
      report.postponed.push({ invoices: a.invoices, client: a.client, step: a.stepLabel, reason });
  };

  // A quota used up holds back only the actions that need it: the reminders still go when
  // no Doc may be created today, the tasks when no email may be sent.
  const usedUp = new Set<Quota>();
  const stop = (reason: string) => {
    if (!report.stoppedBecause?.includes(reason))
      report.stoppedBecause = report.stoppedBecause
        ? `${report.stoppedBecause} ; ${reason}`
        : reason;
  };
  const missingIdentity = missingCreditorIdentity(settings.creditor);
  if (missingIdentity.length > 0) {
    report.settingsProblems.push(
      `${missingIdentity.join(", ")} : à renseigner, sans quoi aucune mise en demeure ni aucun dossier ne part`,
    );
  }
  for (let i = 0; i < plan.actions.length; i++) {
    const action = plan.actions[i] as PlannedAction;
    if (Date.now() - startedMs > TIME_BUDGET_MS) {
      stop("temps d'exécution de 5 minutes atteint");
      postpone(plan.actions.slice(i), "temps d'exécution de 5 minutes atteint");
      break;
    }
    const blocked = quotasOf(action).find((q) => usedUp.has(q));
    if (blocked) {
      postpone([action], QUOTA_REASONS[blocked]);
      continue;
    }
    if (action.step >= 3 && missingIdentity.length > 0) {
      postpone(
        [action],
        `à renseigner dans « Paramètres » avant tout courrier : ${missingIdentity.join(", ")}`,
      );
      continue;
    }
    try {
      const line = execute(action, ctx);
      report.actions.push(line);
      for (const invoice of action.invoices) done.push({ invoice, step: action.step, date: today });
    } catch (e) {
      const quota = quotaOf(e);
      if (quota) {
        usedUp.add(quota);
        stop(QUOTA_REASONS[quota]);
        postpone([action], QUOTA_REASONS[quota]);
        continue;
      }
      // One debtor's failure (a refused address…) must not stop the others.
      const message = e instanceof Error ? e.message : String(e);
      report.errors.push({
        invoice: action.invoices.join(", "),
        row: 0,
        message: `${action.stepLabel} : ${message}`,
      });
    }
  }

  // Tasks with no message (a claim to declare to the mandataire judiciaire): journaled once.
  for (const task of plan.tasks) {
    const entry = {
      ...systemEntry(task.text, OUTCOMES.task, ctx.by),
      invoices: task.invoices,
      client: task.client,
      step: task.step,
      channel: "Tâche",
    };
    appendJournal([entry], new Date());
    report.actions.push({
      invoices: task.invoices,
      client: task.client,
      step: task.step,
      channel: "task",
      to: "",
      subject: task.text,
      outcome: OUTCOMES.task,
    });
  }

  writeStepsDone(ledger, done, dates);
  if (report.postponed.length > 0) {
    const reasons = [...new Set(report.postponed.map((p) => p.reason))].join(" ; ");
    const subject = `${report.postponed.length} action(s) reportée(s) : ${reasons}`;
    appendJournal([systemEntry(subject, OUTCOMES.postponed, ctx.by)], new Date());
  }
  return report;
}

/** Entry point of the trigger and of the menu. Never throws: a failure is journaled and
 * told at the next open, since Apps Script emails nobody when an add-on's trigger fails. */
export function runDaily(trigger: RunReport["trigger"], debtor?: string): RunReport {
  const dates = sheetDates(activeSpreadsheet().getSpreadsheetTimeZone());
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    const busy = emptyReport(dates.today(), trigger);
    busy.stoppedBecause = "une autre exécution de Recouvra est en cours ; rien n'a été fait";
    return busy;
  }
  const startedAt = Utilities.formatDate(new Date(), dates.timeZone, "yyyy-MM-dd HH:mm");
  let report: RunReport;
  try {
    report = runUnderLock(dates, trigger, startedAt, debtor);
  } catch (e) {
    report = emptyReport(dates.today(), trigger);
    report.startedAt = startedAt; // the next open says when it failed
    report.failure = e instanceof Error ? e.message : String(e);
    try {
      appendJournal([systemEntry(report.failure, OUTCOMES.runFailed, runBy(trigger))], new Date());
    } catch (_) {
      // the Journal itself is unwritable: the document property below still tells the user
    }
  } finally {
    lock.releaseLock();
  }
  // A one-debtor run is not « the last run » the menu and the next open report on.
  if (debtor === undefined || report.failure) saveReport(report);
  return report;
}
