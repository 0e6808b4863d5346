// .eml files as a mail client reads them: parsed back by mailparser, a real MIME parser.
import { type AddressObject, simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { emlBytes } from "../../../sandbox/files/eml.js";
import type { EmailModel } from "../../../sandbox/model.js";

const PDF = Uint8Array.from([
  0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x80, 0xe9,
]);

function email(overrides: Partial<EmailModel> = {}): EmailModel {
  return {
    from: "relances@imprimerie-durand.example",
    fromName: "Imprimerie Durand — Service comptabilité",
    to: "Élodie Lefèvre <compta@garage-lefevre.example>",
    cc: "gerant@garage-lefevre.example",
    bcc: "archives@imprimerie-durand.example",
    replyTo: "marie.durand@imprimerie-durand.example",
    subject: "Imprimerie Durand SARL — Mise en demeure de payer — facture F-2026-0250 (6 480,00 €)",
    body: "Madame, Monsieur,\n\nMalgré nos relances, la facture « F-2026-0250 » reste impayée : 6\u202F480,00\u00A0€.\n",
    htmlBody:
      "<p>Madame, Monsieur,</p><p>Malgré nos relances, la facture « F-2026-0250 » reste impayée : <b>6\u202F480,00\u00A0€</b>.</p>",
    attachments: [
      { name: "Mise en demeure — F-2026-0250.pdf", contentType: "application/pdf", bytes: PDF },
    ],
    date: new Date("2026-11-26T08:00:00Z"),
    ...overrides,
  };
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value);

describe("emlBytes", () => {
  it("writes a MIME message a mail client reads back: accents, names, both bodies, the PDF", async () => {
    const bytes = await emlBytes(email());
    const raw = Buffer.from(bytes).toString("latin1");
    // Headers are 7-bit: French text is encoded (RFC 2047), never raw UTF-8.
    const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
    expect(/^[\x20-\x7e\r\n\t]*$/.test(head)).toBe(true);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).toMatch(/^Message-ID: <[0-9a-f]{32}@imprimerie-durand\.example>$/m);
    expect(head).not.toMatch(/^Bcc:/im);
    expect(raw).not.toContain("archives@imprimerie-durand.example");

    const mail = await simpleParser(Buffer.from(bytes));
    expect(mail.subject).toBe(email().subject);
    expect(addresses(mail.from)).toEqual([
      {
        address: "relances@imprimerie-durand.example",
        name: "Imprimerie Durand — Service comptabilité",
      },
    ]);
    expect(addresses(mail.to)).toEqual([
      { address: "compta@garage-lefevre.example", name: "Élodie Lefèvre" },
    ]);
    expect(addresses(mail.cc).map((a) => a.address)).toEqual(["gerant@garage-lefevre.example"]);
    expect(addresses(mail.replyTo).map((a) => a.address)).toEqual([
      "marie.durand@imprimerie-durand.example",
    ]);
    expect(mail.date?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(mail.text?.trim()).toBe(email().body.trim());
    expect(mail.html).toContain("<b>6\u202F480,00\u00A0€</b>");
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0];
    expect(pdf?.filename).toBe("Mise en demeure — F-2026-0250.pdf");
    expect(pdf?.contentType).toBe("application/pdf");
    expect(Buffer.from(pdf?.content ?? []).equals(Buffer.from(PDF))).toBe(true);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Transfer-Encoding: base64/);
  });

  it("writes a plain text message without HTML, attachment or display name", async () => {
    const bytes = await emlBytes(
      email({
        fromName: undefined,
        htmlBody: undefined,
        attachments: [],
        cc: undefined,
        replyTo: undefined,
        bcc: undefined,
      }),
    );
    const mail = await simpleParser(Buffer.from(bytes));
    expect(addresses(mail.from)).toEqual([
      { address: "relances@imprimerie-durand.example", name: "" },
    ]);
    expect(mail.html).toBe(false);
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).toContain("reste impayée");
    expect(Buffer.from(bytes).toString("latin1")).toMatch(
      /^Content-Type: text\/plain; charset=utf-8$/m,
    );
  });

  it("gives the same bytes for the same message, and another Message-ID for another", async () => {
    const a = await emlBytes(email());
    expect(Buffer.from(await emlBytes(email())).equals(Buffer.from(a))).toBe(true);
    const other = await simpleParser(
      Buffer.from(await emlBytes(email({ subject: "Autre objet" }))),
    );
    expect(other.messageId).not.toBe((await simpleParser(Buffer.from(a))).messageId);
  });
});
