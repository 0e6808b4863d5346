// B2B late penalties (Code de commerce L441-10 II): due without any reminder from the day
// after the due date, at the rate of each half-year the delay runs through, pro rata
// temporis over a 365-day year (leap years too), rounded once, at the end.
import { addDays, type CalendarDate, daysBetween, maxDate, monthOf, yearOf } from "./calendar-date";
import { halfYearOf, type RateTable, ratesForHalfYear } from "./rates";

export interface LateDaysAtRate {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  /** Percent per year. */
  rate: number;
  /** False when the rate is an estimate (half-year missing from the table). */
  official: boolean;
}

/** The first day of the half-year after the one `d` falls in. */
function nextHalfYearStart(d: CalendarDate): CalendarDate {
  const year = yearOf(d);
  return (monthOf(d) <= 6 ? `${year}-07-01` : `${year + 1}-01-01`) as CalendarDate;
}

/** The days of lateness (Échéance + 1 … today, inclusive) split at each half-year. */
export function lateDaysByHalfYear(
  dueDate: CalendarDate,
  today: CalendarDate,
  table: RateTable,
): LateDaysAtRate[] {
  const segments: LateDaysAtRate[] = [];
  let from = addDays(dueDate, 1);
  while (from <= today) {
    const boundary = nextHalfYearStart(from);
    const to = boundary <= today ? addDays(boundary, -1) : today;
    const { rates, official } = ratesForHalfYear(table, halfYearOf(from));
    segments.push({ from, to, days: daysBetween(from, to) + 1, rate: rates.penaltyRate, official });
    from = maxDate(boundary, addDays(to, 1));
  }
  return segments;
}

export interface LatePenalties {
  /** Euros, rounded to the cent. */
  amount: number;
  /** Every rate used is an official one (no estimated half-year). */
  official: boolean;
  segments: LateDaysAtRate[];
}

const RATE_SCALE = 10_000; // rates kept to 1/10 000 of a percent, so the sum is exact

/** Penalties on `outstanding` euros from the day after `dueDate` to `today`. */
export function latePenalties(
  outstanding: number,
  dueDate: CalendarDate,
  today: CalendarDate,
  table: RateTable,
): LatePenalties {
  const segments = outstanding > 0 ? lateDaysByHalfYear(dueDate, today, table) : [];
  // amount = cents × Σ(rate × days) / (100 % × 365), computed on integers, rounded half up.
  let rateDays = 0n;
  for (const s of segments) rateDays += BigInt(Math.round(s.rate * RATE_SCALE)) * BigInt(s.days);
  const cents = BigInt(Math.round(outstanding * 100));
  const numerator = cents * rateDays;
  const denominator = BigInt(100 * 365 * RATE_SCALE);
  const roundedCents = (2n * numerator + denominator) / (2n * denominator);
  return {
    amount: Number(roundedCents) / 100,
    official: segments.every((s) => s.official),
    segments,
  };
}
