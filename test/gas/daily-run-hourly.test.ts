// The hourly trigger (issue 13): a backlog bigger than one 5-minute execution is finished the
// same morning by the next wake-ups, in priority order; the menu and the sidebar say « reprise
// à … » meanwhile; a wake-up with nothing to do reads no sheet (two cheap calls at most).
import { describe, expect, it } from "vitest";
import { type Invoice, invoiceRow, journal, openLedger, TZ } from "./daily-run-harness";

const TODAY = "2026-11-26"; // a Thursday

const backlog: Invoice[] = Array.from({ length: 450 }, (_, i) => ({
  invoice: `F-${String(i + 1).padStart(3, "0")}`,
  client: `Client ${i + 1}`,
  email: `client${i + 1}@exemple.test`,
  due: "2026-11-20",
  amount: 1000 - i,
}));

describe("the hourly wake-ups", () => {
  it("finish a backlog the same morning, say « reprise à 10 h » meanwhile, and sleep cheaply once done", () => {
    const sb = openLedger(backlog.map(invoiceRow), { now: `${TODAY}T06:30`, account: "workspace" });
    sb.run("enableAutoRelances");

    // Before the send hour: a wake-up reads one property and goes back to sleep.
    sb.calls.reset();
    sb.fireDueTriggers(`${TODAY}T07:59`);
    expect(sb.triggers.runs).toHaveLength(1);
    expect(sb.calls.total).toBeLessThanOrEqual(2);
    expect(sb.mails).toEqual([]);

    sb.fireDueTriggers(`${TODAY}T09:59`);
    const first = sb.mails.length;
    expect(first).toBeGreaterThanOrEqual(360);
    expect(first).toBeLessThan(450);
    // The largest amounts first (same due date).
    expect(sb.mails[0]?.to).toBe("client1@exemple.test");
    const report = JSON.parse(sb.properties.document.get("recouvra.lastRun") ?? "{}");
    expect(report.resumeAt).toBe("reprise à 10 h");
    sb.clock.set(`${TODAY}T09:58`, TZ);
    const list = sb.run<{ notes: string[] }>("api", "apiWorkList", {});
    expect(JSON.stringify(list)).toContain(
      `${450 - first}\u00a0actions en attente, reprise à 10 h`,
    );

    sb.fireDueTriggers(`${TODAY}T10:59`);
    expect(sb.mails).toHaveLength(450);
    expect(new Set(sb.mails.map((m) => m.to)).size).toBe(450);
    expect(journal(sb).filter((l) => l.outcome === "Envoyé")).toHaveLength(450);

    // Done for the day: the next wake-ups cost at most two cheap calls each, no sheet read.
    sb.calls.reset();
    const runs = sb.fireDueTriggers(`${TODAY}T18:59`);
    expect(runs.length).toBeGreaterThanOrEqual(8);
    expect(sb.calls.total).toBeLessThanOrEqual(2 * runs.length);
    expect(Object.keys(sb.calls.counts).some((k) => k.startsWith("SpreadsheetApp"))).toBe(false);
    expect(sb.mails).toHaveLength(450);
  });
});
