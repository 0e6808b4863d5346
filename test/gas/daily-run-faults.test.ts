// A sample of the fault sweep (test/gas/fault-sweep.ts): every 60th service call of a
// 22-action morning, each with the three faults, then a clean rerun and the next day.
// `npm run faults` sweeps every call.
import { beforeAll, describe, expect, it } from "vitest";
import { runOn } from "./daily-run-harness";
import {
  checkInvariants,
  runFault,
  type SweepFixture,
  sweep,
  sweepFixture,
  TODAY,
} from "./fault-sweep";

describe("the fault sweep, sampled", () => {
  let fx: SweepFixture;
  beforeAll(() => {
    fx = sweepFixture();
  }, 120_000);

  it("(a day of at least 20 actions)", () => {
    expect(fx.actions.length).toBeGreaterThanOrEqual(20);
    expect(fx.calls.length).toBeGreaterThan(100);
  });

  it("a throw before a call stops it: the email failing before it is made does not leave", () => {
    const first = fx.calls.indexOf("MailApp.sendEmail") + 1;
    const r = runFault(fx, first, "throw before");
    expect(r.duplicates).toEqual([]);
    expect(r.invisible).toBe(false);
  });

  it("an email that may have left (the call failed after it ran) is « À vérifier », never resent", () => {
    const first = fx.calls.indexOf("MailApp.sendEmail") + 1;
    const r = runFault(fx, first, "throw after");
    expect([r.duplicates, r.lost, r.corrupted, r.invisible]).toEqual([[], [], [], false]);
  });

  it("at every 60th call, kill after, throw before, throw after: 0 duplicates, 0 lost lines, 0 corrupted rows, every failure visible", () => {
    const points: number[] = [];
    for (let p = 1; p <= fx.calls.length; p += 60) points.push(p);
    points.push(fx.calls.length);
    const figures = sweep(fx, points);
    expect(figures.failures).toEqual([]);
    expect(figures.scenarios).toBe(points.length * 3);
  }, 600_000);

  it("(the checker sees a duplicate and a line missing when there is one)", () => {
    const sb = fx.fresh();
    runOn(sb, TODAY);
    const first = sb.mails[0];
    if (!first) throw new Error("no email");
    sb.services.MailApp.sendEmail(first.to, first.subject, "encore");
    sb.services.MailApp.sendEmail("x@exemple.test", "hors Journal", "?");
    const found = checkInvariants(sb, []);
    expect(found.duplicates).toEqual([`email ${first.to} | ${first.subject}`]);
    expect(found.lost).toEqual(["email sans ligne x@exemple.test | hors Journal"]);
  });
});
