// A mise en demeure made from the sidebar says what really happened, as the daily run's
// does (through the built bundle): « Email envoyé — LRAR à poster » or « Courrier prêt —
// LRAR à poster », and the task « Poster en LRAR » with the postal address, or « adresse
// postale manquante ».
import { describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/index";
import { invoiceRow, journal, openLedger } from "../daily-run-harness";

const TODAY = "2026-11-26";

function setCell(sb: Sandbox, invoice: string, header: string, value: string): void {
  const s = sb.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Créances");
  if (!s) throw new Error("no ledger");
  const values = s.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === invoice) + 1;
  s.getRange(row, (values[0] ?? []).indexOf(header) + 1).setValue(value);
}

function ledgerOf(): Sandbox {
  return openLedger(
    [
      invoiceRow({
        invoice: "F-1",
        client: "Transports Garnier SAS",
        email: "compta@garnier.example",
        due: "2026-10-01",
        amount: 2400,
        lastStep: "Relance ferme",
        lastStepDate: "2026-10-20",
      }),
      invoiceRow({
        invoice: "F-2",
        client: "Boulangerie Martin",
        email: "contact@martin.example",
        due: "2026-10-01",
        amount: 640,
        lastStep: "Relance ferme",
        lastStepDate: "2026-10-20",
      }),
    ],
    { now: `${TODAY}T10:00` },
  );
}

describe("a mise en demeure made in the sidebar", () => {
  it("emailed: « Email envoyé — LRAR à poster » and the task with the postal address", () => {
    const sb = ledgerOf();
    setCell(sb, "F-1", "Adresse", "14 avenue des Routiers\n69007 Lyon");
    const created = sb.run<{ outcome: string }>("api", "apiCreateLetter", {
      client: "Transports Garnier SAS",
      kind: "formalNotice",
      invoices: ["F-1"],
      sendEmail: true,
      confirmedRecipient: "compta@garnier.example",
    });
    expect(created.outcome).toBe("Email envoyé — LRAR à poster");
    expect(sb.mails).toHaveLength(1);
    const lines = journal(sb).filter((l) => l.invoices === "F-1");
    expect(lines.map((l) => [l.step, l.channel, l.outcome])).toEqual([
      ["Mise en demeure", "Courrier + email", "Email envoyé — LRAR à poster"],
      ["Mise en demeure", "Tâche", "Tâche à faire"],
    ]);
    expect(lines[1]?.subject).toBe(
      "Poster en LRAR la mise en demeure de Transports Garnier SAS (facture F-1) : 14 avenue des Routiers, 69007 Lyon",
    );
    // The task links the original to post, the notice's line links the same Doc.
    expect(lines[1]?.document).toBe(lines[0]?.document);
    expect(lines[1]?.document).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  });

  it("not emailed: « Courrier prêt — LRAR à poster » and the task says the address is missing", () => {
    const sb = ledgerOf();
    const created = sb.run<{ outcome: string }>("api", "apiCreateLetter", {
      client: "Boulangerie Martin",
      kind: "formalNotice",
      invoices: ["F-2"],
      sendEmail: false,
    });
    expect(created.outcome).toBe("Courrier prêt — LRAR à poster");
    expect(sb.mails).toHaveLength(0);
    const lines = journal(sb).filter((l) => l.invoices === "F-2");
    expect(lines.map((l) => [l.channel, l.outcome])).toEqual([
      ["Courrier", "Courrier prêt — LRAR à poster"],
      ["Tâche", "Tâche à faire"],
    ]);
    expect(lines[1]?.subject).toBe(
      "Poster en LRAR la mise en demeure de Boulangerie Martin (facture F-2) : adresse postale manquante",
    );
    // The next morning run sees the task done: no second « Poster en LRAR ».
    sb.clock.set("2026-11-27T09:00", "Europe/Paris");
    sb.execute("runDailyRelances", [{ triggerUid: "t" }], { kind: "trigger" });
    expect(
      journal(sb).filter((l) => l.subject.startsWith("Poster en LRAR") && l.invoices === "F-2"),
    ).toHaveLength(1);
  });
});

describe("the Journal's « Par » from the sidebar", () => {
  it("names the person the same way for « Envoyer maintenant » as for a letter", () => {
    const sb = ledgerOf();
    setCell(sb, "F-1", "Adresse", "14 avenue des Routiers\n69007 Lyon");
    sb.run("api", "apiSendNow", {
      client: "Transports Garnier SAS",
      confirmed: { step: "Mise en demeure", invoices: ["F-1"] },
    });
    sb.run("api", "apiCreateLetter", {
      client: "Boulangerie Martin",
      kind: "courtesy",
      invoices: ["F-2"],
      sendEmail: false,
    });
    const by = journal(sb)
      .filter((l) => l.invoices === "F-1" || l.invoices === "F-2")
      .map((l) => l.by);
    expect(by.length).toBeGreaterThan(1);
    expect(new Set(by).size).toBe(1);
    expect(by[0]).toMatch(/\(panneau\)$/);
  });
});
