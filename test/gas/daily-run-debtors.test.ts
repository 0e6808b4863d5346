// Who is who, through the bundle: two debtors of one name at two addresses each get their
// own message (read back from the .eml as their mail client would), two names at one
// address get one message a day; a #N/A client is a row error, never merged.
import { type AddressObject, simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { emlBytes } from "../../sandbox/files/eml";
import type { Sandbox } from "../../sandbox/index";
import { invoiceRow, journal, openLedger, type RunReport, runOn } from "./daily-run-harness";

const TODAY = "2026-11-26";

async function received(sb: Sandbox) {
  return Promise.all(
    sb.mails.map(async (m) => {
      const mail = await simpleParser(Buffer.from(await emlBytes(m)));
      const to = (Array.isArray(mail.to) ? mail.to : [mail.to]) as AddressObject[];
      return {
        to: to.flatMap((t) => t.value.map((v) => v.address)),
        subject: mail.subject ?? "",
        text: mail.text ?? "",
      };
    }),
  );
}

describe("who is who in the daily run (the bundle)", () => {
  let sb: Sandbox;
  let report: RunReport;
  beforeAll(() => {
    sb = openLedger(
      [
        invoiceRow({
          invoice: "F-CONSO-1",
          client: "Dupont",
          email: "jean.dupont@example.org",
          type: "Particulier",
          due: "2026-11-20",
          amount: 120,
        }),
        invoiceRow({
          invoice: "F-SA-12000",
          client: "DUPONT",
          email: "compta@dupont-sa.example",
          due: "2026-11-20",
          amount: 12_000,
        }),
        invoiceRow({
          invoice: "F-NA-1",
          client: "#N/A",
          email: "a@client-a.example",
          due: "2026-11-20",
          amount: 300,
        }),
        invoiceRow({
          invoice: "F-NA-2",
          client: "#N/A",
          email: "b@client-b.example",
          due: "2026-11-20",
          amount: 700,
        }),
        invoiceRow({
          invoice: "F-MARTIN-1",
          client: "Boulangerie Martin",
          email: "compta@martin.example",
          due: "2026-11-18",
          amount: 500,
        }),
        invoiceRow({
          invoice: "F-MARTIN-2",
          client: "Martin Boulangerie",
          email: "compta@martin.example",
          due: "2026-11-20",
          amount: 800,
        }),
      ],
      { now: `${TODAY}T08:00` },
    );
    report = runOn(sb, TODAY);
  });

  it("the consumer never receives the company's invoice, nor the company the consumer's", async () => {
    const mails = await received(sb);
    const consumer = mails.filter((m) => m.to.includes("jean.dupont@example.org"));
    const company = mails.filter((m) => m.to.includes("compta@dupont-sa.example"));
    expect(consumer).toHaveLength(1);
    expect(company).toHaveLength(1);
    expect(consumer[0]?.text).toContain("F-CONSO-1");
    expect(`${consumer[0]?.subject} ${consumer[0]?.text}`).not.toContain("F-SA-12000");
    expect(consumer[0]?.text.replace(/\s/g, "")).not.toContain("12000,00");
    expect(company[0]?.text).toContain("F-SA-12000");
    expect(company[0]?.text).not.toContain("F-CONSO-1");
  });

  it("#N/A in Client: two row errors in the run summary, nothing sent to either address", async () => {
    const mails = await received(sb);
    expect(mails.flatMap((m) => m.to)).not.toContain("a@client-a.example");
    expect(mails.flatMap((m) => m.to)).not.toContain("b@client-b.example");
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          invoice: "F-NA-1",
          message: expect.stringContaining(
            "Client : la cellule contient l'erreur de formule « #N/A »",
          ),
        }),
        expect.objectContaining({
          invoice: "F-NA-2",
          message: expect.stringContaining("« #N/A »"),
        }),
      ]),
    );
  });

  it("« Boulangerie Martin » and « Martin Boulangerie » at one address: one reminder today", async () => {
    const mails = await received(sb);
    const toMartin = mails.filter((m) => m.to.includes("compta@martin.example"));
    expect(toMartin).toHaveLength(1);
    expect(toMartin[0]?.text).toContain("F-MARTIN-1");
    expect(report.skipped).toContainEqual(
      expect.objectContaining({
        invoice: "F-MARTIN-2",
        reason: expect.stringContaining("un seul envoi par jour et par adresse"),
      }),
    );
    expect(
      journal(sb).filter((l) => l.recipient === "compta@martin.example" && l.outcome === "Envoyé"),
    ).toHaveLength(1);
  });

  it("the next day the gap still holds for that address under the other name", async () => {
    const before = sb.mails.length;
    runOn(sb, "2026-11-27");
    const mails = (await received(sb)).slice(before);
    expect(mails.filter((m) => m.to.includes("compta@martin.example"))).toEqual([]);
  });
});
