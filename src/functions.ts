// The custom functions of the ledger (docs/ladder.md, « Les fonctions personnalisées »). Each takes a whole range and returns
// one row per input row, so one formula serves a column; each rule is the domain's own.
import { claimPenalties, recoveryIndemnity } from "./domain/amounts-due";
import type { CalendarDate } from "./domain/calendar-date";
import type { Claim } from "./domain/claim";
import { stepLabel } from "./domain/ladder";
import { readLedgerRows } from "./domain/ledger";
import { claimProblemOn } from "./domain/ledger-row";
import { nextStep } from "./domain/next-step";
import { lastDayToAct } from "./domain/prescription";
import type { RecoverySettings } from "./domain/settings";
import { claimStatus } from "./domain/status";
import { readCustomFunctionInput } from "./gas/custom-function-input";
import { readSettings } from "./gas/settings-sheet";
import type { SheetDates } from "./gas/sheet-dates";

type Output = string | number | Date;

const NOTHING_SCHEDULED = "\u2014"; // —

interface RowContext {
  today: CalendarDate;
  dates: SheetDates;
  /** « Paramètres », as the daily run and the sidebar read it: a cell, an email and a
   * letter use the same ladder and the same rates. */
  settings: RecoverySettings;
}

/** Applies `compute` to each valid row; blank rows give blank cells and a bad row gives
 * « Erreur : … » in its first column, without touching the others. */
function perRow(
  range: unknown,
  headers: unknown,
  today: unknown,
  width: number,
  compute: (claim: Claim, context: RowContext) => Output[],
  withToday = true,
): Output[][] {
  const input = readCustomFunctionInput(range, headers, today, withToday);
  const blank = (): Output[] => Array<Output>(width).fill("");
  const failed = (message: string): Output[] => [`Erreur : ${message}`, ...blank().slice(1)];
  if (withToday && input.today === undefined) {
    return input.rows.map(() => failed("la date du jour donnée n'est pas une date"));
  }
  const { settings } = readSettings(input.dates);
  const context: RowContext = { today: input.today as CalendarDate, dates: input.dates, settings };
  const outputs = readLedgerRows(input.rows, input.headerRow).map((reading) => {
    if (reading.kind === "blank") return blank();
    if (reading.kind === "error") return failed(reading.message);
    const problem = withToday ? claimProblemOn(reading.claim, context.today) : undefined;
    return problem === undefined ? compute(reading.claim, context) : failed(problem);
  });
  return outputs.length > 0 ? outputs : [blank()];
}

/**
 * Prochaine étape de relance de chaque facture, et sa date.
 *
 * @param {Array} lignes Les lignes du suivi de créances (une facture par ligne). Sans aucun argument, la ligne de la cellule.
 * @param {Array} entetes Facultatif : la ligne d'en-têtes de ces colonnes (ordre standard si omis).
 * @param {Date} date_du_jour Facultatif : la date du jour, TODAY() pour rester à jour (aujourd'hui si omis).
 * @return Deux colonnes : l'étape (« — » si rien n'est prévu) et sa date.
 * @customfunction
 */
export function NEXT_RELANCE(
  lignes?: unknown,
  entetes?: unknown,
  date_du_jour?: unknown,
): Output[][] {
  return perRow(lignes, entetes, date_du_jour, 2, (claim, { today, dates, settings }) => {
    const next = nextStep(claim, today, settings.ladder);
    return next ? [stepLabel(next.step), dates.dateCellOf(next.date)] : [NOTHING_SCHEDULED, ""];
  });
}

/**
 * Statut de chaque facture : Soldée, Litige, Procédure collective, Prescrite, Suspendue, Transmise, Mise en demeure, Relancée, Échue ou Non échue.
 *
 * @param {Array} lignes Les lignes du suivi de créances (une facture par ligne). Sans aucun argument, la ligne de la cellule.
 * @param {Array} entetes Facultatif : la ligne d'en-têtes de ces colonnes (ordre standard si omis).
 * @param {Date} date_du_jour Facultatif : la date du jour, TODAY() pour rester à jour (aujourd'hui si omis).
 * @return Une colonne : le statut.
 * @customfunction
 */
export function STATUT_CREANCE(
  lignes?: unknown,
  entetes?: unknown,
  date_du_jour?: unknown,
): Output[][] {
  return perRow(lignes, entetes, date_du_jour, 1, (claim, { today }) => [
    claimStatus(claim, today),
  ]);
}

/**
 * Pénalités de retard dues à ce jour, en euros (article L441-10 du Code de commerce) : taux BCE + 10 points par semestre, au prorata des jours de retard, arrêtées la veille d'une procédure collective ; 0 pour un particulier (Type vide compris).
 *
 * @param {Array} lignes Les lignes du suivi de créances (une facture par ligne). Sans aucun argument, la ligne de la cellule.
 * @param {Array} entetes Facultatif : la ligne d'en-têtes de ces colonnes (ordre standard si omis).
 * @param {Date} date_du_jour Facultatif : la date du jour, TODAY() pour rester à jour (aujourd'hui si omis).
 * @return Une colonne : les pénalités en euros, arrondies au centime.
 * @customfunction
 */
export function PENALITES_RETARD(
  lignes?: unknown,
  entetes?: unknown,
  date_du_jour?: unknown,
): Output[][] {
  return perRow(lignes, entetes, date_du_jour, 1, (claim, { today, settings }) => [
    claimPenalties(claim, today, settings.rates).amount,
  ]);
}

/**
 * Indemnité forfaitaire pour frais de recouvrement (article D441-5 du Code de commerce) : 40 € par facture professionnelle en retard et impayée, sinon 0 (aussi quand une procédure collective a été ouverte au plus tard à l'échéance).
 *
 * @param {Array} lignes Les lignes du suivi de créances (une facture par ligne). Sans aucun argument, la ligne de la cellule.
 * @param {Array} entetes Facultatif : la ligne d'en-têtes de ces colonnes (ordre standard si omis).
 * @param {Date} date_du_jour Facultatif : la date du jour, TODAY() pour rester à jour (aujourd'hui si omis).
 * @return Une colonne : 40 ou 0.
 * @customfunction
 */
export function INDEMNITE_RECOUVREMENT(
  lignes?: unknown,
  entetes?: unknown,
  date_du_jour?: unknown,
): Output[][] {
  return perRow(lignes, entetes, date_du_jour, 1, (claim, { today }) => [
    recoveryIndemnity(claim, today),
  ]);
}

/**
 * Dernier jour pour agir avant la prescription : échéance + 5 ans entre professionnels, date de facture + 2 ans pour un particulier (ou reconnaissance de dette plus récente).
 *
 * @param {Array} lignes Les lignes du suivi de créances (une facture par ligne). Sans aucun argument, la ligne de la cellule.
 * @param {Array} entetes Facultatif : la ligne d'en-têtes de ces colonnes (ordre standard si omis).
 * @return Une colonne : la date de prescription.
 * @customfunction
 */
export function DATE_PRESCRIPTION(lignes?: unknown, entetes?: unknown): Output[][] {
  return perRow(
    lignes,
    entetes,
    undefined,
    1,
    (claim, { dates }) => [dates.dateCellOf(lastDayToAct(claim))],
    false,
  );
}
