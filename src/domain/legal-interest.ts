// A consumer owes no late penalty and no 40 € (L441-10 C. com. binds professionals only);
// what runs is interest at the legal rate, from the mise en demeure (C. civ. 1231-6,
// 1344-1). The rate is that of the half-year, in the « autres cas » column when the
// creditor is a business (C. mon. fin. L313-2). Computed like the penalties: per
// half-year, over 365 days, rounded once.
import { addDays, type CalendarDate } from "./calendar-date";
import { lateDaysByHalfYear } from "./penalties";
import { halfYearOf, type RateTable, ratesForHalfYear } from "./rates";

export interface LegalInterestLine {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  rate: number;
  official: boolean;
}

export interface LegalInterest {
  /** The first day interest runs: the day after the notice. */
  from: CalendarDate;
  amount: number;
  official: boolean;
  lines: LegalInterestLine[];
}

const RATE_SCALE = 10_000;

/** The legal rate « autres cas » of the half-year `d` falls in. */
export function legalRateOn(
  table: RateTable,
  d: CalendarDate,
): { rate: number; official: boolean } {
  const { rates, official } = ratesForHalfYear(table, halfYearOf(d));
  return { rate: rates.legalRateOtherCases, official };
}

/** Interest on `principal` from the day after `noticeOn` to `today` inclusive. */
export function legalInterest(
  principal: number,
  noticeOn: CalendarDate,
  today: CalendarDate,
  table: RateTable,
): LegalInterest {
  // The half-year split is the penalties' one; only the column of the rate differs.
  const lines = (principal > 0 ? lateDaysByHalfYear(noticeOn, today, table) : []).map((s) => ({
    from: s.from,
    to: s.to,
    days: s.days,
    ...legalRateOn(table, s.from),
  }));
  let rateDays = 0n;
  for (const l of lines) rateDays += BigInt(Math.round(l.rate * RATE_SCALE)) * BigInt(l.days);
  const numerator = BigInt(Math.round(principal * 100)) * rateDays;
  const denominator = BigInt(100 * 365 * RATE_SCALE);
  const cents = (2n * numerator + denominator) / (2n * denominator);
  return {
    from: addDays(noticeOn, 1),
    amount: Number(cents) / 100,
    official: lines.every((l) => l.official),
    lines,
  };
}
