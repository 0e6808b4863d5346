// The reconnaissance de dette the debtor signs: both parties identified, its cause (the
// invoices), the schedule if any. Code civil 1376: the debtor writes the sum in figures and
// in letters by his own hand, so the document leaves ruled blank lines for it and never
// pre-types it. Between professionals, the principal is acknowledged and the penalties and
// the 40 € expressly reserved (L441-10, D441-5 C. com.): signing does not waive them.
// Signed, it restarts prescription (C. civ. 2240).
import type { CalendarDate } from "../calendar-date";
import type { Claim } from "../claim";
import type { Instalment } from "../payment-plan";
import type { RecoverySettings } from "../settings";
import { normalizeKey, ofName } from "../text";
import {
  type DebtorIdentity,
  euros,
  formatSiren,
  invoiceTable,
  letterhead,
  longFrenchDate,
  privacyNotice,
} from "./common";
import { type Block, bold, type MessageDocument, oneLine, paragraph, text } from "./document";
import { ACCELERATION_CLAUSE, scheduleTable } from "./payment-plan-proposal";

export interface AcknowledgmentInput {
  debtor: DebtorIdentity;
  claims: readonly Claim[];
  today: CalendarDate;
  settings: RecoverySettings;
  /** The principal acknowledged. */
  total: number;
  /** The agreed schedule, when the debt is paid in instalments. */
  instalments?: readonly Instalment[];
}

/** A ruled line to write on by hand. */
export const RULED_LINE = "_".repeat(60);

/** « Je soussigné » and who signs: a person in their own name; for a company, the person
 * acting for it — a blank line for their name when nobody was named, since a company
 * cannot write « je ». The civility, when given, makes the agreement. */
export function signerOf(
  debtor: { name: string; representative?: string | undefined },
  professional: boolean,
): string {
  const name = debtor.name.trim();
  const who = debtor.representative?.trim() || (professional ? "" : name);
  const signed = /^(mme|madame|mlle|mademoiselle)\b/i.test(who)
    ? "Je soussignée"
    : /^(m\.|monsieur)(\s|$)/i.test(who)
      ? "Je soussigné"
      : "Je soussigné(e)";
  if (who === "") return `${signed}, ${"_".repeat(30)}, agissant pour le compte ${ofName(name)}`;
  // « Mme Camille Bernard » signing for « Camille Bernard »: one person, said once.
  if (normalizeKey(who).includes(normalizeKey(name))) return `${signed}, ${who}`;
  return `${signed}, ${who}, agissant pour le compte ${ofName(name)}`;
}

export function buildAcknowledgment(input: AcknowledgmentInput): MessageDocument {
  const { debtor, claims, today, settings, total } = input;
  const { creditor } = settings;
  const invoices = claims.map((c) => c.invoiceNumber);
  const plural = invoices.length > 1;
  const professional = debtor.professional ?? claims.every((c) => c.clientType === "Professionnel");
  const signer = signerOf(debtor, professional);
  const blocks: Block[] = [
    { kind: "title", text: "Reconnaissance de dette" },
    paragraph(bold("Entre le créancier :")),
    letterhead(creditor),
    paragraph(bold("Et le débiteur :")),
    paragraph(
      [
        debtor.name,
        debtor.representative ?? "",
        debtor.siren ? `SIREN ${formatSiren(debtor.siren)}` : "",
        debtor.address ?? "Adresse : ……………………………………………………………",
      ]
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .join("\n"),
    ),
    paragraph(
      `${signer}, reconnais devoir à ${creditor.companyName || "la société créancière"}, au titre ${plural ? "des factures" : "de la facture"} ci-dessous, restée${plural ? "s" : ""} impayée${plural ? "s" : ""} à ce jour, la somme de `,
      bold(euros(total)),
      professional ? " en principal." : ".",
    ),
    invoiceTable(claims, today, settings, false),
  ];
  if (professional)
    blocks.push(
      paragraph(
        "Cette reconnaissance porte sur le principal. Le créancier se réserve expressément le droit de réclamer les pénalités de retard (article L441-10 du Code de commerce) et l'indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du même code), dues de plein droit et non comprises dans la somme ci-dessus.",
      ),
    );
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
      bold("À recopier de votre main (article 1376 du Code civil) : "),
      text(
        "écrivez ci-dessous « Bon pour reconnaissance de dette de la somme de », puis la somme, en chiffres et en lettres.",
      ),
    ),
    paragraph(text(`Somme en chiffres, de votre main :\n${RULED_LINE}`)),
    paragraph(text(`Somme en lettres, de votre main :\n${RULED_LINE}\n${RULED_LINE}`)),
    paragraph(
      text("Signature du débiteur :\n\n\n"),
      text(`Pour le créancier, ${creditor.signature || creditor.companyName}`),
    ),
    privacyNotice(creditor),
  );
  return {
    title: oneLine(`Reconnaissance de dette — ${debtor.name} — ${invoices.join(", ")} — ${today}`),
    blocks,
  };
}
