// ScriptApp's time-driven triggers for an editor add-on, fired on the simulated clock.

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../sandbox/index.js";

const code = `
function install() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
  var t = ScriptApp.newTrigger("daily").timeBased().atHour(9).nearMinute(0).everyDays(1)
    .inTimezone("Europe/Paris").create();
  return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getUniqueId().length > 0];
}
function installAnother() {
  ScriptApp.newTrigger("daily").timeBased().everyHours(6).create();
}
function everyMinutes() { ScriptApp.newTrigger("daily").timeBased().everyMinutes(30).create(); }
function count() { return ScriptApp.getProjectTriggers().length; }
function daily(e) {
  var runs = Number(PropertiesService.getDocumentProperties().getProperty("runs") || 0) + 1;
  PropertiesService.getDocumentProperties().setProperty("runs", String(runs));
  Logger.log("run %s at %s (%s)", runs, new Date().toISOString(), e.hour + ":" + e.minute);
  if (runs === 2) throw new Error("Quota Docs atteint");
}
function installHourly() { ScriptApp.newTrigger("slow").timeBased().everyHours(1).create(); }
function slow() { Utilities.sleep(300000); }
function uiInTrigger() { SpreadsheetApp.getUi().alert("Bonjour"); }
`;

function sandbox() {
  return createSandbox({ scripts: [{ name: "Code.js", code }], now: "2026-11-26T10:30" });
}

describe("time-driven triggers", () => {
  it("creates a daily trigger and describes it", () => {
    const sb = sandbox();
    expect(sb.run("install")).toEqual(["daily", "CLOCK", "CLOCK", true]);
    expect(sb.triggers.triggers).toHaveLength(1);
    // Created at 10:30, so the first run is tomorrow at 09:00 Paris time.
    expect(new Date(sb.triggers.triggers[0]?.nextMs ?? 0).toISOString()).toBe(
      "2026-11-27T08:00:00.000Z",
    );
  });

  it("refuses a second time-driven trigger in the same document, with Google's message", () => {
    const sb = sandbox();
    sb.run("install");
    expect(() => sb.run("installAnother")).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    expect(sb.run("count")).toBe(1);
    // Re-installing (delete then create) is fine.
    sb.run("install");
    expect(sb.run("count")).toBe(1);
  });

  it("lets a script that is not an add-on have several triggers, every minute", () => {
    const sb = createSandbox({ scripts: [{ name: "Code.js", code }], addon: false });
    sb.run("install");
    sb.run("installAnother");
    sb.run("everyMinutes");
    expect(sb.run("count")).toBe(3);
  });

  it("refuses triggers more frequent than hourly for an add-on", () => {
    const sb = sandbox();
    expect(() => sb.run("everyMinutes")).toThrow(
      "Add-ons can't create time-based triggers that run more frequently than once per hour.",
    );
    expect(sb.triggers.triggers).toHaveLength(0);
  });

  it("fires each due run in its own execution, at 09:00 in Paris, and records failures", () => {
    const sb = sandbox();
    sb.run("install");
    const runs = sb.fireDueTriggers("2026-11-30T12:00");
    expect(runs.map((r) => [r.at.toISOString(), r.error])).toEqual([
      ["2026-11-27T08:00:00.000Z", undefined],
      ["2026-11-28T08:00:00.000Z", "Quota Docs atteint"],
      ["2026-11-29T08:00:00.000Z", undefined],
      ["2026-11-30T08:00:00.000Z", undefined],
    ]);
    expect(sb.properties.document.get("runs")).toBe("4");
    expect(sb.logs.filter((l) => l.source === "Logger").map((l) => l.message)[0]).toBe(
      // getProperty (50 ms) and setProperty (80 ms) came first.
      "run 1 at 2026-11-27T08:00:00.130Z (9:0)",
    );
    expect(sb.clock.now().toISOString()).toBe("2026-11-30T11:00:00.000Z");
    expect(sb.mails).toHaveLength(0); // a failing add-on trigger emails nobody
  });

  it("keeps 09:00 local time across the change to summer time", () => {
    const sb = createSandbox({ scripts: [{ name: "Code.js", code }], now: "2027-03-26T10:00" });
    sb.run("install");
    const runs = sb.fireDueTriggers("2027-03-29T10:00");
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      "2027-03-27T08:00:00.000Z",
      "2027-03-28T07:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
    ]);
  });

  it("has no Ui in a trigger", () => {
    const sb = sandbox();
    expect(() => sb.execute("uiInTrigger", [], { kind: "trigger" })).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
    sb.run("uiInTrigger");
    expect(sb.ui.alerts).toEqual([{ prompt: "Bonjour", buttons: "OK", answer: "OK" }]);
  });

  it("stops running triggers once they used 90 minutes in the day (consumer)", () => {
    const sb = createSandbox({ scripts: [{ name: "Code.js", code }], now: "2026-11-26T09:30" });
    sb.run("installHourly");
    const runs = sb.fireDueTriggers("2026-11-27T08:59");
    expect(runs).toHaveLength(23);
    expect(runs.filter((r) => !r.error)).toHaveLength(18); // 18 × 5 min = 90 min
    expect(runs[18]?.error).toBe("Service using too much computer time for one day.");
    // A new day in Pacific time (09:00 in Paris) gives them their time back.
    expect(sb.fireDueTriggers("2026-11-27T10:30").map((r) => r.error)).toEqual([
      undefined,
      undefined,
    ]);
  });
});
