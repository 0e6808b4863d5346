// What the sidebar does: each function reads in bulk, lets the domain decide, writes what
// changed, journals it, and returns the refreshed view (the sidebar calls once per view).

import { type CalendarDate, parseIsoDate } from "../../domain/calendar-date";
import { debtorOf } from "../../domain/claim";
import {
  addressOf,
  formalNoticeOutcome,
  registeredLetterTask,
  registeredLetterTaskEntry,
  whyNoMessageToday,
} from "../../domain/daily-plan";
import { type Exchange, exchangeEffects, exchangeProblem } from "../../domain/exchange";
import { CHANNELS, type JournalEntry, OUTCOMES } from "../../domain/journal";
import {
  debtorLabelAtRow,
  ledgerClaims,
  paidOf,
  requireDebtor,
  selectInvoices,
} from "../../domain/ledger";
import { totalsOf } from "../../domain/messages/common";
import { formatEuros } from "../../domain/money";
import { planId, planStatus, schedulePaymentPlan } from "../../domain/payment-plan";
import { planStanding } from "../../domain/plan-default";
import { agreedPastPrescription, lastDayToAct } from "../../domain/prescription";
import { Refusal } from "../../domain/refusal";
import {
  type RegisteredLetter,
  registeredLetterEntry,
  registeredLetterProblem,
} from "../../domain/registered-letter";
import { missingCreditorIdentity } from "../../domain/settings";
import type {
  ApiParsed,
  ClientList,
  Dossier,
  LetterCreated,
  LetterPreview,
  PlanSchedule,
  SendNowResult,
  WorkList,
} from "../../sidebar-contract";
import { clientList } from "../../views/clients";
import { dossierView, plansOfDebtor } from "../../views/dossier";
import { type ComposedLetter, composeLetter } from "../../views/letters";
import { workList } from "../../views/work-list";
import { newPathContext, runBatch } from "../action-path";
import { sidebarUser } from "../actor";
import { runDaily } from "../daily-run";
import { documentsLeftOn, sentPdfOf } from "../documents";
import { appendJournal } from "../journal-sheet";
import { HEADER_ROW, writeStepRepairs } from "../ledger-sheet";
import { writeLedgerChanges } from "../ledger-updates";
import { underLock } from "../lock";
import { recipientCount } from "../mailer";
import { appendPlan, planSummary } from "../plans-sheet";
import { pendingWorkNote } from "../run-report";
import { LEDGER_SHEET } from "../sheets";
import { readSources, type ShellSource } from "./read";

export function getWorkList(): WorkList {
  const src = readSources();
  const view = workList(src);
  const pending = pendingWorkNote(src.today);
  if (pending) view.notes.push(pending);
  return view;
}

export function getClients(all: boolean): ClientList {
  return clientList(readSources(), all);
}

export function getDossier(client: string): Dossier {
  return dossierView(readSources(), client);
}

/** The debtor of the row selected in « Créances », if any, named as the sidebar names it. */
export function getActiveClient(): { client: string | null } {
  const sheet = SpreadsheetApp.getActiveSheet();
  const row = SpreadsheetApp.getActiveRange().getRow();
  if (sheet.getName() !== LEDGER_SHEET || row <= HEADER_ROW) return { client: null };
  return { client: debtorLabelAtRow(readSources().lines, row) ?? null };
}

function letterOf(request: ApiParsed<"apiPreviewLetter">, src: ShellSource): ComposedLetter {
  const claims = selectInvoices(requireDebtor(src.lines, request.client), request.invoices);
  const days = src.settings.ladder.formalNoticeDeadlineDays;
  const all = ledgerClaims(src.lines);
  return composeLetter(request, {
    claims,
    journal: src.journal,
    today: src.today,
    settings: src.settings,
    plans: src.plans.map((p) => planStanding(p, all, src.journal, src.today, days)),
  });
}

export function previewLetter(request: ApiParsed<"apiPreviewLetter">): LetterPreview {
  const letter = letterOf(request, readSources());
  return {
    kind: letter.kind,
    document: letter.document,
    email: letter.email,
    recipient: letter.recipient,
    warnings: letter.warnings,
  };
}

