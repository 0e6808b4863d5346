// One contact per debtor per calendar day, and the gap between two contacts, whoever sends
// (the trigger, a rerun, the sidebar): every sender asks this rule with the debtor's last
// contact: the Journal's (lastJournalContact: the debtor's own, or any other's at one of its
// addresses) and the ledger's (lastContactOf).
import { addDays, type CalendarDate, formatFrenchDate, maxDate } from "./calendar-date";
import type { Claim } from "./claim";
import { nextBusinessDay } from "./holidays";

/** The first day a debtor last contacted on `lastContact` may be contacted again: the gap,
 * ending on a business day (a reminder held back by it never goes out on a Sunday). */
export function nextContactDay(lastContact: CalendarDate, gapDays: number): CalendarDate {
  return nextBusinessDay(addDays(lastContact, Math.max(1, gapDays)));
}

/** Why the debtor may not be contacted today, in French; undefined when it may. */
export function contactHoldBack(
  lastContact: CalendarDate | undefined,
  today: CalendarDate,
  gapDays: number,
): string | undefined {
  if (lastContact === undefined || today >= nextContactDay(lastContact, gapDays)) return undefined;
  if (lastContact === today) return "client déjà contacté aujourd'hui, un seul contact par jour";
  return `client contacté le ${formatFrenchDate(lastContact)}, délai minimal de ${gapDays} jours`;
}

/** The debtor's last contact: the Journal's, or a step typed in the ledger (a user migrating
 * types it); a handover is no contact (the dossier goes to a professional, not the debtor). */
export function lastContactOf(
  claims: readonly Claim[],
  fromJournal: CalendarDate | undefined,
): CalendarDate | undefined {
  let last = fromJournal;
  for (const c of claims)
    if (c.lastStepDate !== undefined && c.lastStep !== 4)
      last = last === undefined ? c.lastStepDate : maxDate(last, c.lastStepDate);
  return last;
}
