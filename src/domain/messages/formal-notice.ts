// Step 3: the mise en demeure. It states that it is one, identifies both parties (the
// debtor by its postal address and SIREN, never by an email address), the basis
// (invoices, dates, due dates), the principal, the penalties and the 40 € apart with a
// per-half-year table anyone can check, an explicit demand to pay within a deadline that
// runs from receipt, and the possible next step in measured words (docs/law.md). It does
// not interrupt prescription, so it never claims to.
//
// Two versions of one text: the letter the user posts by registered mail (headed so), and
// the copy emailed with its PDF, which says the original follows by registered post.
import { addDays, type CalendarDate } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import { legalRateOn } from "../legal-interest";
import type { Creditor, RecoverySettings } from "../settings";
import {
  creditorIdentityBlock,
  type DebtorIdentity,
  debtorBlock,
  debtorIdentityOf,
  euros,
  frDate,
  halfYearLabel,
  invoicesPhrase,
  invoicesShort,
  invoiceTable,
  invoiceTables,
  letterhead,
  paymentBlocks,
  penaltyTableBlocks,
  placeAndDate,
  privacyNotice,
  rateText,
  signatureBlock,
  totalsOf,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph } from "./document";
import { applyTemplate, templateFor, templateValues } from "./templates";

export interface FormalNoticeInput {
  client: string;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** Days the reminders about these invoices really went out (previousReminderDates). */
  previousReminders: readonly CalendarDate[];
  /** Default: the ledger's Adresse and SIREN of these claims. */
  debtor?: DebtorIdentity;
}

export interface FormalNotice {
  /** The original, headed « Lettre recommandée avec accusé de réception »: to be posted. */
  letter: MessageDocument;
  /** The same notice as emailed (its PDF attached): says the original follows by post. */
  copy: MessageDocument;
  email: MessageDocument;
  /** Today + the deadline: the earliest the deadline can end (it runs from receipt). */
  deadline: CalendarDate;
  total: number;
}

export const REGISTERED_HEADING = "Lettre recommandée avec accusé de réception";
export const COPY_HEADING =
  "Copie adressée par courriel — l'original vous est adressé par lettre recommandée avec accusé de réception";

/** « Malgré nos relances des 02/11/2026 et 09/11/2026, » — only reminders really sent. */
export function recallOfReminders(dates: readonly CalendarDate[]): string {
  const reminders = dates.map(frDate);
  if (reminders.length === 0) return "";
  if (reminders.length === 1) return `Malgré notre relance du ${reminders[0]}, `;
  return `Malgré nos relances des ${reminders.slice(0, -1).join(", ")} et ${reminders[reminders.length - 1]}, `;
}

/** « dans un délai de 8 jours à compter de la réception de la présente ». */
export function deadlineFromReceipt(days: number): string {
  return `dans un délai de ${days} jours à compter de la réception de la présente`;
}

/** The consumer's interest: legal rate « autres cas » (the creditor is a business), from
 * the mise en demeure (C. civ. 1231-6, 1344-1), its rate stated. */
export function consumerInterestSentence(
  principal: number,
  today: CalendarDate,
  settings: RecoverySettings,
): string {
  const { rate, official } = legalRateOn(settings.rates, today);
  return `Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir sur le principal de ${euros(principal)} les intérêts au taux de l'intérêt légal, soit ${rateText(rate, official)} l'an pour le ${halfYearLabel(today)} (taux applicable lorsque le créancier n'est pas un particulier), jusqu'au complet paiement.`;
}

export const LETTER_CLOSING =
  "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.";

export const NEXT_STEP_SENTENCE =
  "À défaut de règlement dans ce délai, nous pourrons saisir la juridiction compétente afin d'obtenir un titre exécutoire, ou confier le recouvrement de cette créance à un commissaire de justice.";

/** How every mise en demeure opens, the ladder's and a payment plan's: the creditor's
 * letterhead, the debtor's postal block (it is posted by LRAR), place and date, its heading. */
export function formalNoticeOpening(
  creditor: Creditor,
  debtor: DebtorIdentity,
  today: CalendarDate,
  heading: string,
): Block[] {
  return [
    letterhead(creditor),
    debtorBlock(debtor, true),
    placeAndDate(creditor, today),
    paragraph(bold(heading)),
  ];
}

/** How every mise en demeure ends, the ladder's and a payment plan's: what comes next, how to
 * pay, the usual courtesy if paid meanwhile, the closing, the signature, the privacy notice. */
export function formalNoticeEnding(creditor: Creditor, invoices: readonly string[]): Block[] {
  return [
    paragraph(NEXT_STEP_SENTENCE),
    ...paymentBlocks(creditor, invoices),
    paragraph(
      "Si vous avez réglé cette somme entre-temps, nous vous prions de ne pas tenir compte de la présente.",
    ),
    paragraph(LETTER_CLOSING),
    signatureBlock(creditor),
    privacyNotice(creditor),
  ];
}

