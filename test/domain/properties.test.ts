// Properties that must hold for every claim a user could type, not just the examples.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimPenalties } from "../../src/domain/amounts-due";
import {
  addDays,
  type CalendarDate,
  fromDayNumber,
  toDayNumber,
} from "../../src/domain/calendar-date";
import type { Claim } from "../../src/domain/claim";
import { isBusinessDay } from "../../src/domain/holidays";
import {
  CLIENT_TYPES,
  DEFAULT_LADDER,
  ladderSteps,
  PROFILES,
  type StepNumber,
} from "../../src/domain/ladder";
import { nextStep } from "../../src/domain/next-step";
import { latePenalties } from "../../src/domain/penalties";
import { DEFAULT_RATE_TABLE } from "../../src/domain/rates";
import { CLAIM_STATUSES, claimStatus } from "../../src/domain/status";

const day = (from: string, to: string) =>
  fc
    .integer({ min: toDayNumber(from as CalendarDate), max: toDayNumber(to as CalendarDate) })
    .map(fromDayNumber);

const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    invoiceDate: day("2020-01-01", "2027-12-31"),
    term: fc.integer({ min: 0, max: 90 }),
    amount: fc.integer({ min: 1, max: 10_000_000 }).map((c) => c / 100),
    paidShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1.2, noNaN: true })),
    clientType: fc.constantFrom(...CLIENT_TYPES),
    profile: fc.constantFrom(...PROFILES),
    disputed: fc.boolean(),
    suspension: fc.option(fc.integer({ min: -60, max: 120 }), { nil: undefined }),
    lastStep: fc.option(fc.constantFrom<StepNumber>(1, 2, 3, 4), { nil: undefined }),
    lastStepDelay: fc.integer({ min: 0, max: 200 }),
    acknowledgment: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
  })
  .map((r) => {
    const dueDate = addDays(r.invoiceDate, r.term);
    const c: Claim = {
      invoiceNumber: "F-1",
      client: "Client",
      clientType: r.clientType,
      clientTypeDefaulted: false,
      invoiceDate: r.invoiceDate,
      dueDate,
      dueDateDefaulted: false,
      amount: r.amount,
      paid: Math.round(r.amount * r.paidShare * 100) / 100,
      profile: r.profile,
      disputed: r.disputed,
    };
    if (r.suspension !== undefined) c.suspendedUntil = addDays(dueDate, r.suspension);
    if (r.lastStep !== undefined) {
      c.lastStep = r.lastStep;
      c.lastStepDate = addDays(dueDate, r.lastStepDelay);
    }
    if (r.acknowledgment !== undefined) c.acknowledgedOn = addDays(dueDate, r.acknowledgment);
    return c;
  });

const todayArb = day("2020-01-01", "2033-12-31");

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

describe("properties of penalties", () => {
  it("grow with the days and with the amount", () => {
    fc.assert(
      fc.property(
        day("2021-01-01", "2027-12-31"),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100),
        fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100),
        (due, days, more, a, extra) => {
          const today = addDays(due, days);
          const base = latePenalties(a, due, today, DEFAULT_RATE_TABLE).amount;
          expect(
            latePenalties(a, due, addDays(today, more), DEFAULT_RATE_TABLE).amount,
          ).toBeGreaterThanOrEqual(base);
          expect(
            latePenalties(a + extra, due, today, DEFAULT_RATE_TABLE).amount,
          ).toBeGreaterThanOrEqual(base);
          expect(base).toBeGreaterThanOrEqual(0);
          expect(Math.round(base * 100)).toBeCloseTo(base * 100, 6);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("are zero for a consumer, a paid invoice or before the due date has passed", () => {
    fc.assert(
      fc.property(claimArb, todayArb, (c, today) => {
        const amount = claimPenalties(c, today, DEFAULT_RATE_TABLE).amount;
        if (c.clientType === "Particulier" || c.paid >= c.amount || today <= c.dueDate) {
          expect(amount).toBe(0);
        } else {
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe("properties of statuses", () => {
  it("every valid claim gets exactly one known status", () => {
    fc.assert(
      fc.property(claimArb, todayArb, (c, today) => {
        expect(CLAIM_STATUSES).toContain(claimStatus(c, today));
      }),
      { numRuns: 2000 },
    );
  });
});
