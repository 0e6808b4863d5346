// The late penalties of each invoice shown the way a debtor, a judge or a commissaire de
// justice checks them: one line per half-year with its days and rate (L441-10 II C. com.:
// the rate changes on 1 January and 1 July). The lines' amounts are the very sum the
// ledger shows (claimPenalties, rounded once), shared out by largest remainder, so the
// table always adds up to the total claimed.
import { claimPenalties } from "./amounts-due";
import type { CalendarDate } from "./calendar-date";
import { type Claim, outstanding } from "./claim";
import type { LateDaysAtRate } from "./penalties";
import type { RateTable } from "./rates";

export interface PenaltyLine extends LateDaysAtRate {
  invoice: string;
  /** What the rate applies to: the invoice's outstanding, euros. */
  base: number;
  /** This half-year's share of the invoice's penalties, euros. */
  amount: number;
}

const RATE_SCALE = 10_000;

/** Splits `totalCents` over weights in proportion, by largest remainder. */
function shareOut(totalCents: bigint, weights: readonly bigint[], divisor: bigint): bigint[] {
  const exact = weights.map((w) => ({ q: w / divisor, r: w % divisor }));
  let left = totalCents - exact.reduce((s, e) => s + e.q, 0n);
  const order = exact
    .map((_, i) => i)
    .sort((a, b) => Number((exact[b]?.r ?? 0n) - (exact[a]?.r ?? 0n)));
  const shares = exact.map((e) => e.q);
  for (const i of order) {
    if (left <= 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left--;
  }
  return shares;
}

/** One line per invoice and half-year of lateness; an invoice without penalties has none. */
export function penaltyBreakdown(
  claims: readonly Claim[],
  today: CalendarDate,
  table: RateTable,
): PenaltyLine[] {
  return claims.flatMap((claim) => {
    const penalties = claimPenalties(claim, today, table);
    if (penalties.amount === 0 || penalties.segments.length === 0) return [];
    const base = outstanding(claim);
    const cents = BigInt(Math.round(base * 100));
    const weights = penalties.segments.map(
      (s) => cents * BigInt(Math.round(s.rate * RATE_SCALE)) * BigInt(s.days),
    );
    const shares = shareOut(
      BigInt(Math.round(penalties.amount * 100)),
      weights,
      BigInt(100 * 365 * RATE_SCALE),
    );
    return penalties.segments.map((s, i) => ({
      ...s,
      invoice: claim.invoiceNumber,
      base,
      amount: Number(shares[i] ?? 0n) / 100,
    }));
  });
}
