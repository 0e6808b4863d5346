// One ledger row → a typed claim, or the French sentence saying what is wrong with it.
// zod/mini validates at this edge; every rule after it works on typed values.
import * as z from "zod/mini";
import { addDays, type CalendarDate } from "./calendar-date";
import {
  type Cell,
  cellText,
  isBlankCell,
  parseAmountCell,
  parseDateCell,
  parseEmailsCell,
  parseYesNoCell,
} from "./cells";
import type { Claim } from "./claim";
import {
  CANONICAL_HEADERS,
  type ColumnMap,
  LEDGER_FIELDS,
  type LedgerField,
  missingRequiredFields,
} from "./headers";
import { CLIENT_TYPES, PROFILES, STEP_LABELS, type StepNumber } from "./ladder";
import { matchLabel } from "./text";

/** Payment term applied when Échéance is blank (L441-10 I C. com.: 30 days by default). */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;

export type RowReading =
  | { kind: "blank" }
  | { kind: "error"; message: string }
  | { kind: "claim"; claim: Claim };

type Transform<T> = (cell: Cell, fail: (message: string) => never) => T;

/** A zod/mini schema over one cell, reporting in French under the column's header. */
function cellSchema<T>(field: LedgerField, read: Transform<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      const issue = (message: string): never => {
        throw new CellIssue(`${CANONICAL_HEADERS[field]} : ${message}`);
      };
      try {
        return read(value as Cell, issue);
      } catch (e) {
        if (!(e instanceof CellIssue)) throw e;
        ctx.issues.push({ code: "custom", message: e.message, input: value });
        return z.NEVER;
      }
    }),
  );
}

class CellIssue extends Error {}

const quoted = (cell: Cell) => `« ${cellText(cell)} »`;

const requiredText: Transform<string> = (cell, fail) =>
  isBlankCell(cell) ? fail("obligatoire") : cellText(cell);

const requiredDate: Transform<CalendarDate> = (cell, fail) =>
  isBlankCell(cell)
    ? fail("obligatoire")
    : (parseDateCell(cell) ?? fail(`${quoted(cell)} n'est pas une date (jj/mm/aaaa)`));

const optionalDate: Transform<CalendarDate | undefined> = (cell, fail) =>
  isBlankCell(cell)
    ? undefined
    : (parseDateCell(cell) ?? fail(`${quoted(cell)} n'est pas une date (jj/mm/aaaa)`));

function label<T extends string>(
  labels: readonly T[],
  fallback: T | undefined,
): Transform<T | undefined> {
  return (cell, fail) =>
    isBlankCell(cell)
      ? fallback
      : (matchLabel(labels, cellText(cell)) ??
        fail(`${quoted(cell)} inconnu (valeurs possibles : ${labels.join(", ")})`));
}

const rowSchema = z.object({
  invoiceNumber: cellSchema("invoiceNumber", requiredText),
  client: cellSchema("client", requiredText),
  email: cellSchema("email", (cell, fail) =>
    isBlankCell(cell)
      ? undefined
      : (parseEmailsCell(cell) ?? fail(`${quoted(cell)} n'est pas une adresse email valide`)),
  ),
  clientType: cellSchema("clientType", label(CLIENT_TYPES, "Professionnel")),
  invoiceDate: cellSchema("invoiceDate", requiredDate),
  dueDate: cellSchema("dueDate", optionalDate),
  amount: cellSchema("amount", (cell, fail) => {
    if (isBlankCell(cell)) return fail("obligatoire");
    const n = parseAmountCell(cell) ?? fail(`${quoted(cell)} n'est pas un montant`);
    return n > 0 ? n : fail(`doit être supérieur à 0 (reçu ${quoted(cell)})`);
  }),
  paid: cellSchema("paid", (cell, fail) => {
    if (isBlankCell(cell)) return 0;
    const n = parseAmountCell(cell) ?? fail(`${quoted(cell)} n'est pas un montant`);
    return n >= 0 ? n : fail(`ne peut pas être négatif (reçu ${quoted(cell)})`);
  }),
  profile: cellSchema("profile", label(PROFILES, "Standard")),
  disputed: cellSchema(
    "disputed",
    (cell, fail) =>
      parseYesNoCell(cell) ?? fail(`${quoted(cell)} non compris (case à cocher, Oui/Non ou x)`),
  ),
  suspendedUntil: cellSchema("suspendedUntil", optionalDate),
  lastStep: cellSchema("lastStep", label(STEP_LABELS, undefined)),
  lastStepDate: cellSchema("lastStepDate", optionalDate),
  acknowledgedOn: cellSchema("acknowledgedOn", optionalDate),
});

/** The cells of a row keyed by field; a column the sheet lacks reads as blank. */
function cellsByField(row: readonly Cell[], columns: ColumnMap): Record<LedgerField, Cell> {
  const cells = {} as Record<LedgerField, Cell>;
  for (const field of LEDGER_FIELDS) {
    const index = columns[field];
    cells[field] = index === undefined ? "" : row[index];
  }
  return cells;
}

export function readLedgerRow(row: readonly Cell[], columns: ColumnMap): RowReading {
  if (row.every(isBlankCell)) return { kind: "blank" };
  const missing = missingRequiredFields(columns);
  if (missing.length > 0) {
    const names = missing.map((f) => `« ${CANONICAL_HEADERS[f]} »`).join(", ");
    return { kind: "error", message: `colonne introuvable : ${names}` };
  }
  const parsed = rowSchema.safeParse(cellsByField(row, columns));
  if (!parsed.success) {
    return { kind: "error", message: parsed.error.issues.map((i) => i.message).join(" ; ") };
  }
  const v = parsed.data;
  if (v.lastStep !== undefined && v.lastStepDate === undefined) {
    const message = `${CANONICAL_HEADERS.lastStepDate} : obligatoire quand la dernière étape est « ${v.lastStep} »`;
    return { kind: "error", message };
  }
  const lastStep =
    v.lastStep === undefined ? undefined : ((STEP_LABELS.indexOf(v.lastStep) + 1) as StepNumber);
  const claim: Claim = {
    invoiceNumber: v.invoiceNumber,
    client: v.client,
    clientType: v.clientType ?? "Professionnel",
    invoiceDate: v.invoiceDate,
    dueDate: v.dueDate ?? addDays(v.invoiceDate, DEFAULT_PAYMENT_TERM_DAYS),
    dueDateDefaulted: v.dueDate === undefined,
    amount: v.amount,
    paid: v.paid,
    profile: v.profile ?? "Standard",
    disputed: v.disputed,
  };
  if (v.email !== undefined) claim.email = v.email;
  if (v.suspendedUntil !== undefined) claim.suspendedUntil = v.suspendedUntil;
  if (lastStep !== undefined) {
    claim.lastStep = lastStep;
    claim.lastStepDate = v.lastStepDate;
  }
  if (v.acknowledgedOn !== undefined) claim.acknowledgedOn = v.acknowledgedOn;
  return { kind: "claim", claim };
}
