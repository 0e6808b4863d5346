// What the user should know about a row without it being an error: the notes shown in the
// run's summary, the sidebar's dossier and the Statut cell's note. Nothing here changes a
// claim: a flagged Échéance is kept as typed.
import {
  addDays,
  type CalendarDate,
  calendarDate,
  daysInMonth,
  formatFrenchDate,
  maxDate,
  monthOf,
  yearOf,
} from "./calendar-date";
import { addressesOf, type Claim } from "./claim";
import { entryDate, type JournalEntry, OUTCOMES } from "./journal";
import { countOf } from "./text";

/** L441-10 I C. com.: at most 60 days after the invoice date. */
export const LEGAL_PAYMENT_TERM_DAYS = 60;
/** …or 45 days end of month, when agreed. */
export const END_OF_MONTH_TERM_DAYS = 45;

function endOfMonth(d: CalendarDate): CalendarDate {
  return calendarDate(yearOf(d), monthOf(d), daysInMonth(yearOf(d), monthOf(d))) as CalendarDate;
}

/** The latest Échéance the law allows: the later of 60 days after Date facture and 45 days
 * end of month — counted either way the DGCCRF accepts (45 days then the end of that month,
 * or the end of the month then 45 days), so that no lawful term is ever flagged. */
export function latestLegalDueDate(invoiceDate: CalendarDate): CalendarDate {
  return maxDate(
    addDays(invoiceDate, LEGAL_PAYMENT_TERM_DAYS),
    endOfMonth(addDays(invoiceDate, END_OF_MONTH_TERM_DAYS)),
    addDays(endOfMonth(invoiceDate), END_OF_MONTH_TERM_DAYS),
  );
}

/** An Échéance typed beyond the legal payment term (a blank one, defaulted to 30 days, never is). */
export function isDueDateBeyondLegalTerm(
  claim: Pick<Claim, "invoiceDate" | "dueDate" | "dueDateDefaulted">,
): boolean {
  return !claim.dueDateDefaulted && claim.dueDate > latestLegalDueDate(claim.invoiceDate);
}

export const TYPE_NOT_GIVEN_NOTE =
  "Type non renseigné : la facture est traitée comme celle d'un particulier (ni pénalités ni indemnité de 40 €)";

/** The notes of one claim, in French, for wherever the user reads about it. */
export function claimNotes(claim: Claim): string[] {
  const notes: string[] = [];
  if (claim.clientTypeDefaulted) notes.push(TYPE_NOT_GIVEN_NOTE);
  if (isDueDateBeyondLegalTerm(claim)) {
    notes.push(
      `Échéance au-delà du délai légal de paiement : le ${formatFrenchDate(claim.dueDate)}, plus de 60 jours après la facture du ${formatFrenchDate(claim.invoiceDate)} (article L441-10 I du Code de commerce : 60 jours, ou 45 jours fin de mois) ; l'échéance est conservée telle quelle`,
    );
  }
  return notes;
}

/** The notes of many invoices, one line per kind of note: « Type non renseigné : F-1, F-7 ». */
export function notesByKind(notes: readonly { invoice: string; note: string }[]): string[] {
  const byKind = new Map<string, string[]>();
  for (const { invoice, note } of notes) {
    const kind = note.slice(0, note.indexOf(" : ") >= 0 ? note.indexOf(" : ") : note.length);
    byKind.set(kind, [...(byKind.get(kind) ?? []), invoice]);
  }
  return [...byKind].map(([kind, invoices]) => {
    const shown = invoices.slice(0, 10).join(", ");
    const more = invoices.length > 10 ? ` et ${countOf(invoices.length - 10, "autre")}` : "";
    return `${kind} : ${invoices.length > 1 ? "factures" : "facture"} ${shown}${more}`;
  });
}

export const REFUSED_ADDRESS_NOTE = "Adresse refusée par Google";

/** The address Google refused for this invoice, while « Email » still holds it: nothing is
 * sent there again (the Journal keeps the refusal), so the row says it until it is fixed. */
export function refusedAddressNote(
  claim: Pick<Claim, "invoiceNumber" | "email">,
  journal: readonly JournalEntry[],
): string | undefined {
  const current = new Set(addressesOf(claim.email));
  const refusal = [...journal]
    .reverse()
    .find(
      (e) =>
        e.outcome.startsWith(OUTCOMES.refused) &&
        e.invoices.includes(claim.invoiceNumber) &&
        addressesOf(e.recipient).some((a) => current.has(a)),
    );
  const day = refusal && entryDate(refusal);
  if (!refusal || !day) return undefined;
  return `${REFUSED_ADDRESS_NOTE} le ${formatFrenchDate(day)} (${refusal.recipient}) : corrigez « Email » ; rien n'est renvoyé à cette adresse`;
}

/** The Statut cell's note of a claim: its notes, one a line ('' when there is none). */
export function statusNote(claim: Claim, journal: readonly JournalEntry[] = []): string {
  const refused = refusedAddressNote(claim, journal);
  return [...claimNotes(claim), ...(refused ? [refused] : [])].join("\n");
}

/** The kinds of note Recouvra writes on a Statut cell: the only ones it may clear. */
const STATUS_NOTE_KINDS = [
  TYPE_NOT_GIVEN_NOTE.slice(0, TYPE_NOT_GIVEN_NOTE.indexOf(" : ")),
  "Échéance au-delà du délai légal de paiement",
  REFUSED_ADDRESS_NOTE,
];

function isRecouvraNote(note: string): boolean {
  return note.split("\n").every((line) => STATUS_NOTE_KINDS.some((k) => line.startsWith(k)));
}

/** The Statut column's notes once brought up to date, or undefined when nothing changes.
 * `wanted[i]` is the note row i should carry, undefined for a row Recouvra does not know
 * (left as it is). A note a user typed on a Statut cell stays until Recouvra has
 * something to say there; Recouvra's own note goes once the row is fixed. */
export function nextStatusNotes(
  current: readonly string[],
  wanted: readonly (string | undefined)[],
): string[] | undefined {
  let changed = false;
  const next = current.map((note, i) => {
    const want = wanted[i];
    if (want === undefined || want === note) return note;
    if (want === "" && !isRecouvraNote(note)) return note;
    changed = true;
    return want;
  });
  return changed ? next : undefined;
}
