// The protocole de remise partielle: the creditor waives part of the debt provided the
// rest is paid by a date (a transaction, Code civil 2044). If it is not paid in time the
// waiver falls and the whole debt is due again: the creditor gives nothing for nothing.
import type { CalendarDate } from "../calendar-date";
import type { Claim } from "../claim";
import { roundToCent } from "../money";
import type { RecoverySettings } from "../settings";
import {
  euros,
  frDate,
  invoicesShort,
  invoiceTable,
  letterhead,
  longFrenchDate,
  paymentBlocks,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";
import { type DebtorIdentity, debtorBlock } from "./payment-plan-proposal";

export interface PartialSettlementInput {
  debtor: DebtorIdentity;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** What is owed in all (principal, and penalties and indemnity where claimed). */
  owed: number;
  /** What the debtor pays to settle. */
  settlement: number;
  payBy: CalendarDate;
}

export function partialSettlementProblem(owed: number, settlement: number): string | undefined {
  if (!(settlement > 0)) return "Le montant réglé doit être supérieur à 0.";
  if (settlement >= owed)
    return `Le montant réglé (${euros(settlement)}) doit être inférieur à la somme due (${euros(owed)}) : sinon ce n'est pas une remise.`;
  return undefined;
}

export function buildPartialSettlement(input: PartialSettlementInput): MessageDocument {
  const { debtor, claims, today, settings, owed, settlement, payBy } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const waived = roundToCent(owed - settlement);
  const blocks: Block[] = [
    { kind: "title", text: "Protocole de remise partielle de dette" },
    letterhead(creditor),
    debtorBlock(debtor),
    paragraph(bold(`Objet : ${invoicesShort(invoices, false)}`)),
    paragraph(bold("Article 1 — La créance")),
    paragraph(
      `${debtor.name} reste devoir à ${creditor.companyName || "la société créancière"} la somme de `,
      bold(euros(owed)),
      " au titre de :",
    ),
    invoiceTable(claims, today, settings, false),
    paragraph(bold("Article 2 — L'engagement du débiteur")),
    paragraph(
      `${debtor.name} s'engage à régler la somme de `,
      bold(euros(settlement)),
      " au plus tard le ",
      bold(frDate(payBy)),
      ".",
    ),
    paragraph(bold("Article 3 — La remise consentie")),
    paragraph(
      `En contrepartie, et sous la condition du paiement intégral de cette somme à cette date, ${creditor.companyName || "le créancier"} renonce au solde de `,
      bold(euros(waived)),
      ", ainsi qu'à toute pénalité et indemnité afférentes à ces factures.",
    ),
    paragraph(bold("Article 4 — À défaut de paiement")),
    paragraph(
      text(
        "À défaut de paiement intégral à la date convenue, la présente remise sera caduque de plein droit : la totalité de la somme de ",
      ),
      bold(euros(owed)),
      text(" redeviendra exigible, sous déduction des sommes déjà versées."),
    ),
    paragraph(bold("Article 5 — Effet")),
    paragraph(
      "Le présent protocole vaut transaction au sens de l'article 2044 du Code civil. Il vaut reconnaissance par le débiteur de la somme indiquée à l'article 1.",
    ),
    ...paymentBlocks(creditor, invoices),
    paragraph(
      `Fait à ${creditor.city || "……………………"}, le ${longFrenchDate(today)}, en deux exemplaires.`,
    ),
    paragraph(
      text(`Pour ${creditor.companyName || "le créancier"} :\n\n\n`),
      text(
        `Pour ${debtor.name}${debtor.representative ? ` (${debtor.representative})` : ""}, « Lu et approuvé » :\n\n\n`,
      ),
    ),
  ];
  return {
    title: oneLine(
      `Protocole de remise partielle — ${debtor.name} — ${invoices.join(", ")} — ${today}`,
    ),
    blocks,
  };
}
