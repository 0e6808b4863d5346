import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import { buildFormalNotice } from "../../../src/domain/messages/formal-notice";
import { DEFAULT_SETTINGS, type RecoverySettings } from "../../../src/domain/settings";
import { claim, d } from "../fixtures";

const settings: RecoverySettings = {
  ...DEFAULT_SETTINGS,
  creditor: {
    ...DEFAULT_SETTINGS.creditor,
    companyName: "Imprimerie Durand SARL",
    address: "12 rue des Presses\n69002 Lyon",
    city: "Lyon",
    siren: "512345678",
    email: "compta@imprimerie-durand.example",
    signature: "Claire Durand, gérante",
    iban: "FR76 3000 4000 0100 0012 3456 789",
    bic: "BNPAFRPPXXX",
    paymentLink: "https://paiement.example/durand",
  },
};
const today = d("2026-11-26");
const nbsp = (t: string) => t.replace(/[\u202f\u00a0]/g, " ");

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
    expect(tables.map((t) => t.kind === "table" && t.header.length)).toEqual([6, 5]);
    const t = nbsp(documentToText(n.letter));
    expect(t).toMatch(/^F-2026-001 +\| +1 500,00 € \| +14,98 € \| +40,00 € \| +1 554,98 €$/m);
  });
});
