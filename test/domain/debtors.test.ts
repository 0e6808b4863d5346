// Who is who: a debtor is a name and its address; one contact per address per day.
import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claim";
import { type LedgerLine, planDailyRun } from "../../src/domain/daily-plan";
import { type JournalEntry, OUTCOMES, timelineOf } from "../../src/domain/journal";
import { debtorsOf, requireDebtor } from "../../src/domain/ledger";
import { Refusal } from "../../src/domain/refusal";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

const today = d("2026-11-26");
const lines = (claims: Claim[]): LedgerLine[] =>
  claims.map((c, i) => ({
    row: i + 2,
    invoiceText: c.invoiceNumber,
    reading: { kind: "claim", claim: c },
  }));
const entry = (fields: Partial<JournalEntry>): JournalEntry => ({
  at: "2026-11-24 09:00",
  invoices: [],
  client: "",
  step: "Relance de courtoisie",
  channel: "Email",
  recipient: "",
  subject: "",
  outcome: OUTCOMES.sent,
  document: "",
  by: "Recouvra (automatique)",
  ...fields,
});
const plan = (claims: Claim[], journal: JournalEntry[] = []) =>
  planDailyRun(lines(claims), journal, today, DEFAULT_SETTINGS);

const consumer = claim({
  invoiceNumber: "F-CONSO",
  client: "Dupont",
  email: "jean.dupont@example.org",
  clientType: "Particulier",
  dueDate: d("2026-11-20"),
  amount: 120,
});
const company = claim({
  invoiceNumber: "F-SA",
  client: "DUPONT",
  email: "compta@dupont-sa.example",
  dueDate: d("2026-11-20"),
  amount: 12_000,
});

describe("a debtor is a name and its address", () => {
  it("« Dupont » the consumer and « DUPONT » the company: two messages, each its own invoice", () => {
    const p = plan([consumer, company]);
    expect(p.actions.map((a) => [a.email, a.invoices])).toEqual([
      ["compta@dupont-sa.example", ["F-SA"]],
      ["jean.dupont@example.org", ["F-CONSO"]],
    ]);
  });

  it("one name, one row with an address and one without: never the first's message for both", () => {
    const withMail = claim({
      invoiceNumber: "F-1",
      client: "Garage Petit",
      dueDate: d("2026-11-20"),
    });
    const without = claim({
      invoiceNumber: "F-2",
      client: "Garage Petit",
      email: undefined,
      dueDate: d("2026-11-20"),
    });
    const p = plan([withMail, without]);
    expect(p.actions.map((a) => [a.channel, a.invoices])).toEqual([
      ["email", ["F-1"]],
      ["task", ["F-2"]],
    ]);
  });

  it("the same addresses in another order or case are the same debtor", () => {
    const a = claim({
      invoiceNumber: "F-1",
      client: "Atelier Roux",
      email: "a@roux.example, B@roux.example",
      dueDate: d("2026-11-20"),
    });
    const b = claim({
      invoiceNumber: "F-2",
      client: "atelier roux",
      email: "b@roux.example; a@roux.example",
      dueDate: d("2026-11-21"),
    });
    expect(plan([a, b]).actions.map((x) => x.invoices)).toEqual([["F-1", "F-2"]]);
  });

  it("the sidebar names homonyms with their address, and refuses a bare name shared by two", () => {
    const ls = lines([consumer, company]);
    expect(debtorsOf([consumer, company]).map((x) => x.label)).toEqual([
      "Dupont (jean.dupont@example.org)",
      "DUPONT (compta@dupont-sa.example)",
    ]);
    expect(
      requireDebtor(ls, "DUPONT (compta@dupont-sa.example)").map((c) => c.invoiceNumber),
    ).toEqual(["F-SA"]);
    expect(() => requireDebtor(ls, "dupont")).toThrow(Refusal);
    expect(() => requireDebtor(ls, "dupont")).toThrow(
      "Plusieurs clients s'appellent « dupont », à des adresses différentes : « Dupont (jean.dupont@example.org) », « DUPONT (compta@dupont-sa.example) ». Choisissez-en un.",
    );
    expect(requireDebtor(lines([consumer]), "DUPONT").map((c) => c.invoiceNumber)).toEqual([
      "F-CONSO",
    ]);
  });

  it("a homonym's Journal lines stay out of a debtor's timeline", () => {
    const journal = [
      entry({ client: "DUPONT", recipient: "compta@dupont-sa.example", subject: "Relance SA" }),
      entry({ client: "Dupont", recipient: "jean.dupont@example.org", subject: "Relance conso" }),
    ];
    expect(
      timelineOf(journal, "Dupont", [], "jean.dupont@example.org").map((e) => e.subject),
    ).toEqual(["Relance conso"]);
  });

  it("a homonym contacted yesterday does not hold back the other debtor", () => {
    const journal = [
      entry({
        at: "2026-11-25 09:00",
        client: "DUPONT",
        recipient: "compta@dupont-sa.example",
        invoices: ["F-OLD"],
      }),
    ];
    expect(plan([consumer], journal).actions.map((a) => a.invoices)).toEqual([["F-CONSO"]]);
  });
});

describe("one contact per email address per day, whatever the name", () => {
  const martin = claim({
    invoiceNumber: "F-M1",
    client: "Boulangerie Martin",
    email: "compta@martin.example",
    dueDate: d("2026-11-10"),
  });
  const alias = claim({
    invoiceNumber: "F-M2",
    client: "Martin Boulangerie",
    email: "Compta@Martin.example",
    dueDate: d("2026-11-20"),
  });

  it("« Boulangerie Martin » and « Martin Boulangerie » at one address: one reminder, the other waits and says why", () => {
    const p = plan([martin, alias]);
    expect(p.actions.map((a) => a.invoices)).toEqual([["F-M1"]]);
    expect(p.skipped).toContainEqual({
      invoice: "F-M2",
      reason:
        "Relance de courtoisie reportée : compta@martin.example reçoit déjà aujourd'hui le courrier de « Boulangerie Martin » (un seul envoi par jour et par adresse)",
    });
  });

  it("an address shared within a list of addresses counts too", () => {
    const both = claim({
      invoiceNumber: "F-M3",
      client: "SCI Martin",
      email: "dg@martin.example, compta@martin.example",
      dueDate: d("2026-11-20"),
    });
    expect(plan([martin, both]).actions.map((a) => a.invoices)).toEqual([["F-M1"]]);
  });

  it("the gap holds per address: written to under another name two days ago, it waits", () => {
    const journal = [
      entry({
        client: "Boulangerie Martin",
        recipient: "compta@martin.example",
        invoices: ["F-OLD"],
      }),
    ];
    const p = plan([alias], journal);
    expect(p.actions).toEqual([]);
    expect(p.skipped).toEqual([
      {
        invoice: "F-M2",
        reason:
          "Relance de courtoisie reportée : client contacté le 24/11/2026, délai minimal de 5 jours",
      },
    ]);
  });

  it("a dossier is not a contact: it goes the same day as a reminder to that address", () => {
    const handover = claim({
      invoiceNumber: "F-H",
      client: "Martin Boulangerie",
      email: "compta@martin.example",
      dueDate: d("2026-09-01"),
      lastStep: 3,
      lastStepDate: d("2026-10-01"),
    });
    expect(
      plan([martin, handover])
        .actions.map((a) => a.channel)
        .sort(),
    ).toEqual(["dossier", "email"]);
  });
});
