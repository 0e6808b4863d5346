// The proposition d'échéancier (a letter the debtor signs back) and the email that recalls
// each instalment a few days before it falls. The schedule is the domain's
// (payment-plan.ts); this file only says it, with the acceleration clause.
import type { CalendarDate } from "../calendar-date";
import type { Claim } from "../claim";
import { FREQUENCIES, type Frequency, type Instalment, MAX_PLAN_MONTHS } from "../payment-plan";
import type { RecoverySettings } from "../settings";
import {
  type DebtorIdentity,
  debtorBlock,
  euros,
  frDate,
  invoicesPhrase,
  invoicesShort,
  invoiceTable,
  letterhead,
  paymentBlocks,
  placeAndDate,
  privacyNotice,
  signatureBlock,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";

export { type DebtorIdentity, debtorBlock } from "./common";

export function scheduleTable(instalments: readonly Instalment[]): Block {
  const total = instalments.reduce((s, i) => s + Math.round(i.amount * 100), 0) / 100;
  return {
    kind: "table",
    header: ["Échéance", "Date", "Montant"],
    rows: instalments.map((i) => [`${i.number}`, frDate(i.date), euros(i.amount)]),
    footer: ["Total", "", euros(total)],
    numeric: [false, false, true],
  };
}

export const ACCELERATION_CLAUSE =
  "À défaut de paiement d'une seule échéance à sa date, et huit jours après une mise en demeure restée sans effet, la totalité des sommes restant dues deviendra immédiatement exigible, sans autre formalité.";

export interface PaymentPlanProposalInput {
  debtor: DebtorIdentity;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  total: number;
  frequency: Frequency;
  instalments: readonly Instalment[];
}

export function buildPaymentPlanProposal(input: PaymentPlanProposalInput): MessageDocument {
  const { debtor, claims, today, settings, instalments } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const first = instalments[0];
  const last = instalments[instalments.length - 1];
  const blocks: Block[] = [
    letterhead(creditor),
    debtorBlock(debtor),
    placeAndDate(creditor, today),
    paragraph(bold(`Objet : proposition d'échéancier — ${invoicesShort(invoices, false)}`)),
    paragraph("Madame, Monsieur,"),
    paragraph(
      `Comme suite à nos échanges, et afin de vous permettre de régler ${invoicesPhrase(invoices)} dans les meilleures conditions, nous vous proposons l'échéancier suivant :`,
    ),
    invoiceTable(claims, today, settings, false),
    paragraph(
      "Somme à régler : ",
      bold(euros(input.total)),
      `, en ${instalments.length} échéance${instalments.length > 1 ? "s" : ""} (périodicité ${FREQUENCIES[input.frequency]}), du ${first ? frDate(first.date) : ""} au ${last ? frDate(last.date) : ""} :`,
    ),
    scheduleTable(instalments),
    paragraph(
      `Tant que les échéances sont respectées, nous suspendons toute relance (nos échéanciers ne dépassent pas ${MAX_PLAN_MONTHS} mois).`,
    ),
    paragraph(bold("Clause de déchéance du terme : "), text(ACCELERATION_CLAUSE)),
    ...paymentBlocks(creditor, invoices),
    paragraph(
      "Si cette proposition vous convient, nous vous remercions de nous retourner ce courrier daté et signé, précédé de la mention « Bon pour accord ».",
    ),
    paragraph(
      "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    ),
    signatureBlock(creditor),
    paragraph(
      text(`Pour ${debtor.name}, le ……/……/………… — « Bon pour accord » et signature :\n\n\n`),
    ),
    privacyNotice(creditor),
  ];
  return {
    title: oneLine(`Proposition d'échéancier — ${debtor.name} — ${invoices.join(", ")} — ${today}`),
    blocks,
  };
}

export interface InstalmentReminderInput {
  client: string;
  invoices: readonly string[];
  instalment: Instalment;
  count: number;
  settings: RecoverySettings;
}

/** The courteous email a few days before an instalment. */
export function buildInstalmentReminder(input: InstalmentReminderInput): MessageDocument {
  const { instalment, settings, invoices } = input;
  const company = settings.creditor.companyName;
  const title = `Échéance ${instalment.number}/${input.count} du ${frDate(instalment.date)} — ${invoicesShort(invoices, false)}`;
  return {
    title: oneLine(company ? `${company} — ${title}` : title),
    blocks: [
      paragraph("Madame, Monsieur,"),
      paragraph(
        `Nous vous remercions du respect de notre échéancier. Pour mémoire, l'échéance n° ${instalment.number} sur ${input.count}, d'un montant de `,
        bold(euros(instalment.amount)),
        `, est à régler au plus tard le `,
        bold(frDate(instalment.date)),
        ".",
      ),
      ...paymentBlocks(settings.creditor, invoices),
      paragraph("Si votre règlement est déjà parti, merci de ne pas tenir compte de ce message."),
      paragraph("Cordialement,"),
      signatureBlock(settings.creditor),
      privacyNotice(settings.creditor),
    ],
  };
}

/** The short email that carries a letter's PDF to the debtor. */
export function buildCoveringEmail(
  letterTitle: string,
  what: string,
  invoices: readonly string[],
  settings: RecoverySettings,
): MessageDocument {
  const company = settings.creditor.companyName;
  const title = `${what} — ${invoicesShort(invoices, false)}`;
  return {
    title: oneLine(company ? `${company} — ${title}` : title),
    blocks: [
      paragraph("Madame, Monsieur,"),
      paragraph(`Vous trouverez ci-joint le document « ${letterTitle} ».`),
      paragraph(
        "Nous vous remercions de nous le retourner daté et signé, et restons à votre disposition pour en parler.",
      ),
      paragraph("Cordialement,"),
      signatureBlock(settings.creditor),
      privacyNotice(settings.creditor),
    ],
  };
}
