// An email the add-on sent, as a standard .eml file (RFC 5322 / MIME) that any mail
// client opens: composed by nodemailer's MailComposer, the same code that builds the
// messages nodemailer sends. The bytes depend only on the message, so a rerun of the
// sandbox writes the same file.

import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type { EmailModel } from "../model.js";

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at >= 0 ? address.slice(at + 1).replace(/[>\s]/g, "") || "localhost" : "localhost";
}

/** A stable digest of what makes the message itself, for its Message-ID and boundaries. */
function digest(email: EmailModel): string {
  const h = createHash("sha256");
  for (const part of [
    email.date.toISOString(),
    email.from,
    email.to,
    email.cc ?? "",
    email.subject,
    email.body,
  ])
    h.update(part).update("\u0000");
  for (const a of email.attachments) h.update(a.name).update(a.bytes);
  return h.digest("hex");
}

/** A header's value on one line: a CR/LF that reached it would start a header of its own
 * (a « Bcc: » smuggled in a subject). */
export function headerValue(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

/** The .eml bytes of one email: UTF-8, encoded headers, text and HTML alternatives,
 * attachments in base64; Bcc recipients are not written, as in the message delivered. */
export async function emlBytes(email: EmailModel): Promise<Uint8Array> {
  const hash = digest(email);
  const composer = new MailComposer({
    from: email.fromName
      ? { name: headerValue(email.fromName), address: headerValue(email.from) }
      : headerValue(email.from),
    to: headerValue(email.to),
    ...(email.cc ? { cc: headerValue(email.cc) } : {}),
    ...(email.replyTo ? { replyTo: headerValue(email.replyTo) } : {}),
    subject: headerValue(email.subject),
    text: email.body,
    ...(email.htmlBody ? { html: email.htmlBody } : {}),
    attachments: email.attachments.map((a) => ({
      filename: a.name,
      content: Buffer.from(a.bytes),
      contentType: a.contentType,
      contentTransferEncoding: "base64" as const,
    })),
    date: email.date,
    messageId: `<${hash.slice(0, 32)}@${domainOf(email.from)}>`,
    baseBoundary: hash.slice(32, 48),
  });
  const message = await new Promise<Buffer>((resolve, reject) => {
    composer.compile().build((err, out) => (err ? reject(err) : resolve(out)));
  });
  return new Uint8Array(message);
}
