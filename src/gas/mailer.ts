// Sending one message with MailApp (the narrow send-only scope), from the creditor's
// identity: HTML with its plain-text alternative.
import { documentToHtml, documentToText, type MessageDocument } from "../domain/messages/document";
import type { Creditor } from "../domain/settings";

export function sendMessage(
  to: string,
  message: MessageDocument,
  creditor: Creditor,
  attachments: GoogleAppsScript.Base.Blob[] = [],
): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to,
    subject: message.title,
    body: documentToText(message),
    htmlBody: documentToHtml(message),
    attachments,
  };
  if (creditor.companyName) options.name = creditor.companyName;
  if (creditor.email) options.replyTo = creditor.email;
  MailApp.sendEmail(options);
}

/** How many recipients an address list counts for against the daily quota. */
export function recipientCount(to: string): number {
  return to.split(",").filter((a) => a.trim() !== "").length;
}
