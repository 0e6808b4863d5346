// Every letter the sidebar offers, composed by the same builders the daily run uses
// (reminders, formal notice, handover) or by the domain's own (plan, acknowledgment,
// partial settlement). Pure: the preview and the generated Doc are the same document.

import { type CalendarDate, parseIsoDate } from "../domain/calendar-date";
import { type Claim, isPaid } from "../domain/claim";
import {
  type JournalEntry,
  previousReminderDate,
  previousReminderDates,
  timelineOf,
} from "../domain/journal";
import { movesLadderForward, type StepNumber, stepLabel } from "../domain/ladder";
import { buildAcknowledgment } from "../domain/messages/acknowledgment";
import { debtorIdentityOf, totalsOf } from "../domain/messages/common";
import type { MessageDocument } from "../domain/messages/document";
import { buildFormalNotice } from "../domain/messages/formal-notice";
import { buildHandoverDossier } from "../domain/messages/handover";
import { LETTER_KINDS, type LetterKind } from "../domain/messages/letter-kinds";
import {
  buildPartialSettlement,
  partialSettlementProblem,
  settlementFigures,
} from "../domain/messages/partial-settlement";
import {
  buildCoveringEmail,
  buildPaymentPlanProposal,
} from "../domain/messages/payment-plan-proposal";
import { buildReminder } from "../domain/messages/reminder";
import { nextStep } from "../domain/next-step";
import { type Instalment, schedulePaymentPlan } from "../domain/payment-plan";
import type { PlanStanding } from "../domain/plan-default";
import { Refusal } from "../domain/refusal";
import type { RecoverySettings } from "../domain/settings";
import type { ApiParsed } from "../sidebar-contract";

export const LADDER_LETTERS: Partial<Record<LetterKind, StepNumber>> = {
  courtesy: 1,
  firm: 2,
  formalNotice: 3,
  handover: 4,
};

export interface ComposedLetter {
  kind: LetterKind;
  /** The Journal's « Étape »: the ladder's label for a ladder letter. */
  step: string;
  ladderStep: StepNumber | undefined;
  document: MessageDocument;
  email: MessageDocument | null;
  /** What the email attaches when it is not `document` itself: the mise en demeure's copy
   * (the original, headed as a registered letter, is for the post). */
  attachment?: MessageDocument;
  recipient: string;
  warnings: string[];
}