export function createLetter(request: ApiParsed<"apiCreateLetter">): LetterCreated {
  return underLock(() => {
    const src = readSources();
    const letter = letterOf(request, src);
    const sendEmail = request.sendEmail === true;
    if (sendEmail && !letter.email)
      throw new Refusal(
        letter.kind === "handover"
          ? "Le dossier de transmission ne s'envoie pas au client."
          : "Ce client n'a pas d'adresse email dans « Créances ».",
      );
    const to = sendEmail ? letter.recipient : "";
    // The daily run's own rule: one contact a day, the gap, silence after the handover.
    const why = to
      ? whyNoMessageToday(
          requireDebtor(src.lines, request.client),
          src.journal,
          src.today,
          src.settings,
        )
      : undefined;
    if (why !== undefined)
      throw new Refusal(`Email non envoyé : ${why}. Le courrier peut être créé sans envoi.`);
    if (to && recipientCount(to) > MailApp.getRemainingDailyQuota())
      throw new Refusal("Le quota d'emails du jour est atteint : réessayez demain.");
    const missing = missingCreditorIdentity(src.settings.creditor);
    if (missing.length > 0)
      throw new Refusal(
        `Avant de créer un courrier, renseignez dans « Paramètres » : ${missing.join(", ")}.`,
      );
    const attached = to && letter.attachment ? letter.attachment : undefined;
    if (documentsLeftOn(src.today, src.settings.account) < (attached ? 2 : 1))
      throw new Refusal("Le quota de documents Google du jour est atteint : réessayez demain.");
    const channel =
      letter.kind === "handover"
        ? CHANNELS.dossier
        : sendEmail
          ? letter.ladderStep === 3
            ? CHANNELS.letterAndEmail
            : CHANNELS.email
          : CHANNELS.letter;
    const debtorClaims = requireDebtor(src.lines, request.client);
    const client = debtorClaims[0]?.client ?? request.client;
    // A ladder letter is the step itself: sent, handed over, or to be posted by the user; a
    // mise en demeure says what really happened, as the daily run's does.
    const formalNotice = letter.kind !== "handover" && letter.ladderStep === 3;
    const outcome =
      letter.kind === "handover"
        ? OUTCOMES.prepared
        : formalNotice
          ? formalNoticeOutcome(to !== "")
          : to
            ? OUTCOMES.sent
            : letter.ladderStep
              ? OUTCOMES.task
              : OUTCOMES.documentCreated;
    // …and leaves the « Poster en LRAR » task with the postal address, as the daily run's does.
    const lrar = formalNotice
      ? registeredLetterTask(
          client,
          request.invoices,
          addressOf(selectInvoices(debtorClaims, request.invoices)),
        )
      : undefined;
    const emailed = letter.email;
    const ctx = newPathContext({
      today: src.today,
      creditor: src.settings.creditor,
      journal: [...src.journal],
      emailsLeft: MailApp.getRemainingDailyQuota(),
      docsLeft: documentsLeftOn(src.today, src.settings.account),
      stamp: (d) => Utilities.formatDate(d, src.dates.timeZone, "yyyy-MM-dd HH:mm"),
    });
    const entry: JournalEntry = {
      at: "",
      invoices: request.invoices,
      client,
      step: letter.step,
      channel,
      recipient: to,
      subject: letter.document.title,
      outcome: OUTCOMES.intent,
      document: "",
      by: sidebarUser(),
    };
    const [result] = runBatch(
      [
        {
          entry,
          recipients: to ? recipientCount(to) : 0,
          documents: attached ? 2 : 1,
          perform: (tools) => {
            const created = tools.createDocument(letter.document, client);
            // A mise en demeure emails its copy; the original is posted by registered mail.
            const copy = attached ? tools.createDocument(attached, client) : undefined;
            if (to && emailed) tools.send(to, emailed, [(copy ?? created).pdf]);
            const followUps = lrar
              ? [
                  registeredLetterTaskEntry(entry, lrar, {
                    document: created.docUrl,
                    pdf: sentPdfOf(created),
                  }),
                ]
              : [];
            return { outcome, created, ...(copy ? { sentPdf: sentPdfOf(copy) } : {}), followUps };
          },
        },
      ],
      ctx,
      () => new Date(),
    );
    if (!result?.created || result.status !== "done") {
      const why = result?.reason ?? result?.outcome ?? "";
      throw new Refusal(
        result?.status === "toCheck"
          ? `L'envoi a été interrompu et a pu partir : vérifiez avant de recommencer (voir le Journal). ${why}`
          : `Le courrier n'a pas été créé : ${why}`,
      );
    }
    const created = result.created;
    if (letter.ladderStep !== undefined) writeStepRepairs(src.ledger, ctx.journal, src.dates);
    return {
      title: letter.document.title,
      docUrl: created.docUrl,
      pdfUrl: created.pdfUrl,
      emailedTo: to,
      outcome,
      dossier: dossierView(readSources(), request.client),
    };
  });
}

