// MailApp: what is recorded, and the daily recipient quota as Google counts it.

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../sandbox/index.js";

const code = `
function relance(to, n) {
  for (var i = 0; i < n; i++) MailApp.sendEmail(to, "Relance " + i, "Bonjour");
  return MailApp.getRemainingDailyQuota();
}
function withCopies() {
  MailApp.sendEmail({ to: "a@client.test", cc: "b@client.test, c@client.test", bcc: "archive@exemple.test",
    subject: "Mise en demeure", body: "Texte", htmlBody: "<p>Texte</p>", name: "Cabinet Exemple",
    replyTo: "compta@exemple.test",
    attachments: [Utilities.newBlob("%PDF-1.4 fake", "application/pdf", "MED-F-001.pdf")] });
  return MailApp.getRemainingDailyQuota();
}
function quota() { return MailApp.getRemainingDailyQuota(); }
function tryQuota(to) {
  try { MailApp.sendEmail(to, "x", "y"); return "sent"; }
  catch (e) { return [e instanceof Error, e.name, e.message].join(" | "); }
}
`;

function sandbox(account: "consumer" | "workspace" = "consumer") {
  return createSandbox({ scripts: [{ name: "Code.js", code }], account, now: "2026-11-26T09:00" });
}

describe("MailApp", () => {
  it("records each message with its recipients, bodies, sender name and attachments", () => {
    const sb = sandbox();
    expect(sb.run("withCopies")).toBe(96);
    expect(sb.mails).toHaveLength(1);
    const m = sb.mails[0];
    expect(m).toMatchObject({
      from: "comptabilite@exemple.test",
      fromName: "Cabinet Exemple",
      to: "a@client.test",
      cc: "b@client.test, c@client.test",
      bcc: "archive@exemple.test",
      replyTo: "compta@exemple.test",
      subject: "Mise en demeure",
      body: "Texte",
      htmlBody: "<p>Texte</p>",
    });
    expect(m?.date.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(
      m?.attachments.map((a) => [a.name, a.contentType, new TextDecoder().decode(a.bytes)]),
    ).toEqual([["MED-F-001.pdf", "application/pdf", "%PDF-1.4 fake"]]);
  });

  it("refuses the 101st recipient of the day on a consumer account, with Google's message", () => {
    const sb = sandbox();
    expect(sb.run("relance", "client@exemple.test", 100)).toBe(0);
    expect(() => sb.run("relance", "client@exemple.test", 1)).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(sb.mails).toHaveLength(100);
    // Inside the bundle it is an Error named Exception, as Apps Script throws it.
    expect(sb.run("tryQuota", "x@exemple.test")).toBe(
      "true | Exception | Service invoked too many times for one day: email.",
    );
  });

  it("counts cc and bcc against the quota, and refuses a message that does not fit whole", () => {
    const sb = sandbox();
    sb.run("relance", "client@exemple.test", 97);
    expect(() => sb.run("withCopies")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(sb.run("quota")).toBe(3);
  });

  it("gives a Workspace account 1 500 recipients", () => {
    const sb = sandbox("workspace");
    expect(sb.run("quota")).toBe(1500);
    expect(sb.run("relance", "client@exemple.test", 150)).toBe(1350);
  });

  it("resets the quota at midnight Pacific time, not at midnight in Paris", () => {
    const sb = sandbox();
    sb.run("relance", "client@exemple.test", 100);
    sb.clock.set("2026-11-27T08:59", "Europe/Paris"); // 23:59 in Los Angeles, same day there
    expect(sb.run("quota")).toBe(0);
    sb.clock.set("2026-11-27T09:00", "Europe/Paris"); // 00:00 in Los Angeles
    expect(sb.run("quota")).toBe(100);
  });

  it("refuses a message without recipient or with an invalid address", () => {
    const sb = sandbox();
    expect(() => sb.run("relance", "", 1)).toThrow("Failed to send email: no recipient");
    expect(() => sb.run("relance", "pas-une-adresse", 1)).toThrow("Invalid email: pas-une-adresse");
    expect(sb.run("quota")).toBe(100);
  });

  it("takes about 0.7 s of Google time per message", () => {
    const sb = sandbox();
    sb.calls.reset();
    sb.run("relance", "client@exemple.test", 10);
    expect(sb.calls.counts["MailApp.sendEmail"]).toBe(10);
    expect(sb.calls.estimatedGoogleSeconds).toBeCloseTo(10 * 0.7 + 0.03, 3);
  });
});
