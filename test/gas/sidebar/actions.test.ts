// The sidebar keeps the daily run's rules, through the built bundle: no email to a debtor
// already contacted today or handed over, and settings refused in French when they would
// allow harassment (a gap under 3 days, a send hour outside 8–19).
import { describe, expect, it } from "vitest";
import { invoiceRow, journal, openLedger, runOn } from "../daily-run-harness";

const TODAY = "2026-11-26";
const EMAIL = "contact@boulangerie-martin.example";

describe("the sidebar under the contact rule", () => {
  it("refuses to email a letter to a debtor the daily run already wrote to today", () => {
    const sb = openLedger(
      [
        invoiceRow({
          invoice: "F-1",
          client: "Boulangerie Martin",
          email: EMAIL,
          due: "2026-11-24",
          amount: 500,
        }),
      ],
      { now: `${TODAY}T08:00` },
    );
    runOn(sb, TODAY);
    expect(journal(sb).map((l) => l.step)).toEqual(["Relance de courtoisie"]);
    sb.clock.set(`${TODAY}T15:00`, "Europe/Paris");
    const request = {
      client: "Boulangerie Martin",
      kind: "firm",
      invoices: ["F-1"],
      sendEmail: true,
      confirmedRecipient: EMAIL,
    };
    expect(() => sb.run("api", "apiCreateLetter", request)).toThrow(
      "Email non envoyé : client déjà contacté aujourd'hui, un seul contact par jour. Le courrier peut être créé sans envoi.",
    );
    expect(sb.mails).toHaveLength(1);
    // Without sending, the letter is made for the user to post.
    sb.run("api", "apiCreateLetter", { ...request, sendEmail: false });
    expect(sb.mails).toHaveLength(1);
  });

  it("refuses to email a debtor handed over to a professional", () => {
    const sb = openLedger(
      [
        invoiceRow({
          invoice: "F-1",
          client: "Hôtel du Parc",
          email: "direction@hotel-du-parc.example",
          due: "2026-09-01",
          amount: 5000,
          lastStep: "Transmission à un professionnel",
          lastStepDate: "2026-10-15",
        }),
        invoiceRow({
          invoice: "F-2",
          client: "Hôtel du Parc",
          email: "direction@hotel-du-parc.example",
          due: "2026-11-20",
          amount: 800,
        }),
      ],
      { now: `${TODAY}T08:00` },
    );
    const request = {
      client: "Hôtel du Parc",
      kind: "courtesy",
      invoices: ["F-2"],
      sendEmail: true,
      confirmedRecipient: "direction@hotel-du-parc.example",
    };
    expect(() => sb.run("api", "apiCreateLetter", request)).toThrow(
      "Email non envoyé : client transmis à un professionnel : Recouvra ne lui écrit plus.",
    );
    expect(sb.mails).toEqual([]);
  });

  it("refuses a gap under 3 days and a send hour outside 8–19, in French", () => {
    const sb = openLedger([], { now: `${TODAY}T08:00` });
    const view = sb.run<Record<string, unknown>>("api", "apiGetSettings", {});
    const { sample: _sample, problems: _problems, rates: _rates, ...input } = view;
    expect(() => sb.run("api", "apiSaveSettings", { ...input, sendHour: 3, gapDays: 1 })).toThrow(
      "Paramètres non enregistrés. Heure d'envoi : « 3 » n'est pas accepté : les relances partent entre 8 h et 19 h (nombre entier de 8 à 19) ; Délai minimal entre deux contacts (jours) : « 1 » n'est pas accepté : au moins 3 jours entre deux contacts avec un même client (nombre entier de 3 à 60).",
    );
    const saved = sb.run<{ sendHour: number; gapDays: number }>("api", "apiSaveSettings", {
      ...input,
      sendHour: 19,
      gapDays: 3,
    });
    expect([saved.sendHour, saved.gapDays]).toEqual([19, 3]);
  });
});