export function buildFormalNotice(input: FormalNoticeInput): FormalNotice {
  const { claims, today, settings } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const days = settings.ladder.formalNoticeDeadlineDays;
  const deadline = addDays(today, days);
  const t = totalsOf(claims, today, settings);
  const professional = claims.every(isProfessional);
  const demanded = professional ? t.total : t.outstanding;
  const debtor = input.debtor ?? { ...debtorIdentityOf(claims), name: input.client };
  const recall = recallOfReminders(input.previousReminders);
  const plural = claims.length > 1;
  const amounts: Block[] = [paragraph("Principal restant dû : ", bold(euros(t.outstanding)))];
  if (professional) {
    amounts.push(
      paragraph(
        `Pénalités de retard au ${frDate(today)} (article L441-10 du Code de commerce, détail ci-dessous) : `,
        bold(euros(t.penalties)),
      ),
      paragraph(
        "Indemnité forfaitaire pour frais de recouvrement (articles L441-10 et D441-5 du Code de commerce, 40 € par facture) : ",
        bold(euros(t.indemnity)),
      ),
      paragraph("Total : ", bold(euros(t.total))),
      ...penaltyTableBlocks(claims, today, settings),
    );
  }
  const body = (heading: string): Block[] => {
    const blocks: Block[] = [
      ...formalNoticeOpening(creditor, debtor, today, heading),
      paragraph(bold(`Objet : mise en demeure de payer — ${invoicesShort(invoices, false)}`)),
      paragraph("Madame, Monsieur,"),
      paragraph(
        `${recall}${recall ? invoicesPhrase(invoices) : capitalize(invoicesPhrase(invoices))}, émise${plural ? "s" : ""} par ${creditor.companyName || "notre société"}, reste${plural ? "nt" : ""} impayée${plural ? "s" : ""} à ce jour :`,
      ),
      ...invoiceTables(claims, today, settings, professional),
      ...amounts,
      paragraph(
        bold("Par la présente, nous vous mettons en demeure de nous régler la somme de "),
        bold(euros(demanded)),
        bold(` ${deadlineFromReceipt(days)}.`),
      ),
    ];
    if (!professional)
      blocks.push(paragraph(consumerInterestSentence(t.outstanding, today, settings)));
    blocks.push(...formalNoticeEnding(creditor, invoices));
    return blocks;
  };
  const name = oneLine(`Mise en demeure — ${input.client} — ${invoices.join(", ")} — ${today}`);
  const letter: MessageDocument = { title: name, blocks: body(REGISTERED_HEADING) };
  const copy: MessageDocument = { title: `${name} (copie)`, blocks: body(COPY_HEADING) };
  const company = creditor.companyName;
  const table = invoiceTable(claims, today, settings, professional);
  const payment = paymentBlocks(creditor, invoices);
  const noticeSentence = paragraph(
    "Vous trouverez ci-joint copie de notre mise en demeure de payer la somme de ",
    bold(euros(demanded)),
    ` ${deadlineFromReceipt(days)}. L'original vous est adressé par lettre recommandée avec accusé de réception.`,
  );
  const builtInEmail: MessageDocument = {
    title: oneLine(
      `${company ? `${company} — ` : ""}Mise en demeure de payer — ${invoicesShort(invoices, false)}`,
    ),
    blocks: [
      paragraph("Madame, Monsieur,"),
      paragraph(
        `${recall}${recall ? invoicesPhrase(invoices) : capitalize(invoicesPhrase(invoices))} reste${plural ? "nt" : ""} impayée${plural ? "s" : ""}.`,
      ),
      noticeSentence,
      ...payment,
      paragraph(
        "Si vous avez réglé cette somme entre-temps, merci de ne pas tenir compte de ce message.",
      ),
      paragraph("Salutations distinguées,"),
      signatureBlock(creditor),
      privacyNotice(creditor),
    ],
  };
  // In the user's wording, the email still says that a mise en demeure is attached, what it
  // demands and from when the deadline runs: the letter itself is never templated.
  const email = applyTemplate(
    templateFor(settings.templates, 3, claims[0]?.profile ?? "Standard"),
    templateValues({
      client: input.client,
      claims,
      creditor,
      amountDue: demanded,
      deadline,
      lastContact: [...input.previousReminders].sort().pop(),
    }),
    builtInEmail,
    [table, noticeSentence, ...payment],
    [creditorIdentityBlock(creditor), privacyNotice(creditor)],
  );
  return { letter, copy, email, deadline, total: demanded };
}

function capitalize(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}
