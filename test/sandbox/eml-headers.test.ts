// CR/LF never reaches an email header: a subject or a name carrying « \r\nBcc: … » is written
// on one line, and the mail client reads no extra recipient.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { emlBytes } from "../../sandbox/files/eml";

describe("the .eml writer keeps each header on one line", () => {
  it("a subject and a sender name with CR/LF add no header", async () => {
    const bytes = await emlBytes({
      from: "relances@imprimerie-durand.example",
      fromName: "Imprimerie\r\nBcc: spy@evil.example",
      to: "compta@martin.example",
      subject: "Relance — F-1\r\nBcc: spy@evil.example",
      body: "Bonjour",
      attachments: [],
      date: new Date("2026-11-26T08:00:00Z"),
    });
    const raw = Buffer.from(bytes).toString("utf8");
    expect(raw).not.toMatch(/^Bcc:/im);
    const mail = await simpleParser(Buffer.from(bytes));
    expect(mail.subject).toBe("Relance — F-1 Bcc: spy@evil.example");
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has("bcc")).toBe(false);
  });
});
