// The reconnaissance de dette the debtor signs: both parties identified, the sum in
// figures and in words (Code civil 1376 asks for the handwritten mention of both), its
// cause (the invoices), the schedule if any. Signed, it restarts prescription (2240).
import { amountInWords } from "../amount-in-words";
import type { CalendarDate } from "../calendar-date";
import type { Claim } from "../claim";
import type { Instalment } from "../payment-plan";
import type { RecoverySettings } from "../settings";
import { euros, invoiceTable, letterhead, longFrenchDate } from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";
import { ACCELERATION_CLAUSE, type DebtorIdentity, scheduleTable } from "./payment-plan-proposal";

export interface AcknowledgmentInput {
  debtor: DebtorIdentity;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  total: number;
  /** The agreed schedule, when the debt is paid in instalments. */
  instalments?: readonly Instalment[];
}

export function buildAcknowledgment(input: AcknowledgmentInput): MessageDocument {
  const { debtor, claims, today, settings, total } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const signer = debtor.representative
    ? `${debtor.representative}, agissant pour le compte de ${debtor.name}`
    : debtor.name;
  const blocks: Block[] = [
    { kind: "title", text: "Reconnaissance de dette" },
    paragraph(bold("Entre le créancier :")),
    letterhead(creditor),
    paragraph(bold("Et le débiteur :")),
    paragraph(
      [debtor.name, debtor.representative ?? "", debtor.address ?? "", debtor.email ?? ""]
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .join("\n"),
    ),
    paragraph(
      `Je soussigné(e), ${signer}, reconnais devoir à ${creditor.companyName || "la société créancière"} la somme de `,
      bold(amountInFiguresAndWords(total)),
      `, au titre ${invoices.length > 1 ? "des factures" : "de la facture"} ci-dessous, restée${invoices.length > 1 ? "s" : ""} impayée${invoices.length > 1 ? "s" : ""} à ce jour :`,
    ),
    invoiceTable(claims, today, settings, false),
  ];
  if (input.instalments && input.instalments.length > 0) {
    blocks.push(
      paragraph("Je m'engage à régler cette somme selon l'échéancier suivant :"),
      scheduleTable(input.instalments),
      paragraph(bold("Déchéance du terme : "), text(ACCELERATION_CLAUSE)),
    );
  } else {
    blocks.push(paragraph("Je m'engage à régler cette somme dans les meilleurs délais."));
  }
  blocks.push(
    paragraph(
      `Fait à ${creditor.city || "……………………"}, le ${longFrenchDate(today)}, en deux exemplaires originaux.`,
    ),
    paragraph(
      text(
        "Mention manuscrite du débiteur, en chiffres et en lettres (article 1376 du Code civil) :\n",
      ),
      text(
        `« Bon pour reconnaissance de dette de la somme de ${amountInFiguresAndWords(total)} »\n\n`,
      ),
      text("Signature du débiteur :\n\n\n"),
      text(`Pour le créancier, ${creditor.signature || creditor.companyName}`),
    ),
  );
  return {
    title: oneLine(`Reconnaissance de dette — ${debtor.name} — ${invoices.join(", ")} — ${today}`),
    blocks,
  };
}

/** « 1 850,50 € (mille huit cent cinquante euros et cinquante centimes) ». */
export function amountInFiguresAndWords(amount: number): string {
  return `${euros(amount)} (${amountInWords(amount)})`;
}
