// Writes what an exchange or a plan changes in « Créances », through the one writer by
// N° facture; a missing column is told to the user in French.

import type { LedgerChange } from "../domain/exchange";
import { CANONICAL_HEADERS, type LedgerField } from "../domain/headers";
import { Refusal } from "../domain/refusal";
import { type LedgerRead, type LedgerWrite, writeByInvoice } from "./ledger-sheet";
import type { SheetDates } from "./sheet-dates";

export function writeLedgerChanges(
  read: LedgerRead,
  changes: readonly LedgerChange[],
  dates: SheetDates,
): number {
  const writes: LedgerWrite[] = changes.map(
    ({ invoice, paid, suspendedUntil, disputed, acknowledgedOn }) => {
      const values: LedgerWrite["values"] = {};
      if (paid !== undefined) values.paid = paid;
      if (suspendedUntil !== undefined) values.suspendedUntil = dates.dateCellOf(suspendedUntil);
      if (disputed !== undefined) values.disputed = disputed;
      if (acknowledgedOn !== undefined) values.acknowledgedOn = dates.dateCellOf(acknowledgedOn);
      return { invoice, values };
    },
  );
  // Nothing is written unless every column is there.
  const field = writes
    .flatMap((w) => Object.keys(w.values) as LedgerField[])
    .find((f) => read.columns[f] === undefined);
  if (field !== undefined) {
    throw new Refusal(
      `La colonne « ${CANONICAL_HEADERS[field]} » manque dans « Créances » : lancez Recouvra > Initialiser le classeur.`,
    );
  }
  return writeByInvoice(read, writes, dates).written;
}
