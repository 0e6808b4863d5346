// One ledger row → a typed claim, or the French sentence saying what is wrong with it.
// Every rule after this edge works on typed values. Each column has one reader; a row is
// read by a plain loop over them rather than a zod object schema: zod's per-object cost
// (2–3 µs) was half of a row's, and a ledger recalculates 100 000 rows at a time.
import {
  addDays,
  type CalendarDate,
  formatFrenchDate,
  fromSerial,
  isInSaneRange,
  SANE_YEARS,
} from "./calendar-date";
import {
  type Cell,
  cellText,
  invisibleCharacterIn,
  isBlankCell,
  isInvisibleText,
  parseDateCell,
  parseEmailsCell,
  parseYesNoCell,
  sheetErrorOf,
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
import { readAmountText, subCent } from "./money";
import { matchLabel } from "./text";

/** Payment term applied when Échéance is blank (L441-10 I C. com.: 30 days by default). */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;

/** Longest cell Recouvra reads: past it, a cell is a paste gone wrong, not a name. */
export const MAX_CELL_LENGTH = 1_000;
/** Longest client name (the sidebar's requests carry it). */
export const MAX_CLIENT_NAME_LENGTH = 200;
/** Most addresses one row may send to (« Email » holds « a@x.fr, b@y.fr »…). */
export const MAX_RECIPIENTS_PER_ROW = 5;

export type RowReading =
  | { kind: "blank" }
  | { kind: "error"; message: string }
  | { kind: "claim"; claim: Claim };

type Transform<T> = (cell: Cell) => T;

/** Thrown by a cell reader; the row reader files it under the column's name. */
class CellIssue extends Error {}

const fail = (message: string): never => {
  throw new CellIssue(message);
};

const quoted = (cell: Cell) => `« ${cellText(cell)} »`;

const requiredText: Transform<string> = (cell) => {
  if (isBlankCell(cell)) return fail("obligatoire");
  const text = cellText(cell);
  if (isInvisibleText(text)) fail("ne contient que des caractères invisibles");
  return text;
};

/** The N° facture keys the Journal, whose « Factures » cell lists them with « , » or « ; »,
 * and stands in a subject line: one line, no list separator. */
const invoiceNumber: Transform<string> = (cell) => {
  const text = requiredText(cell);
  if (/[\r\n]/.test(text))
    fail(`${quoted(text.replace(/[\r\n]+/g, " "))} contient un retour à la ligne`);
  if (/[,;]/.test(text)) fail(`${quoted(cell)} contient une virgule ou un point-virgule`);
  return text;
};

const clientName: Transform<string> = (cell) => {
  const text = requiredText(cell);
  if (text.length > MAX_CLIENT_NAME_LENGTH)
    fail(`trop long (${text.length} caractères ; ${MAX_CLIENT_NAME_LENGTH} au plus)`);
  return text;
};

const emails: Transform<string | undefined> = (cell) => {
  if (isBlankCell(cell)) return undefined;
  const invisible = invisibleCharacterIn(cellText(cell));
  if (invisible)
    fail(`${quoted(cell)} contient un caractère invisible (${invisible}) : retapez l'adresse`);
  const list = parseEmailsCell(cell) ?? fail(`${quoted(cell)} n'est pas une adresse email valide`);
  const count = list.split(", ").length;
  if (count > MAX_RECIPIENTS_PER_ROW)
    fail(`${count} adresses ; ${MAX_RECIPIENTS_PER_ROW} au plus par facture`);
  return list;
};

const saneYears = `années ${SANE_YEARS.first} à ${SANE_YEARS.last}`;

const date: Transform<CalendarDate> = (cell) => {
  const d = parseDateCell(cell);
  if (typeof cell === "number" && (d === undefined || !isInSaneRange(d))) {
    const read =
      cell >= 1 && cell <= 2_958_465 ? ` (lu comme le ${formatFrenchDate(fromSerial(cell))})` : "";
    return fail(`${quoted(cell)} est un nombre, pas une date${read} : tapez jj/mm/aaaa`);
  }
  if (d === undefined) return fail(`${quoted(cell)} n'est pas une date (jj/mm/aaaa)`);
  if (!isInSaneRange(d)) return fail(`${formatFrenchDate(d)} est hors des ${saneYears}`);
  return d;
};

const requiredDate: Transform<CalendarDate> = (cell) =>
  isBlankCell(cell) ? fail("obligatoire") : date(cell);

const optionalDate: Transform<CalendarDate | undefined> = (cell) =>
  isBlankCell(cell) ? undefined : date(cell);

function label<T extends string>(
  labels: readonly T[],
  fallback: T | undefined,
): Transform<T | undefined> {
  return (cell) =>
    isBlankCell(cell)
      ? fallback
      : (matchLabel(labels, cellText(cell)) ??
        fail(`${quoted(cell)} inconnu (valeurs possibles : ${labels.join(", ")})`));
}

const amountReader =
  (blank: () => number, valid: (n: number) => boolean, invalid: string): Transform<number> =>
  (cell) => {
    if (isBlankCell(cell)) return blank();
    let n: number;
    if (typeof cell === "number") {
      if (!Number.isFinite(cell)) return fail(`${quoted(cell)} n'est pas un montant`);
      if (cell !== 0 && Math.abs(cell) < 0.01) return fail(subCent(String(cell).replace(".", ",")));
      n = cell;
    } else if (typeof cell === "string") {
      const reading = readAmountText(cell);
      n = "amount" in reading ? reading.amount : fail(reading.problem);
    } else return fail(`${quoted(cell)} n'est pas un montant`);
    return valid(n) ? n : fail(`${invalid} (reçu ${quoted(cell)})`);
  };

/** How each column is read; a reader throws a CellIssue for a cell it cannot read. */
const READERS = {
  invoiceNumber,
  client: clientName,
  email: emails,
  // Blank Type stays undefined here and reads as Particulier below (docs/ledger.md).
  clientType: label(CLIENT_TYPES, undefined),
  invoiceDate: requiredDate,
  dueDate: optionalDate,
  amount: amountReader(
    () => fail("obligatoire"),
    (n) => n > 0,
    "doit être supérieur à 0",
  ),
  paid: amountReader(
    () => 0,
    (n) => n >= 0,
    "ne peut pas être négatif",
  ),
  profile: label(PROFILES, "Standard"),
  disputed: (cell: Cell) =>
    parseYesNoCell(cell) ?? fail(`${quoted(cell)} non compris (case à cocher, Oui/Non ou x)`),
  suspendedUntil: optionalDate,
  lastStep: label(STEP_LABELS, undefined),
  lastStepDate: optionalDate,
  acknowledgedOn: optionalDate,
  insolvencyJudgment: optionalDate,
  address: (cell: Cell) => (isBlankCell(cell) ? undefined : postalAddress(cellText(cell))),
  siren: (cell: Cell) => {
    if (isBlankCell(cell)) return undefined;
    const digits = cellText(cell).replace(/[\s.\u00a0\u202f-]/g, "");
    return /^\d{9}$/.test(digits)
      ? digits
      : fail(`${quoted(cell)} doit compter 9 chiffres (le numéro SIREN du client)`);
  },
} satisfies Record<LedgerField, Transform<unknown>>;

/** A multi-line address as typed (Alt+Entrée in Sheets), one line per
 * "\n", blank lines dropped. */
function postalAddress(text: string): string | undefined {
  const lines = text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.length > 0 ? lines.join("\n") : undefined;
}

type RowValues = { [F in LedgerField]: ReturnType<(typeof READERS)[F]> };

/** Every column read, or every problem found, each under its column's name. */
function readCells(row: readonly Cell[], columns: ColumnMap): RowValues | string[] {
  const values = {} as Record<LedgerField, unknown>;
  const problems: string[] = [];
  for (const field of LEDGER_FIELDS) {
    const index = columns[field];
    const cell = index === undefined ? "" : row[index];
    try {
      const error = sheetErrorOf(cell);
      if (error) fail(`la cellule contient l'erreur de formule « ${error} »`);
      if (typeof cell === "string" && cell.length > MAX_CELL_LENGTH)
        fail(`trop long (${cell.length} caractères ; ${MAX_CELL_LENGTH} au plus)`);
      values[field] = READERS[field](cell);
    } catch (e) {
      if (!(e instanceof CellIssue)) throw e;
      problems.push(`${CANONICAL_HEADERS[field]} : ${e.message}`);
    }
  }
  return problems.length > 0 ? problems : (values as RowValues);
}

export function readLedgerRow(row: readonly Cell[], columns: ColumnMap): RowReading {
  if (row.every(isBlankCell)) return { kind: "blank" };
  const missing = missingRequiredFields(columns);
  if (missing.length > 0) {
    const names = missing.map((f) => `« ${CANONICAL_HEADERS[f]} »`).join(", ");
    return { kind: "error", message: `colonne introuvable : ${names}` };
  }
  const v = readCells(row, columns);
  if (Array.isArray(v)) return { kind: "error", message: v.join(" ; ") };
  if (v.lastStep !== undefined && v.lastStepDate === undefined) {
    const message = `${CANONICAL_HEADERS.lastStepDate} : obligatoire quand la dernière étape est « ${v.lastStep} »`;
    return { kind: "error", message };
  }
  if (v.dueDate !== undefined && v.dueDate < v.invoiceDate) {
    const message = `${CANONICAL_HEADERS.dueDate} : ${formatFrenchDate(v.dueDate)} est avant la date de facture (${formatFrenchDate(v.invoiceDate)})`;
    return { kind: "error", message };
  }
  const lastStep =
    v.lastStep === undefined ? undefined : ((STEP_LABELS.indexOf(v.lastStep) + 1) as StepNumber);
  const claim: Claim = {
    invoiceNumber: v.invoiceNumber,
    client: v.client,
    clientType: v.clientType ?? "Particulier",
    clientTypeDefaulted: v.clientType === undefined,
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
  if (v.insolvencyJudgment !== undefined) claim.insolvencyJudgment = v.insolvencyJudgment;
  if (v.address !== undefined) claim.address = v.address;
  if (v.siren !== undefined) claim.siren = v.siren;
  return { kind: "claim", claim };
}

/** What is wrong with a claim on a given day (the parser has no today): a step dated after
 * it was typed ahead, and would hold the next one back. Undefined when nothing is. */
export function claimProblemOn(claim: Claim, today: CalendarDate): string | undefined {
  if (claim.lastStepDate !== undefined && claim.lastStepDate > today)
    return `${CANONICAL_HEADERS.lastStepDate} : ${formatFrenchDate(claim.lastStepDate)} est après aujourd'hui (${formatFrenchDate(today)})`;
  return undefined;
}
