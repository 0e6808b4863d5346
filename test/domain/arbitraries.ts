// Arbitraries for the property tests: every claim a user could type, not just the examples.
import fc from "fast-check";
import {
  addDays,
  type CalendarDate,
  fromDayNumber,
  toDayNumber,
} from "../../src/domain/calendar-date";
import type { Claim } from "../../src/domain/claim";
import { CLIENT_TYPES, PROFILES, type StepNumber } from "../../src/domain/ladder";

export const day = (from: string, to: string) =>
  fc
    .integer({ min: toDayNumber(from as CalendarDate), max: toDayNumber(to as CalendarDate) })
    .map(fromDayNumber);

export const claimArb: fc.Arbitrary<Claim> = fc
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

export const todayArb = day("2020-01-01", "2033-12-31");
