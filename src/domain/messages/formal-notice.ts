// Step 3: the mise en demeure. It states that it is one, identifies both parties, the
// basis (invoices, dates, due dates), the principal, the penalties and the 40 € apart,
// an explicit demand to pay within a deadline, and the possible next step in measured
// words (docs/law.md). It does not interrupt prescription, so it never claims to.
import { addDays, type CalendarDate } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import { formatPercent } from "../money";
import { halfYearOf, ratesForHalfYear } from "../rates";
import type { RecoverySettings } from "../settings";
import {
  euros,
  frDate,
  invoicesPhrase,
  invoicesShort,
  invoiceTable,
  invoiceTables,
  letterhead,
  longFrenchDate,
  paymentBlocks,
  signatureBlock,
  totalsOf,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";
import { applyTemplate, templateFor, templateValues } from "./templates";

export interface FormalNoticeInput {
  client: string;
  email?: string;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** Dates of the earlier reminders, from the Journal. */
  previousReminders: readonly CalendarDate[];
}

export interface FormalNotice {
  letter: MessageDocument;
  email: MessageDocument;
  deadline: CalendarDate;
  total: number;
}

function penaltyRates(input: FormalNoticeInput): string {
  const rates = [
    ...new Set(
      input.claims.flatMap((c) => [halfYearOf(addDays(c.dueDate, 1)), halfYearOf(input.today)]),
    ),
  ]
    .sort()
    .map((h) => ratesForHalfYear(input.settings.rates, h).rates.penaltyRate);
  const distinct = [...new Set(rates)].map(formatPercent);
  return distinct.length === 1
    ? `taux de ${distinct[0]} l'an`
    : `taux semestriels de ${distinct.join(", ")} l'an`;
}

export function buildFormalNotice(input: FormalNoticeInput): FormalNotice {
  const { claims, today, settings } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const deadline = addDays(today, settings.ladder.formalNoticeDeadlineDays);
  const t = totalsOf(claims, today, settings);
  const professional = claims.every(isProfessional);
  const demanded = professional ? t.total : t.outstanding;
  const reminders = input.previousReminders.map(frDate);
  const recall =
    reminders.length === 0
      ? "Malgré nos demandes, "
      : reminders.length === 1
        ? `Malgré notre relance du ${reminders[0]}, `
        : `Malgré nos relances des ${reminders.slice(0, -1).join(", ")} et ${reminders[reminders.length - 1]}, `;
  const amounts: Block[] = [paragraph("Principal restant dû : ", bold(euros(t.outstanding)))];
  if (professional) {
    amounts.push(
      paragraph(
        `Pénalités de retard au ${frDate(today)} (article L441-10 du Code de commerce, ${penaltyRates(input)}) : `,
        bold(euros(t.penalties)),
      ),
      paragraph(
        `Indemnité forfaitaire pour frais de recouvrement (article D441-5 du Code de commerce, 40 € par facture) : `,
        bold(euros(t.indemnity)),
      ),
      paragraph("Total : ", bold(euros(t.total))),
    );
  }
  const legalRate = ratesForHalfYear(settings.rates, halfYearOf(today)).rates.legalRateOtherCases;
  const blocks: Block[] = [
    letterhead(creditor),
    {
      kind: "paragraph",
      align: "right",
      runs: [bold(input.client), ...(input.email ? [text(`\n${input.email}`)] : [])],
    },
    {
      kind: "paragraph",
      align: "right",
      runs: [text(`${creditor.city ? `${creditor.city}, le` : "Le"} ${longFrenchDate(today)}`)],
    },
    paragraph(bold("Lettre recommandée avec accusé de réception")),
    paragraph(bold(`Objet : mise en demeure de payer — ${invoicesShort(invoices, false)}`)),
    paragraph("Madame, Monsieur,"),
    paragraph(
      `${recall}${invoicesPhrase(invoices)}, émise${claims.length > 1 ? "s" : ""} par ${creditor.companyName || "notre société"}, reste${claims.length > 1 ? "nt" : ""} impayée${claims.length > 1 ? "s" : ""} à ce jour :`,
    ),
    ...invoiceTables(claims, today, settings, professional),
    ...amounts,
    paragraph(
      bold("Par la présente, nous vous mettons en demeure de nous régler la somme de "),
      bold(euros(demanded)),
      bold(
        ` dans un délai de ${settings.ladder.formalNoticeDeadlineDays} jours à compter de la date de la présente lettre, soit au plus tard le ${frDate(deadline)}.`,
      ),
    ),
  ];
  if (!professional) {
    blocks.push(
      paragraph(
        `Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir sur le principal les intérêts au taux légal (${formatPercent(legalRate)} l'an au ${frDate(today)}).`,
      ),
    );
  }
  blocks.push(
    paragraph(
      "À défaut de règlement dans ce délai, nous serons fondés à confier le recouvrement de cette créance à un commissaire de justice ou à engager une procédure judiciaire de recouvrement.",
    ),
    ...paymentBlocks(creditor, invoices),
    paragraph(
      "Si vous avez réglé cette somme entre-temps, nous vous prions de ne pas tenir compte de la présente.",
    ),
    paragraph(
      "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    ),
    signatureBlock(creditor),
  );
  const letter: MessageDocument = {
    title: oneLine(`Mise en demeure — ${input.client} — ${invoices.join(", ")} — ${today}`),
    blocks,
  };
  const company = creditor.companyName;
  const table = invoiceTable(claims, today, settings, professional);
  const payment = paymentBlocks(creditor, invoices);
  const builtInEmail: MessageDocument = {
    title: oneLine(
      `${company ? `${company} — ` : ""}Mise en demeure de payer — ${invoicesShort(invoices, false)}`,
    ),
    blocks: [
      paragraph("Madame, Monsieur,"),
      paragraph(
        `${recall}${invoicesPhrase(invoices)} reste${claims.length > 1 ? "nt" : ""} impayée${claims.length > 1 ? "s" : ""}. Vous trouverez ci-joint notre mise en demeure de payer la somme de `,
        bold(euros(demanded)),
        ` au plus tard le `,
        bold(frDate(deadline)),
        ".",
      ),
      ...payment,
      paragraph(
        "Si vous avez réglé cette somme entre-temps, merci de ne pas tenir compte de ce message.",
      ),
      paragraph("Salutations distinguées,"),
      signatureBlock(creditor),
    ],
  };
  // In the user's wording, the email still says that a mise en demeure is attached, what it
  // demands and by when: the letter itself is never templated.
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
    [
      table,
      paragraph(
        "Mise en demeure ci-jointe : ",
        bold(euros(demanded)),
        " à régler au plus tard le ",
        bold(frDate(deadline)),
        ".",
      ),
      ...payment,
    ],
  );
  return { letter, email, deadline, total: demanded };
}