export interface LetterContext {
  claims: readonly Claim[];
  journal: readonly JournalEntry[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** Where the payment plans over these invoices stand: the dossier tells their default. */
  plans?: readonly PlanStanding[];
}

export function composeLetter(
  request: ApiParsed<"apiPreviewLetter">,
  ctx: LetterContext,
): ComposedLetter {
  const { claims, today, settings, journal } = ctx;
  if (claims.length === 0) throw new Refusal("Choisissez au moins une facture.");
  const head = claims[0] as Claim;
  const email = claims.find((c) => c.email)?.email ?? "";
  const debtor = debtorIdentityOf(claims, request);
  const invoices = claims.map((c) => c.invoiceNumber);
  const t = totalsOf(claims, today, settings);
  const warnings: string[] = [];
  if (claims.some(isPaid)) warnings.push("Une facture choisie est déjà soldée.");
  if (claims.some((c) => c.disputed))
    warnings.push("Une facture choisie est en litige : vérifiez avant d'envoyer.");
  const kind = request.kind;
  const ladderStep = LADDER_LETTERS[kind];
  if (ladderStep !== undefined) {
    const expected = claims.map((c) => nextStep(c, today, settings.ladder)?.step);
    if (expected.some((s) => s !== ladderStep)) {
      const next = expected.find((s) => s !== undefined);
      warnings.push(
        next
          ? `Ce n'est pas l'étape prévue par l'échelle : la prochaine est « ${stepLabel(next)} ».`
          : "Aucune étape n'est prévue pour ces factures.",
      );
    }
    const behind = claims.filter((c) => !movesLadderForward(c.lastStep, ladderStep));
    if (behind.length > 0)
      warnings.push(
        `${behind.map((c) => `${c.invoiceNumber} (${stepLabel(c.lastStep as StepNumber)})`).join(", ")} : déjà à cette étape ou plus loin. Le courrier sera noté au Journal ; « Dernière étape » ne change pas.`,
      );
  }

  const covering = (document: MessageDocument): MessageDocument | null =>
    email
      ? buildCoveringEmail(
          document.title.split(" — ")[0] ?? document.title,
          LETTER_KINDS[kind],
          invoices,
          settings,
        )
      : null;
  const result = (document: MessageDocument, mail: MessageDocument | null): ComposedLetter => ({
    kind,
    step: ladderStep ? stepLabel(ladderStep) : LETTER_KINDS[kind],
    ladderStep,
    document,
    email: mail,
    recipient: mail ? email : "",
    warnings,
  });

  switch (kind) {
    case "courtesy":
    case "firm": {
      const previousContact = previousReminderDate(claims, journal);
      const reminder = buildReminder({
        step: kind === "courtesy" ? 1 : 2,
        client: head.client,
        claims,
        today,
        settings,
        ...(previousContact ? { previousContact } : {}),
      });
      return result(reminder, email ? reminder : null);
    }
    case "formalNotice": {
      const notice = buildFormalNotice({
        client: head.client,
        claims,
        today,
        settings,
        debtor,
        previousReminders: previousReminderDates(claims, journal),
      });
      return { ...result(notice.letter, email ? notice.email : null), attachment: notice.copy };
    }
    case "handover":
      return result(
        buildHandoverDossier({
          client: head.client,
          claims,
          debtor,
          today,
          settings,
          timeline: timelineOf(journal, head.client, invoices),
          plans: (ctx.plans ?? []).filter((p) => p.plan.invoices.some((i) => invoices.includes(i))),
        }),
        null,
      );
    case "paymentPlan": {
      const total = request.amount ?? t.outstanding;
      if (!request.plan)
        throw new Refusal("Indiquez le nombre d'échéances, la première date et la périodicité.");
      const doc = buildPaymentPlanProposal({
        debtor,
        claims,
        today,
        settings,
        total,
        frequency: request.plan.frequency,
        instalments: instalmentsOf(request.plan, total, today),
      });
      return result(doc, covering(doc));
    }
    case "acknowledgment": {
      const total = request.amount ?? t.outstanding;
      const instalments = request.plan ? instalmentsOf(request.plan, total, today) : undefined;
      const doc = buildAcknowledgment({
        debtor,
        claims,
        today,
        settings,
        total,
        ...(instalments ? { instalments } : {}),
      });
      return result(doc, covering(doc));
    }
    case "partialSettlement": {
      // The sum settled is the table's: the articles and the table never disagree.
      const { owed } = settlementFigures(claims, today, settings);
      if (!request.settlement)
        throw new Refusal("Indiquez le montant réglé par le client et la date limite.");
      const problem = partialSettlementProblem(owed, request.settlement.amount);
      if (problem) throw new Refusal(problem);
      const payBy = parseIsoDate(request.settlement.payBy) as CalendarDate;
      if (payBy < today) throw new Refusal("La date limite de paiement est déjà passée.");
      const doc = buildPartialSettlement({
        debtor,
        claims,
        today,
        settings,
        settlement: request.settlement.amount,
        payBy,
      });
      return result(doc, covering(doc));
    }
  }
}

/** The instalments of the plan typed in the sidebar, or why not, in French. */
function instalmentsOf(
  plan: NonNullable<ApiParsed<"apiPreviewLetter">["plan"]>,
  total: number,
  today: CalendarDate,
): Instalment[] {
  const schedule = schedulePaymentPlan({
    total,
    count: plan.count,
    firstDate: parseIsoDate(plan.firstDate) as CalendarDate,
    frequency: plan.frequency,
    agreedOn: today,
  });
  if (!schedule.ok) throw new Refusal(schedule.problems.join(" "));
  return schedule.instalments;
}