function scheduleOf(request: ApiParsed<"apiSchedulePlan">, src: ShellSource) {
  const claims = selectInvoices(requireDebtor(src.lines, request.client), request.invoices);
  const totals = totalsOf(claims, src.today, src.settings);
  const total = request.total ?? totals.outstanding;
  const schedule = schedulePaymentPlan({
    total,
    count: request.count,
    firstDate: parseIsoDate(request.firstDate) as CalendarDate,
    frequency: request.frequency,
    agreedOn: src.today,
    owed: totals.total,
  });
  return { claims, total, schedule };
}

export function schedulePlan(request: ApiParsed<"apiSchedulePlan">): PlanSchedule {
  const src = readSources();
  const { claims, total, schedule } = scheduleOf(request, src);
  if (!schedule.ok)
    return {
      total,
      instalments: [],
      problems: schedule.problems,
      warnings: [],
      suspendedUntil: "",
    };
  const last = schedule.instalments[schedule.instalments.length - 1]?.date ?? src.today;
  const late = agreedPastPrescription(
    claims.map((c) => ({ invoice: c.invoiceNumber, lastDayToAct: lastDayToAct(c) })),
    last,
  );
  const draft = { id: "", client: "", invoices: [], agreedOn: src.today, paidAtAgreement: 0 };
  const status = planStatus({ ...draft, instalments: schedule.instalments }, 0, src.today);
  return {
    total,
    instalments: schedule.instalments,
    problems: [],
    warnings: late ? [late] : [],
    suspendedUntil: status.suspendedUntil,
  };
}

/** Records an agreed plan: its rows in « Échéanciers », the invoices suspended until the
 * first instalment (+ grace), a Journal line. */
export function agreePlan(request: ApiParsed<"apiAgreePlan">): Dossier {
  return underLock(() => {
    const src = readSources();
    const { claims, schedule } = scheduleOf(request, src);
    if (!schedule.ok) throw new Refusal(schedule.problems.join(" "));
    const running = plansOfDebtor(src.plans, claims).filter(
      (p) =>
        p.invoices.some((i) => request.invoices.includes(i)) &&
        !planStatus(p, paidOf(claims, p.invoices), src.today).completed,
    );
    if (running.length > 0)
      throw new Refusal(`Un échéancier est déjà en cours pour ces factures (${running[0]?.id}).`);
    const client = claims[0]?.client ?? request.client;
    const plan = {
      id: planId(src.today, request.invoices),
      client,
      invoices: request.invoices,
      agreedOn: src.today,
      paidAtAgreement: paidOf(claims, request.invoices),
      instalments: schedule.instalments,
    };
    appendPlan(plan, src.dates);
    const status = planStatus(plan, plan.paidAtAgreement, src.today);
    writeLedgerChanges(
      src.ledger,
      request.invoices.map((invoice) => ({ invoice, suspendedUntil: status.suspendedUntil })),
      src.dates,
    );
    const total = plan.instalments.reduce((s, i) => s + i.amount, 0);
    appendJournal(
      [
        {
          at: "",
          invoices: request.invoices,
          client,
          step: "Échéancier convenu",
          channel: CHANNELS.plan,
          recipient: "",
          subject: `${formatEuros(total)} en ${planSummary(plan)} (${plan.id})`,
          outcome: OUTCOMES.agreed,
          document: "",
          by: sidebarUser(),
        },
      ],
      new Date(),
    );
    return dossierView(readSources(), request.client);
  });
}

