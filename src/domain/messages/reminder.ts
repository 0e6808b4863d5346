// Steps 1 and 2: the courtesy reminder and the firm reminder, by email, in the tone of the
// debtor's profile. Firm, never threatening: only what the law provides is mentioned.
import { addDays, type CalendarDate } from "../calendar-date";
import {
  type Claim,
  isVeryLate as isClaimVeryLate,
  isProfessional,
  VERY_LATE_DAYS,
} from "../claim";
import { FIRM_REMINDER_DEADLINE_DAYS, type Profile } from "../ladder";
import type { RecoverySettings } from "../settings";
import {
  creditorIdentityBlock,
  euros,
  frDate,
  invoicesPhrase,
  invoicesShort,
  invoiceTable,
  ofInvoicesPhrase,
  paymentBlocks,
  privacyNotice,
  signatureBlock,
  totalsOf,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph } from "./document";
import { applyTemplate, templateFor, templateValues } from "./templates";

export interface ReminderInput {
  step: 1 | 2;
  client: string;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** The date of the previous reminder, if any, to recall it. */
  previousContact?: CalendarDate;
}

/** One very late invoice makes the message no « simple oubli ». */
export function isVeryLate(claims: readonly Claim[], today: CalendarDate): boolean {
  return claims.some((c) => isClaimVeryLate(c, today));
}

/** Days given by the firm reminder ("sous huitaine"): the ladder waits for them. */
export const FIRM_REMINDER_DAYS = FIRM_REMINDER_DEADLINE_DAYS;

function subject(input: ReminderInput): string {
  const company = input.settings.creditor.companyName;
  const what = invoicesShort(input.claims.map((c) => c.invoiceNumber));
  const title =
    input.step === 1
      ? `${what} : rappel de paiement`
      : `Relance : ${invoicesShort(
          input.claims.map((c) => c.invoiceNumber),
          false,
        )} impayée${input.claims.length > 1 ? "s" : ""}`;
  return company ? `${company} — ${title}` : title;
}

function courtesyBody(profile: Profile, input: ReminderInput, due: string): Block[] {
  const opening =
    profile === "Fidèle"
      ? "Nous vous remercions de la confiance que vous nous accordez."
      : undefined;
  const plural = input.claims.length > 1 ? "s" : "";
  const body = isVeryLate(input.claims, input.today)
    ? [
        paragraph(
          `Sauf erreur de notre part, le règlement ${ofInvoicesPhrase(input.claims.map((c) => c.invoiceNumber))}, arrivée${plural} à échéance ${due}, ne nous est toujours pas parvenu, plus de ${VERY_LATE_DAYS} jours après cette date.`,
        ),
        paragraph(
          "Nous vous remercions de bien vouloir procéder à ce règlement dès réception de ce message ; s'il est déjà parti, merci de ne pas tenir compte de ce rappel.",
        ),
      ]
    : [
        paragraph(
          `Sauf erreur de notre part, nous n'avons pas encore reçu le règlement ${ofInvoicesPhrase(input.claims.map((c) => c.invoiceNumber))}, arrivée${plural} à échéance ${due}.`,
        ),
        paragraph(
          "Il s'agit peut-être d'un simple oubli : si votre paiement est déjà en cours, merci de ne pas tenir compte de ce message.",
        ),
      ];
  if (profile === "Fidèle") {
    body.push(
      paragraph(
        "Si vous rencontrez la moindre difficulté, n'hésitez pas à nous en parler : nous trouverons ensemble une solution.",
      ),
    );
  }
  if (profile === "En difficulté") {
    body.push(
      paragraph(
        "Si un règlement en une fois vous pose difficulté, nous pouvons convenir d'un échéancier : il vous suffit de répondre à ce message.",
      ),
    );
  }
  return opening ? [paragraph(opening), ...body] : body;
}

