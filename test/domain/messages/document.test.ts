import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import { buildFormalNotice } from "../../../src/domain/messages/formal-notice";
import { claim, d } from "../fixtures";
import { nbsp, settings, today } from "./fixtures";

describe("tables on A4", () => {
  it("puts the charges of a partly paid professional invoice in a second table, not eight columns", () => {
    const n = buildFormalNotice({
      client: "Garage Petit",
      claims: [claim({ dueDate: d("2026-10-27"), paid: 350 })],
      today,
      settings,
      previousReminders: [],
    });
    const tables = n.letter.blocks.filter((b) => b.kind === "table");
    // The invoices, their charges, then the penalties per half-year.
    expect(tables.map((t) => t.kind === "table" && t.header.length)).toEqual([6, 5, 6]);
    const t = nbsp(documentToText(n.letter));
    expect(t).toMatch(/^F-2026-001 +\| +1 500,00 € \| +14,98 € \| +40,00 € \| +1 554,98 €$/m);
  });
});
