import { describe, expect, it } from "vitest";
import { documentToText } from "../../../src/domain/messages/document";
import { buildHandoverDossier } from "../../../src/domain/messages/handover";
import { claim, d } from "../fixtures";
import { nbsp, settings, today } from "./fixtures";

describe("the handover dossier", () => {
  it("holds the parties, the amounts, the prescription and the timeline", () => {
    const doc = buildHandoverDossier({
      client: "Garage Petit",
      claims: [claim({ client: "Garage Petit", dueDate: d("2026-10-10"), paid: 350 })],
      today,
      settings,
      timeline: [
        {
          at: "2026-10-12 09:00",
          invoices: ["F-2026-001"],
          client: "Garage Petit",
          step: "Relance de courtoisie",
          channel: "Email",
          recipient: "",
          subject: "Rappel",
          outcome: "Envoyé",
          document: "",
          by: "",
        },
        {
          at: "2026-11-02 09:00",
          invoices: ["F-2026-001"],
          client: "Garage Petit",
          step: "Mise en demeure",
          channel: "Courrier + email",
          recipient: "",
          subject: "MED",
          outcome: "Envoyé",
          document: "https://docs.example/med",
          by: "",
        },
      ],
    });
    const t = nbsp(documentToText(doc));
    expect(doc.title).toBe("Dossier de recouvrement — Garage Petit — F-2026-001 — 2026-11-26");
    expect(t).toContain("DOSSIER DE RECOUVREMENT — GARAGE PETIT");
    expect(t).toContain("Principal restant dû : 1 500,00 €");
    expect(t).toContain("Dernier jour pour agir : 10/10/2031");
    expect(t).toMatch(
      /^F-2026-001 \| 12\/10\/2026 09:00 \| Relance de courtoisie +\| Email +\| Rappel +\| Envoyé$/m,
    );
    // A Journal line without its « PDF » (written before the column): the Doc's export, said so.
    expect(t).toContain(
      "Mise en demeure du 02/11/2026 — export PDF du document tel qu'il est aujourd'hui (le fichier envoyé n'est pas enregistré au Journal) : https://docs.example/med",
    );
  });
});
