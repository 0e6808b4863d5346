// Pieces every message shares: the invoice table, the amounts, how to pay, the signature.

import { type ClaimAmounts, claimAmounts } from "../amounts-due";
import { type CalendarDate, dayOf, formatFrenchDate, monthOf, yearOf } from "../calendar-date";
import { type Claim, isProfessional } from "../claim";
import { formatEuros, formatPercent, roundToCent } from "../money";
import { penaltyBreakdown } from "../penalty-breakdown";
import { halfYearOf } from "../rates";
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

/** Who writes: the raison sociale, its address and SIREN (every message identifies the
 * creditor, reminders included), then how to reach it. */
export function signatureBlock(creditor: Creditor, withSignature = true): Block {
  const lines = [
    withSignature ? creditor.signature : "",
    creditor.companyName,
    creditor.address,
    creditor.siren ? `SIREN ${formatSiren(creditor.siren)}` : "",
    [creditor.phone, creditor.email].filter((x) => x !== "").join(" — "),
  ]
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return paragraph(lines.join("\n"));
}

/** Who writes, under a user's own wording that signs with {{signature}} or not. */
export function creditorIdentityBlock(creditor: Creditor): Block {
  return signatureBlock(creditor, false);
}

/** "512345678" → "512 345 678". */
export function formatSiren(siren: string): string {
  const digits = siren.replace(/\D/g, "");
  return digits.length === 9
    ? digits.replace(/(\d{3})(\d{3})(\d{3})/, "$1\u00a0$2\u00a0$3")
    : siren;
}

/** The information RGPD articles 13 and 14 owe the debtor, short, at the foot of every
 * message and letter: who processes, why, on what basis, how long, who receives, rights. */
export function privacyNotice(creditor: Creditor): Block {
  const who = creditor.companyName || "Le créancier";
  const contact = creditor.email ? ` en écrivant à ${creditor.email}` : " par courrier";
  return {
    kind: "paragraph",
    runs: [
      {
        text: `Données personnelles : ${who} traite vos nom, coordonnées et factures pour le recouvrement de sa créance (intérêt légitime, article 6.1.f du RGPD). Elles ne sont communiquées qu'à un commissaire de justice ou à un avocat en cas de transmission du dossier, et sont conservées jusqu'au règlement, puis tant que la loi permet d'agir en justice ou impose de garder les pièces comptables (10 ans au plus). Vous pouvez y accéder, les faire rectifier ou effacer, vous opposer à leur traitement ou le faire limiter${contact}, et saisir la CNIL (cnil.fr).`,
        italic: true,
      },
    ],
  };
}

/** The creditor's letterhead for letters and dossiers. */
export function letterhead(creditor: Creditor): Block {
  const lines = [
    creditor.companyName,
    creditor.address,
    creditor.siren ? `SIREN ${formatSiren(creditor.siren)}` : "",
    [creditor.phone, creditor.email].filter((x) => x !== "").join(" — "),
  ].filter((l) => l !== "");
  return paragraph(
    ...lines.map((l, i) => (i === 0 ? bold(`${l}\n`) : text(i < lines.length - 1 ? `${l}\n` : l))),
  );
}

/** The letter's place and date, on the right: « Lyon, le 26 novembre 2026 ». */
export function placeAndDate(creditor: Creditor, today: CalendarDate): Block {
  return {
    kind: "paragraph",
    align: "right",
    runs: [text(`${creditor.city ? `${creditor.city}, le` : "Le"} ${longFrenchDate(today)}`)],
  };
}

/** Who the debtor is, as the letters name them. */
export interface DebtorIdentity {
  name: string;
  email?: string;
  /** Postal address, several lines allowed. */
  address?: string;
  /** The person signing for a company: « M. Paul Moreau, gérant ». */
  representative?: string;
  /** A professional debtor's SIREN. */
  siren?: string;
  professional?: boolean;
}

/** The debtor as the ledger knows it (Adresse, SIREN), what the user typed winning. */
export function debtorIdentityOf(
  claims: readonly Claim[],
  typed: { address?: string | undefined; representative?: string | undefined } = {},
): DebtorIdentity {
  const head = claims[0];
  const debtor: DebtorIdentity = {
    name: head?.client ?? "",
    professional: claims.length > 0 && claims.every(isProfessional),
  };
  const email = claims.find((c) => c.email)?.email;
  if (email) debtor.email = email;
  const address = typed.address?.trim() || claims.find((c) => c.address?.trim())?.address?.trim();
  if (address) debtor.address = address;
  const siren = claims.find((c) => c.siren?.trim())?.siren?.trim();
  if (siren) debtor.siren = siren;
  if (typed.representative?.trim()) debtor.representative = typed.representative.trim();
  return debtor;
}

/** The addressee of a letter: name, signatory, SIREN, postal address — never an email
 * address. A letter to be posted without an address says so, for the user to fill in. */
export function debtorBlock(debtor: DebtorIdentity, toBePosted = false): Block {
  const lines = [
    debtor.representative ? `À l'attention de ${debtor.representative}` : "",
    debtor.siren ? `SIREN ${formatSiren(debtor.siren)}` : "",
    debtor.address ?? (toBePosted ? "[adresse postale manquante : à compléter avant l'envoi]" : ""),
  ]
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return {
    kind: "paragraph",
    align: "right",
    runs: [bold(debtor.name), ...lines.map((l) => text(`\n${l}`))],
  };
}

/** « 1er semestre 2026 ». */
export function halfYearLabel(d: CalendarDate): string {
  const [year, half] = halfYearOf(d).split("-S");
  return `${half === "1" ? "1er" : "2e"} semestre ${year}`;
}

/** A rate as printed, marked « estimé » when the half-year's official figure is not yet in
 * « Paramètres » and the last known one stands in. */
export function rateText(rate: number, official: boolean): string {
  return official ? formatPercent(rate) : `${formatPercent(rate)} (estimé)`;
}

/** The penalties split per invoice and half-year, with days and rate, so that anyone can
 * redo the sum (L441-10 II: the rate of each half-year), then what an estimate means. */
export function penaltyTableBlocks(
  claims: readonly Claim[],
  today: CalendarDate,
  settings: RecoverySettings,
): Block[] {
  const lines = penaltyBreakdown(claims, today, settings.rates);
  if (lines.length === 0) return [];
  const total = Math.round(lines.reduce((s, l) => s + l.amount * 100, 0)) / 100;
  const blocks: Block[] = [
    paragraph(
      "Détail des pénalités de retard : montant restant dû × taux annuel × jours de retard / 365, par semestre (taux directeur de la BCE au 1er janvier ou au 1er juillet, majoré de 10 points) :",
    ),
    {
      kind: "table",
      header: ["Facture", "Période", "Jours", "Taux annuel", "Montant dû", "Pénalités"],
      rows: lines.map((l) => [
        l.invoice,
        `du ${frDate(l.from)} au ${frDate(l.to)}`,
        String(l.days),
        rateText(l.rate, l.official),
        euros(l.base),
        euros(l.amount),
      ]),
      footer: ["Total", "", "", "", "", euros(total)],
      numeric: [false, false, true, true, true, true],
    },
  ];
  const estimated = [
    ...new Set(lines.filter((l) => !l.official).map((l) => halfYearLabel(l.from))),
  ];
  if (estimated.length > 0)
    blocks.push(
      paragraph(
        `Taux « estimé » (${estimated.join(", ")}) : le taux officiel de ce semestre n'étant pas encore reporté dans nos paramètres, le dernier taux publié a été appliqué ; le montant sera ajusté au taux officiel.`,
      ),
    );
  return blocks;
}