function firmBody(profile: Profile, input: ReminderInput, phrase: string): Block[] {
  const { today, claims } = input;
  const deadline = frDate(addDays(today, FIRM_REMINDER_DAYS));
  const plural = claims.length > 1;
  const recall = input.previousContact
    ? `Malgré notre précédent message du ${frDate(input.previousContact)}, `
    : "";
  const stillUnpaid = `${recall}${recall ? phrase : phrase.charAt(0).toUpperCase() + phrase.slice(1)} reste${plural ? "nt" : ""} impayée${plural ? "s" : ""} à ce jour.`;
  const blocks: Block[] = [];
  if (profile === "Fidèle")
    blocks.push(
      paragraph("Nous nous permettons de revenir vers vous au sujet de votre règlement."),
    );
  blocks.push(paragraph(stillUnpaid));
  if (profile === "Récalcitrant") {
    blocks.push(
      paragraph(
        "Nous vous demandons de procéder à ce règlement sans délai, et au plus tard le ",
        bold(deadline),
        ".",
      ),
    );
  } else {
    blocks.push(
      paragraph(
        "Nous vous remercions de procéder à ce règlement au plus tard le ",
        bold(deadline),
        ".",
      ),
    );
  }
  if (profile === "En difficulté") {
    blocks.push(
      paragraph(
        "Nous savons que la période peut être difficile. Si vous ne pouvez pas régler cette somme en une fois, nous vous proposons un échéancier, ou d'étudier ensemble un règlement partiel : contactez-nous avant cette date pour en convenir.",
      ),
    );
  }
  blocks.push(...lateFeesMention(claims));
  return blocks;
}

/** The firm reminder recalls the fees the law provides: to a professional only. */
function lateFeesMention(claims: readonly Claim[]): Block[] {
  return claims.every(isProfessional)
    ? [
        paragraph(
          "Nous vous rappelons que, conformément à l'article L441-10 du Code de commerce, tout retard de paiement entraîne de plein droit des pénalités de retard, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5).",
        ),
      ]
    : [];
}

export function buildReminder(input: ReminderInput): MessageDocument {
  const { claims, today, settings, step } = input;
  const profile = claims[0]?.profile ?? "Standard";
  const invoices = claims.map((c) => c.invoiceNumber);
  const phrase = invoicesPhrase(invoices);
  const dueDates = [...new Set(claims.map((c) => frDate(c.dueDate)))];
  const due = dueDates.length === 1 ? `le ${dueDates[0]}` : `les ${dueDates.join(", ")}`;
  const totals = totalsOf(claims, today, settings);
  const owed = step === 2 && claims.every(isProfessional) ? totals.total : totals.outstanding;
  const table = invoiceTable(claims, today, settings, step === 2);
  const amount = paragraph("Montant à régler : ", bold(euros(owed)), ".");
  const payment = paymentBlocks(settings.creditor, invoices);
  const builtIn: MessageDocument = {
    title: oneLine(subject(input)),
    blocks: [
      paragraph("Madame, Monsieur,"),
      ...(step === 1 ? courtesyBody(profile, input, due) : firmBody(profile, input, phrase)),
      table,
      amount,
      ...payment,
      paragraph(
        step === 1
          ? "Nous restons à votre disposition pour toute question et vous remercions par avance de votre règlement."
          : "Nous restons à votre disposition pour toute question.",
      ),
      paragraph("Cordialement,"),
      signatureBlock(settings.creditor),
      privacyNotice(settings.creditor),
    ],
  };
  const values = templateValues({
    client: input.client,
    claims,
    creditor: settings.creditor,
    amountDue: owed,
    deadline: addDays(today, FIRM_REMINDER_DAYS),
    lastContact: input.previousContact,
  });
  const template = templateFor(settings.templates, step, profile);
  // A very late invoice is no « oubli », whatever the user's wording says.
  const forgetful = template !== undefined && /oubli/i.test(`${template.subject} ${template.body}`);
  return applyTemplate(
    forgetful && isVeryLate(claims, today) ? undefined : template,
    values,
    builtIn,
    [table, amount, ...(step === 2 ? lateFeesMention(claims) : []), ...payment],
    [creditorIdentityBlock(settings.creditor), privacyNotice(settings.creditor)],
  );
}
