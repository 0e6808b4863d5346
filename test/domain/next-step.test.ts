import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate, toDayNumber } from "../../src/domain/calendar-date";
import type { Claim } from "../../src/domain/claim";
import { isBusinessDay } from "../../src/domain/holidays";
import { DEFAULT_LADDER, ladderSteps, stepLabel } from "../../src/domain/ladder";
import { nextStep } from "../../src/domain/next-step";
import { claimArb, todayArb } from "./arbitraries";
import { claim, d } from "./fixtures";

const today = d("2026-11-26");
const next = (c: Claim, on = today) => {
  const n = nextStep(c, on, DEFAULT_LADDER);
  return n && [stepLabel(n.step), n.date];
};

describe("the next step of the ladder", () => {
  it("starts with the courtesy reminder at J+1", () => {
    expect(next(claim({ dueDate: d("2026-11-02") }))).toEqual([
      "Relance de courtoisie",
      "2026-11-03",
    ]);
  });

  it("moves a step that falls on a holiday or a weekend to the next business day", () => {
    // J+1 = 11 November (Armistice)
    expect(next(claim({ dueDate: d("2026-11-10") }))).toEqual([
      "Relance de courtoisie",
      "2026-11-12",
    ]);
    // J+1 = Saturday 28 November
    expect(next(claim({ dueDate: d("2026-11-27") }))).toEqual([
      "Relance de courtoisie",
      "2026-11-30",
    ]);
  });

  it("never skips a step: an invoice found late with nothing done starts at step 1", () => {
    expect(next(claim({ dueDate: d("2026-06-01") }))).toEqual([
      "Relance de courtoisie",
      "2026-06-02",
    ]);
  });

  it("keeps the gap of 5 days after the last contact", () => {
    const c = claim({ dueDate: d("2026-11-02"), lastStep: 1, lastStepDate: d("2026-11-20") });
    expect(next(c)).toEqual(["Relance ferme", "2026-11-25"]);
    // without the gap it would be J+7 = 9 November
    const early = claim({ dueDate: d("2026-11-02"), lastStep: 1, lastStepDate: d("2026-11-03") });
    expect(next(early)).toEqual(["Relance ferme", "2026-11-09"]);
  });

  it("waits for the mise en demeure's 8 days before the handover", () => {
    // J+30 = 19 November; gap → 2 December; deadline: 27/11 + 9 = Sunday 6 December → Monday 7
    const c = claim({ dueDate: d("2026-10-20"), lastStep: 3, lastStepDate: d("2026-11-27") });
    expect(next(c)).toEqual(["Transmission à un professionnel", "2026-12-07"]);
  });

  it("goes straight to the firm reminder at J+1 for a recalcitrant debtor", () => {
    const c = claim({ profile: "Récalcitrant", dueDate: d("2026-11-02") });
    expect(next(c)).toEqual(["Relance ferme", "2026-11-03"]);
    const noticed = claim({
      profile: "Récalcitrant",
      dueDate: d("2026-11-02"),
      lastStep: 2,
      lastStepDate: d("2026-11-03"),
    });
    expect(next(noticed)).toEqual(["Mise en demeure", "2026-11-12"]);
  });

  it("schedules nothing before the day after a suspension, even once it is over", () => {
    const c = claim({ dueDate: d("2026-11-02"), suspendedUntil: d("2026-12-10") });
    expect(next(c)).toEqual(["Relance de courtoisie", "2026-12-11"]);
    const over = claim({ dueDate: d("2026-11-02"), suspendedUntil: d("2026-11-05") });
    expect(next(over)).toEqual(["Relance de courtoisie", "2026-11-06"]);
  });

  it("schedules nothing for a paid, disputed or prescribed invoice, nor after step 4", () => {
    expect(next(claim({ paid: 1850 }))).toBeUndefined();
    expect(next(claim({ paid: 2000 }))).toBeUndefined();
    expect(next(claim({ disputed: true }))).toBeUndefined();
    expect(next(claim({ dueDate: d("2021-01-10"), invoiceDate: d("2020-12-10") }))).toBeUndefined();
    expect(next(claim({ lastStep: 4, lastStepDate: d("2026-11-20") }))).toBeUndefined();
  });

  it("leaves a date in the past when a step is overdue", () => {
    expect(
      next(claim({ dueDate: d("2026-10-02"), lastStep: 1, lastStepDate: d("2026-10-05") })),
    ).toEqual(["Relance ferme", "2026-10-12"]);
  });
});

describe("properties of the ladder", () => {
  it("a next step is never on a non-business day, never before the gap, never skips a step", () => {
    fc.assert(
      fc.property(claimArb, todayArb, (c, today) => {
        const next = nextStep(c, today, DEFAULT_LADDER);
        if (!next) return;
        expect(isBusinessDay(next.date)).toBe(true);
        expect(
          next.date >= addDays(c.dueDate, DEFAULT_LADDER.offsets[c.profile][next.step] ?? 0),
        ).toBe(true);
        if (c.lastStepDate !== undefined) {
          expect(next.date >= addDays(c.lastStepDate, DEFAULT_LADDER.gapDays)).toBe(true);
        }
        if (c.suspendedUntil !== undefined) expect(next.date > c.suspendedUntil).toBe(true);
        const steps = ladderSteps(DEFAULT_LADDER, c.profile);
        const expected = steps.find((s) => s > (c.lastStep ?? 0));
        expect(next.step).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("walking the ladder step by step, each step comes after the previous one plus the gap", () => {
    fc.assert(
      fc.property(claimArb, (start) => {
        let c: Claim = {
          ...start,
          paid: 0,
          disputed: false,
          lastStep: undefined,
          lastStepDate: undefined,
        };
        const today = c.dueDate;
        let previous: CalendarDate | undefined;
        for (let n = 0; n < 4; n++) {
          const next = nextStep(c, today, DEFAULT_LADDER);
          if (!next) break;
          if (previous)
            expect(toDayNumber(next.date) - toDayNumber(previous)).toBeGreaterThanOrEqual(5);
          if (next.step === 4 && c.lastStepDate) {
            expect(next.date >= addDays(c.lastStepDate, 9)).toBe(true);
          }
          c = { ...c, lastStep: next.step, lastStepDate: next.date };
          previous = next.date;
        }
        expect(c.lastStep).toBe(4);
      }),
      { numRuns: 500 },
    );
  });
});
