// Apps Script's limits: 6 minutes per execution, and the restricted mode of custom functions
// (read-only spreadsheet, no mail/docs/drive/triggers, 30 s).

import { describe, expect, it } from "vitest";
import { sandbox } from "./limits-script";

describe("the 6-minute limit", () => {
  it("throws Exceeded maximum execution time at the first call past 6 minutes", () => {
    const sb = sandbox();
    // 85 ms of Google time per cell: about 4 235 cells fit in 6 minutes.
    expect(sb.run("perCell", 4000)).toBe(4000);
    expect(() => sb.run("perCell", 5000)).toThrow("Exceeded maximum execution time");
    // The second run wrote until its time was up, then stopped.
    const written = sb.workbook.sheets[0]?.values.filter((row) => row[0] !== "").length ?? 0;
    expect(written).toBeGreaterThan(4200);
    expect(written).toBeLessThan(4240);
    expect(sb.calls.counts["SpreadsheetApp.Range.setValue"]).toBeGreaterThan(8200);
  });

  it("counts sleeps, and gives each execution its own 6 minutes", () => {
    const sb = sandbox();
    expect(sb.run("sleeper", 5)).toBe("awake");
    expect(sb.run("sleeper", 5)).toBe("awake");
    expect(() => sb.run("sleeper", 7)).toThrow("Exceeded maximum execution time");
  });
});

describe("custom functions run in Google's restricted mode", () => {
  it("may read the spreadsheet but not write it", () => {
    const sb = sandbox();
    sb.services.SpreadsheetApp.getActiveSheet().getRange("A1").setValue(42);
    expect(sb.callCustomFunction("READ", [], { cell: "C3" })).toBe(42);
    expect(() => sb.callCustomFunction("WRITE", [])).toThrow(
      "You do not have permission to call setValue",
    );
    expect(sb.run("WRITE")).toBe(1);
  });

  it("may not send mail, create documents or install triggers", () => {
    const sb = sandbox();
    expect(() => sb.callCustomFunction("MAIL", [])).toThrow(
      "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
    );
    expect(() => sb.callCustomFunction("DOC", [])).toThrow(
      "You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents",
    );
    expect(() => sb.callCustomFunction("TRIGGER", [])).toThrow(
      /You do not have permission to call ScriptApp.newTrigger/,
    );
    expect(sb.mails).toHaveLength(0);
    expect(sb.documents).toHaveLength(0);
  });

  it("may use properties, runs anonymously, and sees the calling cell as the active range", () => {
    const sb = sandbox();
    expect(sb.callCustomFunction("PROPS", [])).toBe("v |");
    expect(sb.callCustomFunction("WHERE", [], { sheet: "Feuille 1", cell: "O2" })).toBe(
      "Feuille 1!O2",
    );
  });

  it("is stopped after 30 seconds", () => {
    const sb = sandbox();
    expect(() => sb.callCustomFunction("SLOW", [])).toThrow("Exceeded maximum execution time");
    // Recalculation runs beside the user's session: the clock did not move.
    expect(sb.clock.now().toISOString()).toBe("2026-11-26T08:00:00.000Z");
  });
});