export function logExchange(request: ApiParsed<"apiLogExchange">): Dossier {
  return underLock(() => {
    const src = readSources();
    const claims = selectInvoices(requireDebtor(src.lines, request.client), request.invoices);
    const exchange: Exchange = {
      client: claims[0]?.client ?? request.client,
      invoices: request.invoices,
      date: parseIsoDate(request.date) as CalendarDate,
      channel: request.channel,
      contact: request.contact,
      notes: request.notes,
      outcome: request.outcome,
    };
    if (request.outcomeDate)
      exchange.outcomeDate = parseIsoDate(request.outcomeDate) as CalendarDate;
    const problem = exchangeProblem(exchange, src.today);
    if (problem) throw new Refusal(problem);
    const effects = exchangeEffects(exchange, sidebarUser());
    appendJournal([effects.journal], new Date());
    writeLedgerChanges(src.ledger, effects.changes, src.dates);
    return dossierView(readSources(), request.client);
  });
}

/** Records the registered letter of a mise en demeure in the Journal: its number, the day
 * posted and, once the avis de réception is back, the day received (C. civ. 1344-1). */
export function recordRegisteredLetter(request: ApiParsed<"apiRecordRegisteredLetter">): Dossier {
  return underLock(() => {
    const src = readSources();
    const claims = selectInvoices(requireDebtor(src.lines, request.client), request.invoices);
    const record: RegisteredLetter = {
      number: request.number,
      postedOn: parseIsoDate(request.postedOn) as CalendarDate,
      invoices: request.invoices,
    };
    if (request.receivedOn) record.receivedOn = parseIsoDate(request.receivedOn) as CalendarDate;
    const problem = registeredLetterProblem(record, src.today);
    if (problem) throw new Refusal(problem);
    const address = claims.find((c) => c.address)?.address ?? "";
    appendJournal(
      [
        registeredLetterEntry(
          record,
          claims[0]?.client ?? request.client,
          address.replace(/\n+/g, ", "),
          sidebarUser(),
        ),
      ],
      new Date(),
    );
    return dossierView(readSources(), request.client);
  });
}

/** The next step for one debtor, now, through the morning run itself (same plan, gap,
 * idempotence, quotas, lock, sending days): the debtor's instalment reminder, if one is
 * due, then the ladder's step. */
export function sendNow(client: string): SendNowResult {
  const src = readSources();
  const claims = requireDebtor(src.lines, client);
  const head = claims[0] as (typeof claims)[number];
  // A person in the sidebar, named in « Par » as for a letter or an exchange they record.
  const report = runDaily("manuel", debtorOf(head), sidebarUser());
  const invoices = new Set(claims.map((c) => c.invoiceNumber));
  const actions = [
    ...report.actions.map((a) => ({
      step: a.step,
      channel: a.channel,
      to: a.to,
      subject: a.subject,
      outcome: a.outcome,
      docUrl: a.docUrl ?? "",
    })),
  ];
  const waiting = report.skipped.filter((s) => invoices.has(s.invoice));
  const failed = report.errors.filter((e) => e.invoice.split(", ").some((i) => invoices.has(i)));
  const done = actions.map((a) => `${a.step} : ${a.outcome.toLowerCase()} ${a.to}`.trim());
  const why = report.failure ?? report.stoppedBecause ?? failed.map((f) => f.message).join(" ; ");
  const message =
    done.length > 0
      ? done.join(" ; ")
      : why
        ? `Rien n'a été envoyé : ${why}`
        : "Rien à envoyer aujourd'hui pour ce client.";
  return {
    message,
    actions,
    waiting,
    dossier: dossierView(readSources(), client),
  };
}
