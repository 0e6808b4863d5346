// The morning run: read the workbook once under the document lock (settings, Journal,
// ledger, échéanciers), let the domain plan, then take every action through the one action
// path (src/gas/action-path.ts): instalment reminders first, then the ladder, in priority
// order. « Dernière étape » and its date are then brought to what the Journal says. Never
// on a day nobody sends; whatever does not fit (time, quota) waits for the next wake-up.

import type { CalendarDate } from "../domain/calendar-date";
import { debtorOf, outstanding } from "../domain/claim";
import {
  formalNoticeOutcome,
  type PlannedAction,
  type PlannedTask,
  planDailyRun,
  registeredLetterTaskEntry,
} from "../domain/daily-plan";
import {
  CHANNELS,
  type JournalEntry,
  OUTCOMES,
  previousReminderDate,
  previousReminderDates,
  timelineOf,
} from "../domain/journal";
import { ledgerClaims } from "../domain/ledger";
import { buildFormalNotice, type FormalNotice } from "../domain/messages/formal-notice";
import { buildHandoverDossier, taskText } from "../domain/messages/handover";
import { buildReminder } from "../domain/messages/reminder";
import { type PlanStanding, planStanding } from "../domain/plan-default";
import { ladderUnderPlans, paymentPlanWork, withPlanSuspensions } from "../domain/plan-work";
import { noSendingReason, resumeText } from "../domain/sending-window";
import { accountOfQuota, missingCreditorIdentity, type RecoverySettings } from "../domain/settings";
import { countOf, ofName } from "../domain/text";
import {
  type Act,
  type ActResult,
  newPathContext,
  type PathContext,
  runActs,
  TIME_REASON,
} from "./action-path";
import { runActor } from "./actor";
import { documentsLeftOn, sentPdfOf } from "./documents";
import { appendJournal, type JournalLine, markJournal, readJournal } from "./journal-sheet";
import { type LedgerRead, readLedger, writeStatusNotes, writeStepRepairs } from "./ledger-sheet";
import { writeLedgerChanges } from "./ledger-updates";
import { LOCK_WAIT_MS } from "./lock";
import { recipientCount } from "./mailer";
import { readPlans } from "./plans-sheet";
import { type ActionReport, type RunReport, saveReport } from "./run-report";
import { readSettings } from "./settings-sheet";
import { type SheetDates, sheetDates } from "./sheet-dates";
import { activeSpreadsheet } from "./sheets";
import { writeDayState } from "./wake-up";

/** Stop starting new batches past 5 minutes: Apps Script kills a run at 6. */
export const TIME_BUDGET_MS = 5 * 60 * 1000;

