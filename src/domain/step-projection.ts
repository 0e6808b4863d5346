// « Dernière étape » and « Date dernière étape » are a view of the Journal, not the state:
// every run computes what they must show and repairs the cells that differ.
import type { CalendarDate } from "./calendar-date";
import { type Cell, cellText, parseDateCell } from "./cells";
import { type JournalEntry, type StepTaken, stepsTakenByInvoice } from "./journal";
import { STEP_LABELS, type StepLabel, type StepNumber, stepLabel } from "./ladder";
import { matchLabel } from "./text";

/** The two cells of an invoice's row as the sheet holds them (dates as yyyy-mm-dd). */
export interface TypedStep {
  invoice: string;
  step: Cell;
  date: Cell;
}

export interface StepRepair {
  invoice: string;
  step: StepNumber;
  date: CalendarDate;
}

function typedStep(cell: Cell): StepNumber | undefined {
  const label = matchLabel<StepLabel>(STEP_LABELS, cellText(cell));
  return label === undefined ? undefined : ((STEP_LABELS.indexOf(label) + 1) as StepNumber);
}

/** The step an invoice is at: the Journal's last step and its day, unless the ledger holds a
 * further step with its date (a user migrating from another tool typed it). undefined: the
 * Journal knows nothing of the invoice, the ledger's step stands. */
export function projectedStep(
  typed: { step: StepNumber | undefined; date: CalendarDate | undefined },
  journaled: StepTaken | undefined,
): StepTaken | undefined {
  if (journaled === undefined) return undefined;
  if (typed.step !== undefined && typed.date !== undefined && typed.step > journaled.step)
    return undefined;
  return journaled;
}

/** What the two cells must show (projectedStep over the cells as typed). */
export function stepProjection(
  typed: TypedStep,
  journaled: StepTaken | undefined,
): StepTaken | undefined {
  return projectedStep({ step: typedStep(typed.step), date: parseDateCell(typed.date) }, journaled);
}

/** The rows whose two cells differ from the Journal's projection, with what to write. */
export function stepRepairs(
  rows: readonly TypedStep[],
  journal: readonly JournalEntry[],
): StepRepair[] {
  const taken = stepsTakenByInvoice(journal);
  const repairs: StepRepair[] = [];
  for (const row of rows) {
    if (row.invoice === "") continue;
    const shown = stepProjection(row, taken.get(row.invoice));
    if (!shown) continue;
    const same =
      cellText(row.step) === stepLabel(shown.step) && parseDateCell(row.date) === shown.date;
    if (!same) repairs.push({ invoice: row.invoice, step: shown.step, date: shown.date });
  }
  return repairs;
}
