// The half-yearly rates of French law: the ECB main refinancing rate on 1 January /
// 1 July (B2B late penalties = that rate + 10 points, L441-10 II C. com.) and the taux de
// l'intérêt légal fixed by arrêté each half-year (Code monétaire et financier L313-2).
import { type CalendarDate, monthOf, yearOf } from "./calendar-date";

/** "2026-S1" (1 January – 30 June) or "2026-S2" (1 July – 31 December). */
export type HalfYear = `${number}-S${1 | 2}`;

export interface HalfYearRates {
  halfYear: HalfYear;
  /** ECB main refinancing rate in force on the first day of the half-year, in percent. */
  ecbRate: number;
  /** Default B2B late-penalty rate (ECB + 10 points), in percent. */
  penaltyRate: number;
  /** Taux de l'intérêt légal, « autres cas » (a business creditor), in percent. */
  legalRateOtherCases: number;
  /** Taux de l'intérêt légal when the creditor is a private person, in percent. */
  legalRateIndividuals: number;
}

export type RateTable = readonly HalfYearRates[];

/** Published figures (ECB decisions; arrêtés fixing the taux de l'intérêt légal).
 * 2021–2022 are kept: claims still within prescription can reach them (docs/law.md). */
export const DEFAULT_RATE_TABLE: RateTable = [
  row("2021-S1", 0, 10, 0.79, 3.14),
  row("2021-S2", 0, 10, 0.76, 3.12),
  row("2022-S1", 0, 10, 0.76, 3.13),
  row("2022-S2", 0, 10, 0.77, 3.15),
  row("2023-S1", 2.5, 12.5, 2.06, 4.47),
  row("2023-S2", 4, 14, 4.22, 6.82),
  row("2024-S1", 4.5, 14.5, 5.07, 8.01),
  row("2024-S2", 4.25, 14.25, 4.92, 8.16),
  row("2025-S1", 3.15, 13.15, 3.71, 7.21),
  row("2025-S2", 2.15, 12.15, 2.76, 6.65),
  row("2026-S1", 2.15, 12.15, 2.62, 6.67),
];

function row(
  halfYear: HalfYear,
  ecbRate: number,
  penaltyRate: number,
  legalRateOtherCases: number,
  legalRateIndividuals: number,
): HalfYearRates {
  return { halfYear, ecbRate, penaltyRate, legalRateOtherCases, legalRateIndividuals };
}

export function halfYearOf(d: CalendarDate): HalfYear {
  return `${yearOf(d)}-S${monthOf(d) <= 6 ? 1 : 2}` as HalfYear;
}

export interface RatesLookup {
  rates: HalfYearRates;
  /** False when the half-year is not in the table and its nearest known figures stand in:
   * the user must be told the amount is an estimate until the official rate is entered. */
  official: boolean;
}

/** The rates of a half-year; past the table the last known ones, before it the first. */
export function ratesForHalfYear(table: RateTable, halfYear: HalfYear): RatesLookup {
  const first = table[0];
  if (!first) throw new Error("Le barème des taux est vide.");
  let last = first;
  for (const r of table) {
    if (r.halfYear === halfYear) return { rates: r, official: true };
    if (r.halfYear < halfYear) last = r;
  }
  return { rates: halfYear < first.halfYear ? first : last, official: false };
}
