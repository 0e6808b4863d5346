import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../../src/domain/journal";
import { stepRepairs } from "../../src/domain/step-projection";

const line = (invoices: string[], step: string, at: string, outcome: string): JournalEntry => ({
  at,
  invoices,
  client: "Alpha",
  step,
  channel: "Email",
  recipient: "a@exemple.test",
  subject: "",
  outcome,
  document: "",
  by: "Recouvra (automatique)",
});

describe("« Dernière étape » as the Journal's view", () => {
  const journal = [
    line(["F-1"], "Relance de courtoisie", "2026-11-02 09:00", "Envoyé"),
    line(["F-1", "F-2"], "Relance ferme", "2026-11-09 09:00", "Envoyé"),
    line(["F-3"], "Relance de courtoisie", "2026-11-09 09:00", "Échec : Erreur"),
    line(["F-4"], "Mise en demeure", "2026-11-10 09:00", "À vérifier"),
  ];

  it("repairs what differs from the Journal, step and date together; leaves the rest", () => {
    expect(
      stepRepairs(
        [
          { invoice: "F-1", step: "Relance ferme", date: "2026-11-09" }, // right
          { invoice: "F-2", step: "Relance ferme", date: "" }, // its date lost
          { invoice: "F-3", step: "", date: "" }, // a failure is no step
          { invoice: "F-4", step: "Relance ferme", date: "2026-10-30" }, // behind
          { invoice: "F-5", step: "Relance ferme", date: "2026-10-01" }, // typed, unknown
        ],
        journal,
      ),
    ).toEqual([
      { invoice: "F-2", step: 2, date: "2026-11-09" },
      { invoice: "F-4", step: 3, date: "2026-11-10" },
    ]);
  });

  it("keeps a further step a user typed when migrating", () => {
    expect(
      stepRepairs([{ invoice: "F-1", step: "Mise en demeure", date: "2026-11-20" }], journal),
    ).toEqual([]);
  });

  it("the Journal wins a tie, date included", () => {
    expect(
      stepRepairs([{ invoice: "F-1", step: "Relance ferme", date: "2026-11-12" }], journal),
    ).toEqual([{ invoice: "F-1", step: 2, date: "2026-11-09" }]);
  });
});
