// The registered letter (lettre recommandée avec accusé de réception) that carries a mise
// en demeure: its number, the day it was posted, the day the debtor received it. Receipt
// is the proof the notice reached the debtor (C. civ. 1344) and starts its deadline. The
// Journal keeps it, one line per record, in the wording below — written and read here only.
import { addDays, type CalendarDate, formatFrenchDate, parseIsoDate } from "./calendar-date";
import type { Claim } from "./claim";
import { nextBusinessDay } from "./holidays";
import type { JournalEntry } from "./journal";

export const LRAR_STEP = "LRAR de la mise en demeure";
export const LRAR_CHANNEL = "LRAR";
export const LRAR_OUTCOMES = { posted: "Postée", received: "Avis de réception reçu" } as const;

export interface RegisteredLetter {
  /** La Poste's number, as printed on the slip: « 1A 123 456 7890 1 ». */
  number: string;
  postedOn: CalendarDate;
  receivedOn?: CalendarDate;
  invoices: string[];
}

/** The field of a record the user typed wrong, and why, in French; or undefined. */
export function registeredLetterFieldProblem(
  record: Pick<RegisteredLetter, "number" | "postedOn" | "receivedOn">,
  today: CalendarDate,
): { field: "number" | "postedOn" | "receivedOn"; message: string } | undefined {
  if (!/^[0-9A-Z][0-9A-Z ]{7,30}$/i.test(record.number.trim()))
    return {
      field: "number",
      message:
        "Numéro de recommandé invalide : recopiez-le tel qu'il figure sur la preuve de dépôt (lettres et chiffres).",
    };
  if (record.postedOn > today)
    return { field: "postedOn", message: "La date de dépôt ne peut pas être dans le futur." };
  if (record.receivedOn !== undefined) {
    if (record.receivedOn > today)
      return {
        field: "receivedOn",
        message: "La date de réception ne peut pas être dans le futur.",
      };
    if (record.receivedOn < record.postedOn)
      return {
        field: "receivedOn",
        message: "La date de réception ne peut pas précéder la date de dépôt.",
      };
  }
  return undefined;
}

/** Why a record cannot be kept as given, in French, or undefined. */
export function registeredLetterProblem(
  record: Pick<RegisteredLetter, "number" | "postedOn" | "receivedOn">,
  today: CalendarDate,
): string | undefined {
  return registeredLetterFieldProblem(record, today)?.message;
}

const SUBJECT =
  /^LRAR n° (.+?) — postée le (\d\d)\/(\d\d)\/(\d{4})(?: — reçue le (\d\d)\/(\d\d)\/(\d{4}))?$/;

/** The Journal line of a record. */
export function registeredLetterEntry(
  record: RegisteredLetter,
  client: string,
  recipient: string,
  by: string,
): JournalEntry {
  const number = record.number.trim().toUpperCase().replace(/\s+/g, " ");
  const received = record.receivedOn ? ` — reçue le ${formatFrenchDate(record.receivedOn)}` : "";
  return {
    at: "",
    invoices: record.invoices,
    client,
    step: LRAR_STEP,
    channel: LRAR_CHANNEL,
    recipient,
    subject: `LRAR n° ${number} — postée le ${formatFrenchDate(record.postedOn)}${received}`,
    outcome: record.receivedOn ? LRAR_OUTCOMES.received : LRAR_OUTCOMES.posted,
    document: "",
    by,
  };
}

/** The registered letters the Journal records about any of these invoices, one per number
 * (the latest line of a number wins: the receipt is usually recorded after the posting). */
export function registeredLettersOf(
  journal: readonly JournalEntry[],
  invoices: readonly string[],
): RegisteredLetter[] {
  const wanted = new Set(invoices);
  const byNumber = new Map<string, RegisteredLetter>();
  for (const e of [...journal].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.step !== LRAR_STEP || !e.invoices.some((i) => wanted.has(i))) continue;
    const m = SUBJECT.exec(e.subject);
    const postedOn = m && parseIsoDate(`${m[4]}-${m[3]}-${m[2]}`);
    if (!m || !postedOn) continue;
    const record: RegisteredLetter = { number: m[1] as string, postedOn, invoices: e.invoices };
    const receivedOn = m[7] ? parseIsoDate(`${m[7]}-${m[6]}-${m[5]}`) : undefined;
    if (receivedOn) record.receivedOn = receivedOn;
    byNumber.set(record.number, record);
  }
  return [...byNumber.values()].sort((a, b) => a.postedOn.localeCompare(b.postedOn));
}

/** When the mise en demeure an invoice is at was received later than it was sent, the day
 * its deadline lapses counted from receipt (C. civ. 1344: the letter grants « huit jours à
 * compter de sa réception ») — the earliest day of the handover. undefined: no later receipt
 * recorded, the ladder's own date stands (docs/ladder.md). */
export function handoverAfterReceipt(
  claim: Pick<Claim, "invoiceNumber" | "lastStep" | "lastStepDate">,
  journal: readonly JournalEntry[],
  deadlineDays: number,
): { receivedOn: CalendarDate; notBefore: CalendarDate } | undefined {
  const sent = claim.lastStepDate;
  if (claim.lastStep !== 3 || sent === undefined) return undefined;
  const received = registeredLettersOf(journal, [claim.invoiceNumber])
    .filter((l) => l.postedOn >= sent)
    .map((l) => l.receivedOn)
    .filter((d): d is CalendarDate => d !== undefined && d > sent);
  const receivedOn = received[received.length - 1];
  if (receivedOn === undefined) return undefined;
  return { receivedOn, notBefore: nextBusinessDay(addDays(receivedOn, deadlineDays + 1)) };
}
