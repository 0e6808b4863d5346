// Fault injection at the membrane: a hook fails or kills a run after a given call.

import { describe, expect, it } from "vitest";
import { sandbox } from "./limits-script";

describe("fault injection", () => {
  it("lets a hook fail a call: the bundle sees Google's error and goes on", () => {
    const sb = sandbox();
    let sends = 0;
    sb.onServiceCall(({ key, phase }) => {
      if (key === "MailApp.sendEmail" && phase === "before" && ++sends === 2)
        throw new Error("Service unavailable: Gmail");
    });
    expect(sb.run("sendThree")).toBe(2);
    expect(sb.mails.map((m) => m.subject)).toEqual(["Relance 1", "Relance 3"]);
    expect(sb.workbook.sheets[0]?.values[1]?.[0]).toBe("Service unavailable: Gmail");
  });

  it("kills a run after a call: what was done remains, nothing after it happens", () => {
    const sb = sandbox();
    sb.onServiceCall(({ key, phase }) => {
      if (key === "MailApp.sendEmail" && phase === "after" && sb.mails.length === 2)
        sb.killExecution();
    });
    expect(() => sb.run("sendThree")).toThrow("Exceeded maximum execution time");
    expect(sb.mails).toHaveLength(2);
    // The catch block could not write either: every later call of the run throws.
    expect(sb.workbook.sheets[0]?.values[2]?.[0]).toBe("");
    sb.onServiceCall(undefined);
    expect(sb.run("sendThree")).toBe(3);
  });
});
