// The mise en demeure of a missed payment-plan instalment (domain/plan-default.ts). The
// plan's clause makes the whole balance due « huit jours après une mise en demeure restée
// sans effet »: this is that mise en demeure (C. civ. 1344). It names the plan (its date,
// its invoices), the instalment(s) missed with amounts and dates, demands them within the
// deadline counted from receipt, and says that failing this the déchéance du terme — the
// plan's own clause, binding as a contract (C. civ. 1103) — makes the balance due at once.
// Like the ladder's mise en demeure: the original to post by registered mail, and the copy
// the email carries. For a consumer, no penalties nor 40 € (L441-10 binds professionals
// only); legal interest runs from the mise en demeure (C. civ. 1231-6).
import { addDays, type CalendarDate } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import type { Instalment, PaymentPlan } from "../payment-plan";
import { instalmentsTotal, type PlanStanding } from "../plan-default";
import type { RecoverySettings } from "../settings";
import {
  type DebtorIdentity,
  debtorIdentityOf,
  euros,
  frDate,
  invoicesPhrase,
  invoicesShort,
  ofInvoicesPhrase,
  paymentBlocks,
  privacyNotice,
  signatureBlock,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";
import {
  COPY_HEADING,
  consumerInterestSentence,
  deadlineFromReceipt,
  type FormalNotice,
  formalNoticeEnding,
  formalNoticeOpening,
  REGISTERED_HEADING,
} from "./formal-notice";
import { ACCELERATION_CLAUSE, scheduleTable } from "./payment-plan-proposal";

export interface PlanNoticeInput {
  plan: PaymentPlan;
  /** The plan's invoices as the ledger has them (identity, Type). */
  claims: readonly Claim[];
  /** The instalments missed, oldest first (planDefault). */
  missed: readonly Instalment[];
  /** What the plan still asks (planBalance): due at once after the déchéance du terme. */
  balance: number;
  today: CalendarDate;
  settings: RecoverySettings;
  debtor?: DebtorIdentity;
}

/** « 2 », « 2 et 3 », « 2, 3 et 4 ». */
function numbers(missed: readonly Instalment[]): string {
  const n = missed.map((i) => String(i.number));
  return n.length === 1 ? (n[0] as string) : `${n.slice(0, -1).join(", ")} et ${n[n.length - 1]}`;
}

/** « L'échéance n° 2 du 05/12/2026, d'un montant de 500,00 €, reste impayée » or, for
 * several, their numbers, dates and total. */
export function missedInstalmentsPhrase(missed: readonly Instalment[], total: number): string {
  const first = missed[0];
  if (missed.length === 1 && first)
    return `l'échéance n° ${first.number} du ${frDate(first.date)}, d'un montant de ${euros(first.amount)}, reste impayée`;
  const dates = missed.map((i) => frDate(i.date));
  return `les échéances n° ${numbers(missed)} (des ${dates.slice(0, -1).join(", ")} et ${dates[dates.length - 1]}), d'un montant total de ${euros(total)}, restent impayées`;
}

/** « l'échéancier convenu le 05/10/2026 pour la facture F-1 ». */
export function planPhrase(plan: Pick<PaymentPlan, "agreedOn" | "invoices">): string {
  return `l'échéancier convenu le ${frDate(plan.agreedOn)} pour ${invoicesPhrase(plan.invoices)}`;
}

function capitalize(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export function buildPlanDefaultNotice(input: PlanNoticeInput): FormalNotice {
  const { plan, claims, missed, balance, today, settings } = input;
  const { creditor } = settings;
  const days = settings.ladder.formalNoticeDeadlineDays;
  const demanded = instalmentsTotal(missed);
  const professional = claims.length > 0 && claims.every(isProfessional);
  const debtor = input.debtor ?? { ...debtorIdentityOf(claims), name: plan.client };
  const count = plan.instalments.length;
  const planTotal = instalmentsTotal(plan.instalments);
  const missedText = missedInstalmentsPhrase(missed, demanded);
  const lapse = paragraph(
    "Votre échéancier stipule : « ",
    text(ACCELERATION_CLAUSE),
    " » À défaut de règlement dans ce délai, la déchéance du terme sera donc acquise en application de cette clause, qui tient lieu de loi entre nous (article 1103 du Code civil) : ",
    bold(
      `la totalité du solde restant dû au titre de l'échéancier, soit ${euros(balance)}, deviendra immédiatement exigible`,
    ),
    ".",
  );
  const body = (heading: string): Block[] => {
    const blocks: Block[] = [
      ...formalNoticeOpening(creditor, debtor, today, heading),
      paragraph(
        bold(
          `Objet : mise en demeure — échéancier du ${frDate(plan.agreedOn)} (${invoicesShort(plan.invoices, false)}), échéance${missed.length > 1 ? "s" : ""} impayée${missed.length > 1 ? "s" : ""}`,
        ),
      ),
      paragraph("Madame, Monsieur,"),
      paragraph(
        `Par accord du ${frDate(plan.agreedOn)}, nous sommes convenus d'un échéancier pour le règlement ${ofInvoicesPhrase(plan.invoices)} : ${count} échéance${count > 1 ? "s" : ""}, pour un total de ${euros(planTotal)}. ${capitalize(missedText)} à ce jour :`,
      ),
      scheduleTable(missed),
      paragraph(
        bold(
          `Par la présente, nous vous mettons en demeure, au sens de l'article 1344 du Code civil, de nous régler la somme de ${euros(demanded)} ${deadlineFromReceipt(days)}.`,
        ),
      ),
      lapse,
    ];
    blocks.push(
      professional
        ? paragraph(
            "Les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement dues entre professionnels (articles L441-10 et D441-5 du Code de commerce) restent réservées.",
          )
        : paragraph(consumerInterestSentence(demanded, today, settings)),
      ...formalNoticeEnding(creditor, plan.invoices),
    );
    return blocks;
  };
  const numbersText = numbers(missed);
  const name = oneLine(
    `Mise en demeure — échéancier — ${plan.client} — ${plan.invoices.join(", ")} — échéance ${numbersText} — ${today}`,
  );
  const company = creditor.companyName;
  const email: MessageDocument = {
    title: oneLine(
      `${company ? `${company} — ` : ""}Mise en demeure — échéancier du ${frDate(plan.agreedOn)} — ${invoicesShort(plan.invoices, false)}`,
    ),
    blocks: [
      paragraph("Madame, Monsieur,"),
      paragraph(
        `${capitalize(missedText)} : ${missed.length > 1 ? "elles relèvent" : "elle relève"} de ${planPhrase(plan)}.`,
      ),
      paragraph(
        "Vous trouverez ci-joint copie de notre mise en demeure de régler la somme de ",
        bold(euros(demanded)),
        ` ${deadlineFromReceipt(days)} ; à défaut, la déchéance du terme prévue par l'échéancier rendra immédiatement exigible la totalité du solde, soit `,
        bold(euros(balance)),
        ". L'original vous est adressé par lettre recommandée avec accusé de réception.",
      ),
      ...paymentBlocks(creditor, plan.invoices),
      paragraph(
        "Si vous avez réglé cette somme entre-temps, merci de ne pas tenir compte de ce message.",
      ),
      paragraph("Salutations distinguées,"),
      signatureBlock(creditor),
      privacyNotice(creditor),
    ],
  };
  return {
    letter: { title: name, blocks: body(REGISTERED_HEADING) },
    copy: { title: `${name} (copie)`, blocks: body(COPY_HEADING) },
    email,
    deadline: addDays(today, days),
    total: demanded,
  };
}

/** The plan as the dossier for a commissaire de justice or a lawyer tells it: agreed when,
 * for what, its default, the mise en demeure and the déchéance du terme. */
export function planSituation(standing: PlanStanding, deadlineDays: number): Block {
  const { plan, status, state, balance } = standing;
  const count = plan.instalments.length;
  const total = instalmentsTotal(plan.instalments);
  const head = `Échéancier convenu le ${frDate(plan.agreedOn)} pour ${invoicesPhrase(plan.invoices)} : ${count} échéance${count > 1 ? "s" : ""}, ${euros(total)} ; réglé depuis l'accord : ${euros(status.paidSinceAgreement)}.`;
  if (state.kind === "running")
    return paragraph(bold("Échéancier : "), text(`${head} Les échéances échues sont respectées.`));
  const missed = capitalize(missedInstalmentsPhrase(state.missed, instalmentsTotal(state.missed)));
  if (state.kind === "noticeDue")
    return paragraph(
      bold("Échéancier en défaut : "),
      text(
        `${head} ${missed}. La mise en demeure prévue par la clause de déchéance du terme n'est pas encore partie.`,
      ),
    );
  const notice = `mise en demeure du ${frDate(state.notice.date)} (lettre recommandée avec accusé de réception, délai de ${deadlineDays} jours à compter de sa réception)`;
  return paragraph(
    bold("Échéancier en défaut : "),
    text(`${head} ${missed} ; ${notice}`),
    state.kind === "accelerated"
      ? text(
          ` restée sans effet. Déchéance du terme acquise le ${frDate(state.lapsesOn)} en application de la clause de l'échéancier (« ${ACCELERATION_CLAUSE} », article 1103 du Code civil) : le solde de l'échéancier, ${euros(balance)}, est devenu immédiatement exigible.`,
        )
      : text(
          ` en cours : à défaut de paiement, déchéance du terme le ${frDate(state.lapsesOn)} au plus tôt, et le solde de l'échéancier, ${euros(balance)}, deviendra immédiatement exigible.`,
        ),
  );
}
