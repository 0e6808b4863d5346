// Procédure collective (sauvegarde, redressement, liquidation judiciaire) of a debtor. A claim
// born on or before the opening judgment may no longer be paid (L622-7 C. com.): no reminder,
// interest stops (L622-28), and it must be declared to the mandataire judiciaire within two
// months of the BODACC publication (L622-24, R622-24). A claim born after the judgment is
// chased as usual (L622-17).
import { addDays, addMonths, type CalendarDate } from "./calendar-date";
import type { Claim } from "./claim";

type InsolvencyFields = Pick<Claim, "invoiceDate" | "insolvencyJudgment">;

/** The claim falls under the debtor's procédure collective: the column is filled and the
 * invoice is dated on or before the judgment. */
export function isUnderInsolvency(claim: InsolvencyFields): boolean {
  return claim.insolvencyJudgment !== undefined && claim.invoiceDate <= claim.insolvencyJudgment;
}

/** The last day late penalties run: the day before the judgment (L622-28), or undefined
 * when the claim is not under a procédure collective. */
export function lastPenaltyDay(claim: InsolvencyFields): CalendarDate | undefined {
  return isUnderInsolvency(claim)
    ? addDays(claim.insolvencyJudgment as CalendarDate, -1)
    : undefined;
}

/** The judgment forbade payment at the due date: no 40 € (L441-10 II, D441-5). */
export function judgmentBarsIndemnity(claim: InsolvencyFields & Pick<Claim, "dueDate">): boolean {
  return isUnderInsolvency(claim) && (claim.insolvencyJudgment as CalendarDate) <= claim.dueDate;
}

/** Judgment + 2 months: the earliest the declaration deadline can end (it runs from the
 * BODACC publication, which comes after the judgment); 31 March + 2 months → 31 May,
 * 31 December + 2 months → 28/29 February. */
export function declarationDeadline(judgment: CalendarDate): CalendarDate {
  return addMonths(judgment, 2);
}

/** The Journal's « Étape » of the declaration task (not a ladder step, not a contact). */
export const DECLARATION_STEP = "Déclaration de créance";
