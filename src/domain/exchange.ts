// An exchange with a debtor (a call, an email or a letter received, a meeting): one
// Journal line, and what its outcome changes in the ledger. A promise to pay suspends the
// ladder until its date; a dispute sets « Litige »; a signed acknowledgment sets « Date
// reconnaissance » (prescription restarts, Code civil 2240). Nothing else is touched.
import { type CalendarDate, formatFrenchDate } from "./calendar-date";
import type { JournalEntry } from "./journal";

export const EXCHANGE_CHANNELS = ["Appel", "Email reçu", "Courrier reçu", "Rendez-vous"] as const;
export type ExchangeChannel = (typeof EXCHANGE_CHANNELS)[number];

export const EXCHANGE_OUTCOMES = {
  promise: "Promesse de paiement",
  dispute: "Litige soulevé",
  paymentAnnounced: "Paiement annoncé",
  noAnswer: "Sans réponse",
  acknowledgmentSigned: "Reconnaissance de dette signée",
  other: "Autre",
} as const;
export type ExchangeOutcome = keyof typeof EXCHANGE_OUTCOMES;

/** The Journal's « Étape » of an exchange. */
export const EXCHANGE_STEP = "Échange";

export interface Exchange {
  client: string;
  invoices: string[];
  /** When it happened (a day; the Journal stamps the time it was logged). */
  date: CalendarDate;
  channel: ExchangeChannel;
  /** Who spoke for the debtor. */
  contact: string;
  notes: string;
  outcome: ExchangeOutcome;
  /** Promise to pay: the day promised. Acknowledgment: the day it was signed. */
  outcomeDate?: CalendarDate;
}

/** What an exchange writes to the ledger, per invoice. */
export interface LedgerChange {
  invoice: string;
  /** « Montant payé » after a payment received. */
  paid?: number;
  suspendedUntil?: CalendarDate;
  disputed?: boolean;
  acknowledgedOn?: CalendarDate;
}

export interface ExchangeEffects {
  journal: JournalEntry;
  changes: LedgerChange[];
}

/** Why an exchange cannot be logged as given, or undefined. */
export function exchangeProblem(exchange: Exchange, today: CalendarDate): string | undefined {
  if (exchange.invoices.length === 0) return "Choisissez au moins une facture.";
  if (exchange.date > today) return "La date de l'échange ne peut pas être dans le futur.";
  if (exchange.outcome === "promise") {
    if (!exchange.outcomeDate) return "Indiquez la date promise pour le paiement.";
    if (exchange.outcomeDate < today) return "La date promise doit être aujourd'hui ou plus tard.";
  }
  if (exchange.outcome === "acknowledgmentSigned") {
    if (!exchange.outcomeDate) return "Indiquez la date de signature de la reconnaissance.";
    if (exchange.outcomeDate > today) return "La date de signature ne peut pas être dans le futur.";
  }
  return undefined;
}

export function exchangeEffects(exchange: Exchange, by: string): ExchangeEffects {
  const label = EXCHANGE_OUTCOMES[exchange.outcome];
  const when = exchange.outcomeDate ? formatFrenchDate(exchange.outcomeDate) : "";
  const outcome =
    exchange.outcome === "promise"
      ? `${label} au ${when}`
      : exchange.outcome === "acknowledgmentSigned"
        ? `${label} le ${when}`
        : label;
  const said = [exchange.contact, exchange.notes].filter((t) => t.trim() !== "").join(" : ");
  const dated = `Échange du ${formatFrenchDate(exchange.date)}`;
  const journal: JournalEntry = {
    at: "",
    invoices: exchange.invoices,
    client: exchange.client,
    step: EXCHANGE_STEP,
    channel: exchange.channel,
    recipient: exchange.contact,
    subject: said ? `${dated} — ${said}` : dated,
    outcome,
    document: "",
    by,
  };
  const changes: LedgerChange[] = exchange.invoices.flatMap((invoice): LedgerChange[] => {
    if (exchange.outcome === "promise" && exchange.outcomeDate)
      return [{ invoice, suspendedUntil: exchange.outcomeDate }];
    if (exchange.outcome === "dispute") return [{ invoice, disputed: true }];
    if (exchange.outcome === "acknowledgmentSigned" && exchange.outcomeDate)
      return [{ invoice, acknowledgedOn: exchange.outcomeDate }];
    return [];
  });
  return { journal, changes };
}
