import { describe, expect, it } from "vitest";
import { oneLine } from "../../../src/domain/messages/document";
import { buildReminder } from "../../../src/domain/messages/reminder";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { claim, d } from "../fixtures";

describe("titles and subjects on one line", () => {
  it("turns every line break and control character into one space", () => {
    expect(oneLine("Garage\r\nPetit\u2028SA\tBcc:\u0000x")).toBe("Garage Petit SA Bcc: x");
  });

  it("a reminder's subject carries no CR/LF, whatever the creditor's or the invoice's text", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      creditor: {
        ...DEFAULT_SETTINGS.creditor,
        companyName: "Imprimerie\r\nBcc: spy@evil.example",
      },
    };
    const c = claim({ invoiceNumber: "F-1\nX", dueDate: d("2026-11-20") });
    const title = buildReminder({
      step: 1,
      client: "Garage\r\nPetit",
      claims: [c],
      today: d("2026-11-26"),
      settings,
    }).title;
    expect(title).not.toMatch(/[\r\n]/);
    expect(title).toContain("Imprimerie Bcc: spy@evil.example");
  });
});
