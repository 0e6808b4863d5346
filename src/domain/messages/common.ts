// Pieces every message shares: the invoice table, the amounts, how to pay, the signature.

import { type ClaimAmounts, claimAmounts } from "../amounts-due";
import { type CalendarDate, dayOf, formatFrenchDate, monthOf, yearOf } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import { formatEuros, roundToCent } from "../money";
import type { Creditor, RecoverySettings } from "../settings";
import { type Block, bold, paragraph, type Run, text } from "./document";

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** "1er décembre 2026", "26 novembre 2026". */
export function longFrenchDate(d: CalendarDate): string {
  const day = dayOf(d);
  return `${day === 1 ? "1er" : day} ${MONTHS[monthOf(d) - 1]} ${yearOf(d)}`;
}

export const euros = formatEuros;
export const frDate = formatFrenchDate;

/** "la facture F-1" / "les factures F-1 et F-2". */
export function invoicesPhrase(invoices: readonly string[]): string {
  if (invoices.length === 1) return `la facture ${invoices[0]}`;
  return `les factures ${invoices.slice(0, -1).join(", ")} et ${invoices[invoices.length - 1]}`;
}

/** "de la facture F-1" / "des factures F-1 et F-2" (never "de les factures"). */
export function ofInvoicesPhrase(invoices: readonly string[]): string {
  const phrase = invoicesPhrase(invoices);
  return invoices.length === 1 ? `de ${phrase}` : `des ${phrase.slice("les ".length)}`;
}

/** "Facture F-1" / "factures F-1, F-2" (the invoice numbers keep their case). */
export function invoicesShort(invoices: readonly string[], capital = true): string {
  const word = invoices.length > 1 ? "factures" : "facture";
  return `${capital ? word.charAt(0).toUpperCase() + word.slice(1) : word} ${invoices.join(", ")}`;
}

export interface Totals extends ClaimAmounts {
  amount: number;
  paid: number;
}

export function totalsOf(
  claims: readonly Claim[],
  today: CalendarDate,
  settings: RecoverySettings,
): Totals {
  const sum = (f: (a: ClaimAmounts, c: Claim) => number) =>
    roundToCent(claims.reduce((s, c) => s + f(claimAmounts(c, today, settings), c), 0));
  return {
    amount: sum((_, c) => c.amount),
    paid: sum((_, c) => c.paid),
    outstanding: sum((a) => a.outstanding),
    penalties: sum((a) => a.penalties),
    penaltiesOfficial: claims.every((c) => claimAmounts(c, today, settings).penaltiesOfficial),
    indemnity: sum((a) => a.indemnity),
    total: sum((a) => a.total),
  };
}

/** The invoices with what remains owed; with the penalties and the 40 € when `withCharges`
 * (a professional debtor only: never any fee on a consumer's debt). */
export function invoiceTable(
  claims: readonly Claim[],
  today: CalendarDate,
  settings: RecoverySettings,
  withCharges: boolean,
): Block {
  const charges = withCharges && claims.every(isProfessional);
  // « Déjà réglé » only when something was paid: a narrower table reads better on A4.
  const anyPaid = claims.some((c) => c.paid > 0);
  const t = totalsOf(claims, today, settings);
  const header = ["Facture", "Date", "Échéance", "Montant TTC"];
  const footer = ["Total", "", "", euros(t.amount)];
  if (anyPaid) {
    header.push("Déjà réglé", "Reste dû");
    footer.push(euros(t.paid), euros(t.outstanding));
  }
  if (charges) {
    header.push(`Pénalités au ${frDate(today)}`, "Indemnité");
    footer.push(euros(t.penalties), euros(t.indemnity));
  }
  const rows = claims.map((c) => {
    const a = claimAmounts(c, today, settings);
    const row = [c.invoiceNumber, frDate(c.invoiceDate), frDate(c.dueDate), euros(c.amount)];
    if (anyPaid) row.push(euros(c.paid), euros(a.outstanding));
    if (charges) row.push(euros(a.penalties), euros(a.indemnity));
    return row;
  });
  return { kind: "table", header, rows, footer, numeric: header.map((_, i) => i >= 3) };
}

/** The charges of each invoice — what remains, the penalties, the 40 € — and what is due. */
export function chargesTable(
  claims: readonly Claim[],
  today: CalendarDate,
  settings: RecoverySettings,
): Block {
  const t = totalsOf(claims, today, settings);
  const header = ["Facture", "Reste dû", `Pénalités au ${frDate(today)}`, "Indemnité", "Total dû"];
  const rows = claims.map((c) => {
    const a = claimAmounts(c, today, settings);
    return [
      c.invoiceNumber,
      euros(a.outstanding),
      euros(a.penalties),
      euros(a.indemnity),
      euros(a.total),
    ];
  });
  const footer = [
    "Total",
    euros(t.outstanding),
    euros(t.penalties),
    euros(t.indemnity),
    euros(t.total),
  ];
  return { kind: "table", header, rows, footer, numeric: header.map((_, i) => i >= 1) };
}

/** The invoice table for a letter on A4: past six columns (a partial payment and the
 * charges of a professional), the charges go to a second table rather than wrap. */
export function invoiceTables(
  claims: readonly Claim[],
  today: CalendarDate,
  settings: RecoverySettings,
  withCharges: boolean,
): Block[] {
  const wide = withCharges && claims.every(isProfessional) && claims.some((c) => c.paid > 0);
  return wide
    ? [invoiceTable(claims, today, settings, false), chargesTable(claims, today, settings)]
    : [invoiceTable(claims, today, settings, withCharges)];
}

export function paymentReference(creditor: Creditor, invoices: readonly string[]): string {
  return creditor.paymentReference.replace(/\{\{\s*factures?\s*\}\}/gi, invoices.join(", "));
}

/** How to pay, in every message. */
export function paymentBlocks(creditor: Creditor, invoices: readonly string[]): Block[] {
  const lines: Run[][] = [];
  if (creditor.iban) {
    lines.push([
      text("Par virement : IBAN "),
      bold(creditor.iban),
      text(creditor.bic ? ` — BIC ${creditor.bic}` : ""),
    ]);
  }
  lines.push([text("Référence à rappeler : "), bold(paymentReference(creditor, invoices))]);
  if (creditor.paymentLink)
    lines.push([text("En ligne : "), { text: creditor.paymentLink, link: creditor.paymentLink }]);
  return [paragraph(bold("Pour régler")), { kind: "list", items: lines }];
}

export function signatureBlock(creditor: Creditor): Block {
  const lines = [creditor.signature, creditor.companyName, creditor.phone, creditor.email].filter(
    (l) => l !== "",
  );
  return paragraph(lines.join("\n"));
}

/** The creditor's letterhead for letters and dossiers. */
export function letterhead(creditor: Creditor): Block {
  const lines = [
    creditor.companyName,
    creditor.address,
    creditor.siren ? `SIREN ${creditor.siren}` : "",
    [creditor.phone, creditor.email].filter((x) => x !== "").join(" — "),
  ].filter((l) => l !== "");
  return paragraph(
    ...lines.map((l, i) => (i === 0 ? bold(`${l}\n`) : text(i < lines.length - 1 ? `${l}\n` : l))),
  );
}
