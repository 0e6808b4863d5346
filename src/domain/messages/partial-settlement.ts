// Part of the debt waived for payment of the rest, by a date. Said for what it is:
// - with a dispute (Litige), concessions on both sides end it: a transaction (C. civ. 2044,
//   2052) — the debtor pays and drops the dispute, the creditor waives the rest;
// - without one, the creditor alone gives something: a remise de dette (C. civ. 1350),
//   conditional on payment; if it is not paid in time the waiver falls.
// One computation (settlementFigures) gives both the table and every article's figure, so
// they agree. A consumer never owed penalties nor the 40 €: his protocol never waives them.
import type { CalendarDate } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import { roundToCent } from "../money";
import type { RecoverySettings } from "../settings";
import {
  chargesTable,
  type DebtorIdentity,
  debtorBlock,
  euros,
  frDate,
  invoicesShort,
  invoiceTable,
  letterhead,
  longFrenchDate,
  paymentBlocks,
  privacyNotice,
  totalsOf,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";

export interface PartialSettlementInput {
  debtor: DebtorIdentity;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** What the debtor pays to settle. */
  settlement: number;
  payBy: CalendarDate;
}

export interface SettlementFigures {
  /** What is owed in all: the principal, with the penalties and the 40 € for a professional. */
  owed: number;
  professional: boolean;
  /** The tables whose total is `owed`. */
  tables: Block[];
  /** A dispute on one of the invoices: the settlement is a transaction. */
  transaction: boolean;
}

export function settlementFigures(
  claims: readonly Claim[],
  today: CalendarDate,
  settings: RecoverySettings,
): SettlementFigures {
  const professional = claims.length > 0 && claims.every(isProfessional);
  const t = totalsOf(claims, today, settings);
  return {
    owed: professional ? t.total : t.outstanding,
    professional,
    tables: professional
      ? [invoiceTable(claims, today, settings, false), chargesTable(claims, today, settings)]
      : [invoiceTable(claims, today, settings, false)],
    transaction: claims.some((c) => c.disputed),
  };
}

export function partialSettlementProblem(owed: number, settlement: number): string | undefined {
  if (!(settlement > 0)) return "Le montant réglé doit être supérieur à 0.";
  if (settlement >= owed)
    return `Le montant réglé (${euros(settlement)}) doit être inférieur à la somme due (${euros(owed)}) : sinon ce n'est pas une remise.`;
  return undefined;
}

export function partialSettlementTitle(transaction: boolean): string {
  return transaction
    ? "Protocole d'accord transactionnel"
    : "Protocole de remise partielle de dette";
}

export function buildPartialSettlement(input: PartialSettlementInput): MessageDocument {
  const { debtor, claims, today, settings, settlement, payBy } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const { owed, professional, tables, transaction } = settlementFigures(claims, today, settings);
  const waived = roundToCent(owed - settlement);
  const company = creditor.companyName || "le créancier";
  const charges = professional ? ", pénalités de retard et indemnités forfaitaires comprises" : "";
  const pay = paragraph(
    `${debtor.name} s'engage à régler la somme de `,
    bold(euros(settlement)),
    " au plus tard le ",
    bold(frDate(payBy)),
    ".",
  );
  const onDefault = (what: string): Block =>
    paragraph(
      text(
        `À défaut de paiement intégral à la date convenue, ${what} : la totalité de la somme de `,
      ),
      bold(euros(owed)),
      text(" redeviendra exigible, sous déduction des sommes déjà versées."),
    );
  const articles: Block[] = transaction
    ? [
        paragraph(bold("Article 1 — Le différend")),
        paragraph(
          `${creditor.companyName || "Le créancier"} réclame à ${debtor.name} la somme de `,
          bold(euros(owed)),
          ` au titre des factures ci-dessous${charges}. ${debtor.name} conteste devoir tout ou partie de cette somme.`,
        ),
        ...tables,
        paragraph(bold("Article 2 — Les concessions réciproques")),
        pay,
        paragraph(
          `${debtor.name} renonce à toute contestation et à toute réclamation relatives à ces factures. En contrepartie, et sous la condition de ce paiement, ${company} renonce au surplus de sa demande, soit `,
          bold(euros(waived)),
          ".",
        ),
        paragraph(bold("Article 3 — À défaut de paiement")),
        onDefault("la présente transaction sera résolue"),
        paragraph(bold("Article 4 — Effet")),
        paragraph(
          "Le présent protocole est une transaction au sens de l'article 2044 du Code civil : il met fin au différend et fait obstacle à toute action ayant le même objet (article 2052 du Code civil).",
        ),
      ]
    : [
        paragraph(bold("Article 1 — La créance")),
        paragraph(
          `${debtor.name} reconnaît devoir à ${creditor.companyName || "la société créancière"} la somme de `,
          bold(euros(owed)),
          ` au titre des factures ci-dessous${charges} :`,
        ),
        ...tables,
        paragraph(bold("Article 2 — L'engagement du débiteur")),
        pay,
        paragraph(bold("Article 3 — La remise de dette")),
        paragraph(
          `Sous la condition du paiement intégral de cette somme à cette date, ${company} consent à ${debtor.name} la remise du solde, soit `,
          bold(euros(waived)),
          " (remise de dette, article 1350 du Code civil).",
        ),
        paragraph(bold("Article 4 — À défaut de paiement")),
        onDefault("la remise sera caduque de plein droit"),
      ];
  const blocks: Block[] = [
    { kind: "title", text: partialSettlementTitle(transaction) },
    letterhead(creditor),
    debtorBlock(debtor),
    paragraph(bold(`Objet : ${invoicesShort(invoices, false)}`)),
    ...articles,
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
    privacyNotice(creditor),
  ];
  return {
    title: oneLine(
      `${partialSettlementTitle(transaction)} — ${debtor.name} — ${invoices.join(", ")} — ${today}`,
    ),
    blocks,
  };
}
