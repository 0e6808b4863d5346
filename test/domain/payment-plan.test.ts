import { describe, expect, it } from "vitest";
import {
  instalmentToRecall,
  type PaymentPlan,
  planStatus,
  schedulePaymentPlan,
} from "../../src/domain/payment-plan";
import { d } from "./fixtures";

const terms = {
  total: 2100.5,
  count: 6,
  firstDate: d("2026-12-15"),
  frequency: "monthly" as const,
  agreedOn: d("2026-11-26"),
};

function plan(): PaymentPlan {
  const s = schedulePaymentPlan(terms);
  if (!s.ok) throw new Error(s.problems.join());
  return {
    id: "E-1",
    client: "Garage",
    invoices: ["F-1"],
    agreedOn: terms.agreedOn,
    paidAtAgreement: 100,
    instalments: s.instalments,
  };
}

describe("schedulePaymentPlan", () => {
  it("splits into equal instalments, the last taking the remainder, a month apart", () => {
    const s = schedulePaymentPlan(terms);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.instalments.map((i) => i.amount)).toEqual([
      350.08, 350.08, 350.08, 350.08, 350.08, 350.1,
    ]);
    expect(s.instalments.map((i) => i.date)).toEqual([
      "2026-12-15",
      "2027-01-15",
      "2027-02-15",
      "2027-03-15",
      "2027-04-15",
      "2027-05-15",
    ]);
  });

  it("keeps the day of the month, or the month's last day", () => {
    const s = schedulePaymentPlan({ ...terms, count: 3, firstDate: d("2027-01-31") });
    expect(s.ok && s.instalments.map((i) => i.date)).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
    ]);
    const q = schedulePaymentPlan({
      ...terms,
      count: 2,
      frequency: "quarterly",
      firstDate: d("2027-11-30"),
    });
    expect(q.ok && q.instalments.map((i) => i.date)).toEqual(["2027-11-30", "2028-02-29"]);
  });

  it("refuses a plan longer than 24 months (Code civil 1343-5)", () => {
    const s = schedulePaymentPlan({ ...terms, count: 26 });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.problems.join()).toMatch(/24 mois.*1343-5/);
    expect(schedulePaymentPlan({ ...terms, count: 24, firstDate: d("2026-11-26") }).ok).toBe(true);
  });

  it("refuses nonsense terms in French", () => {
    const s = schedulePaymentPlan({ ...terms, total: 0, count: 0, firstDate: d("2026-11-01") });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.problems).toHaveLength(3);
  });

  it("schedules weekly and quarterly plans", () => {
    const w = schedulePaymentPlan({ ...terms, frequency: "weekly" });
    const q = schedulePaymentPlan({ ...terms, frequency: "quarterly", count: 4 });
    expect(w.ok && w.instalments[1]?.date).toBe("2026-12-22");
    expect(q.ok && q.instalments[3]?.date).toBe("2027-09-15");
  });
});

describe("planStatus", () => {
  it("suspends until the first instalment not honoured + 5 days of grace", () => {
    const p = plan();
    expect(planStatus(p, 100, d("2026-11-26")).suspendedUntil).toBe("2026-12-20");
    // 1st instalment paid (350.08 since the agreement): suspension moves to the 2nd.
    const after = planStatus(p, 450.08, d("2026-12-16"));
    expect(after.instalments[0]?.state).toBe("honoured");
    expect(after.next?.number).toBe(2);
    expect(after.suspendedUntil).toBe("2027-01-20");
  });

  it("applies the acceleration clause once an instalment is missed past the grace", () => {
    const p = plan();
    expect(planStatus(p, 100, d("2026-12-18")).instalments[0]?.state).toBe("late");
    const missed = planStatus(p, 100, d("2026-12-21"));
    expect(missed.defaulted).toBe(true);
    expect(missed.instalments[0]?.state).toBe("missed");
    // The suspension has lapsed: the ladder resumes on the whole balance.
    expect(missed.suspendedUntil < d("2026-12-21")).toBe(true);
  });

  it("is completed when every instalment is paid", () => {
    const s = planStatus(plan(), 2200.5, d("2027-06-01"));
    expect(s.completed).toBe(true);
    expect(s.defaulted).toBe(false);
  });

  it("recalls the next instalment 3 days before it, not once the plan defaulted", () => {
    const p = plan();
    expect(
      instalmentToRecall(planStatus(p, 100, d("2026-12-11")), d("2026-12-11")),
    ).toBeUndefined();
    expect(instalmentToRecall(planStatus(p, 100, d("2026-12-12")), d("2026-12-12"))?.number).toBe(
      1,
    );
    expect(instalmentToRecall(planStatus(p, 100, d("2026-12-15")), d("2026-12-15"))?.number).toBe(
      1,
    );
    expect(
      instalmentToRecall(planStatus(p, 100, d("2026-12-25")), d("2026-12-25")),
    ).toBeUndefined();
  });
});
