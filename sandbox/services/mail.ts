// MailApp: messages recorded as EmailModel, each recipient (to, cc and bcc) counted
// against the account's daily quota (100 consumer, 1 500 Workspace), as Google counts.

import type { AttachmentModel, EmailModel } from "../model.js";
import type { Blob } from "./blob.js";
import { GAS, LIMITS, MESSAGES, type Runtime } from "./runtime.js";

type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

function addresses(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** "Dupont <a@b.fr>" or "a@b.fr" → the address. */
function bare(address: string): string {
  return /<([^>]+)>/.exec(address)?.[1]?.trim() ?? address;
}

export class MailApp
  implements Pick<GoogleAppsScript.Mail.MailApp, "sendEmail" | "getRemainingDailyQuota">
{
  readonly [GAS] = "MailApp";
  constructor(
    private readonly rt: Runtime,
    private readonly sent: EmailModel[],
  ) {}

  getRemainingDailyQuota(): number {
    return Math.max(
      0,
      LIMITS.emailRecipients[this.rt.account] - this.rt.quotas.usedToday("emailRecipients"),
    );
  }

  sendEmail(a: string | Params, b?: string, c?: string, d?: string | Params): void {
    let m: Params & { to?: string; subject?: string };
    if (typeof a === "object") m = { ...a };
    else if (typeof d === "string") m = { to: a, replyTo: b, subject: c, body: d };
    else m = { ...(d ?? {}), to: a, subject: b, body: c };

    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw this.rt.exception("Failed to send email: no recipient");
    for (const r of all) if (!EMAIL.test(bare(r))) throw this.rt.exception(`Invalid email: ${r}`);
    if (m.replyTo && !EMAIL.test(bare(m.replyTo)))
      throw this.rt.exception(`Invalid email: ${m.replyTo}`);
    if (all.length > this.getRemainingDailyQuota()) throw this.rt.exception(MESSAGES.emailQuota);
    this.rt.quotas.add("emailRecipients", all.length);

    const attachments: AttachmentModel[] = (m.attachments ?? []).map((src) => {
      const blob = src.getBlob() as unknown as Blob;
      return {
        name: blob.getName() ?? "attachment",
        contentType: blob.getContentType() ?? "application/octet-stream",
        bytes: new Uint8Array(blob._bytes()),
      };
    });
    // noReply is honoured for Workspace accounts only, as Google documents.
    const domain = this.rt.user.split("@")[1] ?? "example.test";
    const from = m.noReply && this.rt.account === "workspace" ? `noreply@${domain}` : this.rt.user;
    const email: EmailModel = {
      from,
      to: to.join(", "),
      subject: m.subject ?? "",
      body: m.body ?? "",
      attachments,
      date: new Date(this.rt.clock.nowMs()),
    };
    if (m.name) email.fromName = m.name;
    if (cc.length) email.cc = cc.join(", ");
    if (bcc.length) email.bcc = bcc.join(", ");
    if (m.replyTo) email.replyTo = m.replyTo;
    if (m.htmlBody) email.htmlBody = m.htmlBody;
    this.sent.push(email);
  }
}
