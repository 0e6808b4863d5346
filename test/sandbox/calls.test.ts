// The call ledger: every service call counted by service, class and method, Google's time estimated.

import { describe, expect, it } from "vitest";
import { sandbox } from "./ledger-workbook";

describe("the call ledger", () => {
  it("counts each call by service, class and method and estimates Google's time", () => {
    const { sb, sheet } = sandbox();
    sb.calls.reset();
    sheet.getRange("A1:D3").getValues();
    sheet.getRange("A1:D3").setValues([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(sb.calls.counts).toEqual({
      "SpreadsheetApp.Range.getValues": 1,
      "SpreadsheetApp.Range.setValues": 1,
      "SpreadsheetApp.Sheet.getRange": 2,
    });
    // 80 ms + 12 cells × 0.01 ms, 100 ms + 12 × 0.02 ms, 2 × 5 ms.
    expect(sb.calls.estimatedGoogleSeconds).toBeCloseTo(0.19, 3);
    const before = sb.clock.nowMs();
    for (let r = 1; r <= 10; r++) sheet.getRange(r, 1).setValue(r);
    expect(sb.calls.counts["SpreadsheetApp.Range.setValue"]).toBe(10);
    expect(sb.clock.nowMs() - before).toBe(10 * (80 + 5));
  });
});