function runBy(trigger: RunReport["trigger"]): string {
  return runActor(trigger === "automatique");
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A line of the run's own: not about a debtor, never a contact. */
function systemEntry(subject: string, outcome: string, by: string): JournalEntry {
  return {
    at: "",
    invoices: [],
    client: "",
    step: "Exécution",
    channel: CHANNELS.system,
    recipient: "",
    subject,
    outcome,
    document: "",
    by,
  };
}

/** Writes the run's own line; a Journal that cannot be written is told by the report. */
function journalSystem(subject: string, outcome: string, by: string): void {
  try {
    appendJournal([systemEntry(subject, outcome, by)], new Date());
  } catch (_) {
    // the last-run report (a document property) still tells the user at the next open
  }
}

/** The last reminder these invoices had, for « Malgré notre précédent message du … ». */
function previousContact(action: PlannedAction, journal: readonly JournalEntry[]) {
  const last = previousReminderDate(action.claims, journal);
  return last === undefined ? {} : { previousContact: last };
}

function entryOf(action: PlannedAction, by: string, fields: Partial<JournalEntry>): JournalEntry {
  return {
    at: "",
    invoices: action.invoices,
    client: action.client,
    step: action.stepLabel,
    channel: CHANNELS.email,
    recipient: action.email ?? "",
    subject: "",
    outcome: OUTCOMES.intent,
    document: "",
    by,
    ...fields,
  };
}

/** A mise en demeure — the ladder's, or a payment plan's for a missed instalment — as an act
 * of the action path: the original to post (the Journal links it), the copy emailed with its
 * PDF when there is an email, and the « Poster en LRAR » task. `entry` is the Journal line's
 * base (step, invoices, client, recipient). */
function formalNoticeAct(
  entry: JournalEntry,
  notice: FormalNotice,
  taskWithoutEmail: string,
  lrar: PlannedTask | undefined,
  report: ActionReport,
): { act: Act; report: ActionReport } {
  const email = entry.recipient || undefined;
  const subject = email ? notice.email.title : taskWithoutEmail;
  const channel = email ? CHANNELS.letterAndEmail : CHANNELS.letter;
  const noticeEntry: JournalEntry = { ...entry, channel, subject, outcome: OUTCOMES.intent };
  return {
    act: {
      entry: noticeEntry,
      recipients: email ? recipientCount(email) : 0,
      // Emailed, a mise en demeure is two documents: the original to post by registered
      // mail (the Journal links it) and the copy the email carries, which says so.
      documents: email ? 2 : 1,
      perform: (tools) => {
        const created = tools.createDocument(notice.letter, entry.client);
        const copy = email ? tools.createDocument(notice.copy, entry.client) : undefined;
        if (email && copy) tools.send(email, notice.email, [copy.pdf]);
        // Say what really happened: the email left, the registered letter is still to
        // post — a task of its own (planned again by the domain if a run stopped here).
        const followUps: JournalEntry[] = lrar
          ? [
              registeredLetterTaskEntry(noticeEntry, lrar, {
                document: created.docUrl,
                pdf: sentPdfOf(created),
              }),
            ]
          : [];
        // The notice's line records the PDF the email carried (the copy), the task's the
        // original to post.
        return {
          outcome: formalNoticeOutcome(Boolean(email)),
          created,
          ...(copy ? { sentPdf: sentPdfOf(copy) } : {}),
          followUps,
        };
      },
    },
    report: {
      ...report,
      channel: "letter",
      to: email ?? "",
      subject,
      ...(lrar ? { task: lrar.text } : {}),
    },
  };
}

/** A planned step as an act of the action path, and the line of the run's report. */
function ladderAct(
  action: PlannedAction,
  today: CalendarDate,
  settings: RecoverySettings,
  journal: readonly JournalEntry[],
  by: string,
  plans: readonly PlanStanding[],
): { act: Act; report: ActionReport } {
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
  if (action.step === 1 || action.step === 2) {
    if (!action.email) {
      const owed = action.claims.reduce((sum, c) => sum + outstanding(c), 0);
      const subject = taskText(action.stepLabel, action.client, action.claims, owed, false);
      const entry = entryOf(action, by, {
        channel: CHANNELS.task,
        subject,
        outcome: OUTCOMES.task,
      });
      return {
        act: { entry, recipients: 0, documents: 0 },
        report: { ...report, channel: "task", subject },
      };
    }
    const message = buildReminder({
      step: action.step,
      client: action.client,
      claims: action.claims,
      today,
      settings,
      ...previousContact(action, journal),
    });
    const to = action.email;
    return {
      act: {
        entry: entryOf(action, by, { subject: message.title }),
        recipients,
        documents: 0,
        perform: (tools) => {
          tools.send(to, message);
          return { outcome: OUTCOMES.sent };
        },
      },
      report: { ...report, subject: message.title },
    };
  }
  if (action.step === 3) {
    const notice = buildFormalNotice({
      client: action.client,
      claims: action.claims,
      today,
      settings,
      previousReminders: previousReminderDates(action.claims, journal),
    });
    return formalNoticeAct(
      { ...entryOf(action, by, {}), step: action.stepLabel },
      notice,
      taskText(action.stepLabel, action.client, action.claims, notice.total, true),
      action.lrarTask,
      report,
    );
  }
  const dossier = buildHandoverDossier({
    client: action.client,
    claims: action.claims,
    today,
    settings,
    timeline: timelineOf(journal, action.client, action.invoices),
    plans: plans.filter((p) => p.plan.invoices.some((i) => action.invoices.includes(i))),
  });
  const subject = `Transmettre le dossier ${ofName(action.client)} à un commissaire de justice ou à un avocat`;
  return {
    act: {
      entry: entryOf(action, by, { channel: CHANNELS.dossier, recipient: "", subject }),
      recipients: 0,
      documents: 1,
      perform: (tools) => ({
        outcome: OUTCOMES.prepared,
        created: tools.createDocument(dossier, action.client),
      }),
    },
    report: { ...report, to: "", subject },
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
  actor?: string,
): RunReport {
  const startedMs = Date.now();
  const today = dates.today();
  const by = actor ?? runBy(trigger);
  const report = emptyReport(today, trigger);
  report.startedAt = startedAt;
  const { settings, problems } = readSettings(dates);
  report.settingsProblems = problems;
  // A window that closes before it opens still lets the send hour's wake-up work.
  report.window = {
    from: settings.sendHour,
    until: Math.max(settings.sendUntilHour, settings.sendHour + 1),
  };
  const journalLines: JournalLine[] = readJournal(dates);
  const journal: JournalEntry[] = [...journalLines];
  const ledger: LedgerRead = readLedger(dates, journal);

  // A run that died between an intent and its confirmation: never send again, ask a person.
  const unconfirmed = journalLines.filter((l) => l.outcome === OUTCOMES.intent);
  markJournal(
    unconfirmed.map((l) => l.row),
    OUTCOMES.toCheck,
  );
  for (const l of unconfirmed) {
    l.outcome = OUTCOMES.toCheck;
    report.toCheck.push({ invoices: l.invoices, client: l.client, step: l.step, at: l.at });
  }

  const waits = noSendingReason(today);
  if (waits) {
    report.stoppedBecause = waits;
    report.waiting = waits;
    if (debtor === undefined) appendJournal([systemEntry(waits, OUTCOMES.note, by)], new Date());
    writeStepRepairs(ledger, journal, dates);
    writeStatusNotes(ledger, dates, journal);
    return report;
  }

  // The échéanciers first: suspensions moved to the next instalment (the ladder then sees
  // who keeps up and who defaulted), instalment reminders due.
  const allPlans = readPlans(dates);
  const claims = ledgerClaims(ledger.lines);
  const plans = paymentPlanWork(allPlans, claims, journal, today, settings, debtor);
  const plan = ladderUnderPlans(
    planDailyRun(withPlanSuspensions(ledger.lines, plans.changes), journal, today, settings),
    plans,
  );
  if (debtor !== undefined)
    plan.actions = plan.actions.filter(
      (a) => debtorOf({ client: a.client, email: a.email }) === debtor,
    );
  report.skipped = plan.skipped;
  report.errors = plan.errors;
  report.notes = plan.notes;
  // Where each plan stands, for a dossier that mentions the plan, its default and notice.
  const standings = allPlans.map((p) =>
    planStanding(p, claims, journal, today, settings.ladder.formalNoticeDeadlineDays),
  );

  const emailsLeft = MailApp.getRemainingDailyQuota();
  const ctx: PathContext = newPathContext({
    today,
    creditor: settings.creditor,
    journal,
    emailsLeft,
    docsLeft: documentsLeftOn(today, accountOfQuota(emailsLeft, settings.account)),
    stamp: (d) => Utilities.formatDate(d, dates.timeZone, "yyyy-MM-dd HH:mm"),
    deadlineMs: startedMs + TIME_BUDGET_MS,
  });

  const acts: { act: Act; report: ActionReport }[] = plans.reminders.map((r) => ({
    act: {
      entry: {
        at: "",
        invoices: r.plan.invoices,
        client: r.plan.client,
        step: r.step,
        channel: CHANNELS.email,
        recipient: r.email,
        subject: r.message.title,
        outcome: OUTCOMES.intent,
        document: "",
        by,
      },
      recipients: recipientCount(r.email),
      documents: 0,
      perform: (tools) => {
        tools.send(r.email, r.message);
        return { outcome: OUTCOMES.sent };
      },
    },
    report: {
      invoices: r.plan.invoices,
      client: r.plan.client,
      step: r.step,
      channel: "email",
      to: r.email,
      subject: r.message.title,
      outcome: "",
    },
  }));
  const missingIdentity = missingCreditorIdentity(settings.creditor);
  if (missingIdentity.length > 0) {
    report.settingsProblems.push(
      `${missingIdentity.join(", ")} : à renseigner, sans quoi aucune mise en demeure ni aucun dossier ne part`,
    );
  }
  // No letter leaves without the creditor's identity: it waits, said in the run's report.
  const waitForIdentity = (invoices: string[], client: string, step: string) =>
    report.postponed.push({
      invoices,
      client,
      step,
      reason: `à renseigner dans « Paramètres » avant tout courrier : ${missingIdentity.join(", ")}`,
    });
  for (const n of plans.notices) {
    const line: ActionReport = {
      invoices: n.plan.invoices,
      client: n.plan.client,
      step: n.step,
      channel: "letter",
      to: n.email ?? "",
      subject: "",
      outcome: "",
    };
    if (missingIdentity.length > 0) {
      waitForIdentity(line.invoices, line.client, line.step);
      continue;
    }
    const entry: JournalEntry = {
      at: "",
      invoices: n.plan.invoices,
      client: n.plan.client,
      step: n.step,
      channel: CHANNELS.letter,
      recipient: n.email ?? "",
      subject: "",
      outcome: OUTCOMES.intent,
      document: "",
      by,
    };
    const task = taskText(n.step, n.plan.client, n.claims, n.notice.total, true);
    acts.push(formalNoticeAct(entry, n.notice, task, n.lrarTask, line));
  }
  for (const action of plan.actions) {
    if (action.step >= 3 && missingIdentity.length > 0) {
      waitForIdentity(action.invoices, action.client, action.stepLabel);
      continue;
    }
    acts.push(ladderAct(action, today, settings, journal, by, standings));
  }
  // Tasks with no message (a claim to declare to the mandataire judiciaire, a « Poster en
  // LRAR » a stopped run left out): journaled once, on the same path.
  for (const task of plan.tasks) {
    acts.push({
      act: {
        entry: {
          ...systemEntry(task.text, OUTCOMES.task, by),
          invoices: task.invoices,
          client: task.client,
          step: task.step,
          channel: CHANNELS.task,
        },
        recipients: 0,
        documents: 0,
      },
      report: {
        invoices: task.invoices,
        client: task.client,
        step: task.step,
        channel: "task",
        to: "",
        subject: task.text,
        outcome: "",
      },
    });
  }

  const reportOf = new Map(acts.map((a) => [a.act, a.report]));
  const outcome = runActs(
    acts.map((a) => a.act),
    ctx,
    () => new Date(),
  );
  for (const r of outcome.results) collect(report, r, reportOf.get(r.act), ctx);
  const reasons = new Set<string>();
  for (const p of outcome.postponed) {
    const line = reportOf.get(p.act);
    report.postponed.push({
      invoices: p.act.entry.invoices,
      client: p.act.entry.client,
      step: p.act.entry.step,
      reason: p.reason,
    });
    if (line) reasons.add(p.reason);
  }
  if (reasons.size > 0) report.stoppedBecause = [...reasons].join(" ; ");
  report.timeLeft = outcome.postponed.some((p) => p.reason === TIME_REASON);
  if (report.timeLeft) {
    const hour = Number(Utilities.formatDate(new Date(), dates.timeZone, "H"));
    report.resumeAt = resumeText(today, hour, settings.sendHour, settings.sendUntilHour);
  }

  writeLedgerChanges(ledger, plans.changes, dates);
  writeStepRepairs(ledger, ctx.journal, dates);
  writeStatusNotes(ledger, dates, ctx.journal);
  if (report.postponed.length > 0) {
    const why = [...new Set(report.postponed.map((p) => p.reason))].join(" ; ");
    const subject = `${countOf(report.postponed.length, "action reportée", "actions reportées")} : ${why}`;
    appendJournal([systemEntry(subject, OUTCOMES.postponed, by)], new Date());
  }
  return report;
}

/** One act's result in the run's report. */
function collect(
  report: RunReport,
  r: ActResult,
  line: ActionReport | undefined,
  ctx: PathContext,
) {
  const base = line ?? {
    invoices: r.act.entry.invoices,
    client: r.act.entry.client,
    step: r.act.entry.step,
    channel: "email" as const,
    to: r.act.entry.recipient,
    subject: r.act.entry.subject,
    outcome: "",
  };
  if (r.status === "done") {
    report.actions.push({
      ...base,
      outcome: r.outcome,
      ...(r.created
        ? { docUrl: r.created.docUrl, pdfUrl: r.created.pdfUrl, docId: r.created.docId }
        : {}),
    });
    return;
  }
  if (r.status === "postponed") return; // listed with the postponed ones
  if (r.status === "toCheck") {
    report.toCheck.push({
      invoices: base.invoices,
      client: base.client,
      step: base.step,
      at: ctx.journal[ctx.journal.length - 1]?.at ?? "",
    });
  }
  const what =
    r.status === "toCheck"
      ? `interrompu, peut-être parti : à vérifier avant toute relance (${r.reason ?? ""})`
      : (r.reason ?? r.outcome);
  report.errors.push({
    invoice: base.invoices.join(", "),
    row: 0,
    message: `${base.step} : ${what}`,
  });
}

/** The spreadsheet's zone, or the script's if Sheets does not answer (the run still goes). */
function runDates(): SheetDates {
  try {
    return sheetDates(activeSpreadsheet().getSpreadsheetTimeZone());
  } catch (_) {
    return sheetDates(Session.getScriptTimeZone());
  }
}

/** Entry point of the trigger, of the menu and of « Envoyer maintenant ». Never throws:
 * whatever fails (the lock, the time zone, the run, the lock's release, the report) is
 * journaled and told at the next open, since Apps Script emails nobody when an add-on's
 * trigger fails. `actor` names a person acting from the sidebar, as its other actions do. */
export function runDaily(
  trigger: RunReport["trigger"],
  debtor?: string,
  actor?: string,
): RunReport {
  const by = actor ?? runBy(trigger);
  let dates: SheetDates;
  let report: RunReport;
  try {
    dates = runDates();
  } catch (e) {
    report = emptyReport("", trigger);
    report.failure = `fuseau horaire introuvable : ${messageOf(e)}`;
    journalSystem(report.failure, OUTCOMES.runFailed, by);
    finish(report, by, debtor);
    return report;
  }
  const startedAt = Utilities.formatDate(new Date(), dates.timeZone, "yyyy-MM-dd HH:mm");
  const failed = (what: string, e: unknown): RunReport => {
    const r = emptyReport(dates.today(), trigger);
    r.startedAt = startedAt;
    r.failure = `${what}${messageOf(e)}`;
    journalSystem(r.failure, OUTCOMES.runFailed, by);
    return r;
  };
  let lock: GoogleAppsScript.Lock.Lock;
  let locked: boolean;
  try {
    lock = LockService.getDocumentLock();
    locked = lock.tryLock(LOCK_WAIT_MS);
  } catch (e) {
    report = failed("verrou du document indisponible : ", e);
    finish(report, by, debtor);
    return report;
  }
  if (!locked) {
    report = emptyReport(dates.today(), trigger);
    report.startedAt = startedAt;
    report.stoppedBecause = "une autre exécution de Recouvra est en cours ; rien n'a été fait";
    report.timeLeft = true;
    journalSystem(report.stoppedBecause, OUTCOMES.note, by);
    finish(report, by, debtor);
    return report;
  }
  try {
    report = runUnderLock(dates, trigger, startedAt, debtor, actor);
  } catch (e) {
    report = failed("", e);
  }
  try {
    lock.releaseLock();
  } catch (e) {
    // Apps Script releases it when the execution ends: told, not fatal.
    journalSystem(`verrou non libéré : ${messageOf(e)}`, OUTCOMES.note, by);
  }
  finish(report, by, debtor);
  return report;
}

/** Keeps the report for the next open, and where the day stands for the next wake-up. */
function finish(report: RunReport, by: string, debtor: string | undefined): void {
  // A one-debtor run is not « the last run » the menu and the next open report on.
  if (debtor !== undefined && !report.failure) return;
  try {
    saveReport(report);
    if (debtor === undefined && report.window && report.today !== "")
      writeDayState({
        day: report.today,
        done: !report.failure && !report.timeLeft,
        ...report.window,
      });
  } catch (e) {
    journalSystem(
      `rapport de l'exécution non enregistré : ${messageOf(e)}`,
      OUTCOMES.runFailed,
      by,
    );
  }
}
