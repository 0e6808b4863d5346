// The Monday digest: after the morning run of the week's first business day, one email to
// the user. SEAM: until the one journaled action path lands (engine), it goes through the
// existing mailer with its own intent line in the Journal, written and flushed before the
// send, so that a rerun — or a run killed mid-send — never sends it twice that week.

import { computeDashboard } from "../domain/dashboard";
import {
  buildDigest,
  DIGEST_STEP,
  digestSentThisWeek,
  isFirstBusinessDayOfWeek,
} from "../domain/digest";
import { ACTORS, OUTCOMES } from "../domain/journal";
import { ledgerClaims } from "../domain/ledger";
import { appendJournal, confirmJournal, readJournal } from "./journal-sheet";
import { readLedger } from "./ledger-sheet";
import { sendMessage } from "./mailer";
import { readSettings } from "./settings-sheet";
import { sheetDates } from "./sheet-dates";
import { activeSpreadsheet } from "./sheets";

export type DigestOutcome =
  | "sent"
  | "off"
  | "not-today"
  | "already-sent"
  | "no-address"
  | "no-quota";

export function sendDigestIfDue(automatic: boolean): DigestOutcome {
  const ss = activeSpreadsheet();
  const dates = sheetDates(ss.getSpreadsheetTimeZone());
  const today = dates.today();
  const { settings } = readSettings(dates);
  if (!settings.digest.enabled) return "off";
  if (!isFirstBusinessDayOfWeek(today)) return "not-today";
  const journal = readJournal(dates);
  if (digestSentThisWeek(journal, today)) return "already-sent";
  const to = settings.digest.email || settings.creditor.email;
  if (to === "") return "no-address";
  // One recipient of the day's quota, after the debtors' reminders.
  if (MailApp.getRemainingDailyQuota() < 1) return "no-quota";
  const claims = ledgerClaims(readLedger(dates).lines);
  const board = computeDashboard(claims, journal, today, settings.ladder);
  const message = buildDigest({
    claims,
    journal,
    board,
    today,
    ladder: settings.ladder,
    spreadsheetUrl: ss.getUrl(),
    companyName: settings.creditor.companyName,
  });
  const [ref] = appendJournal(
    [
      {
        at: today,
        invoices: [],
        client: "",
        step: DIGEST_STEP,
        channel: "Email",
        recipient: to,
        subject: message.title,
        outcome: OUTCOMES.intent,
        document: "",
        by: automatic ? ACTORS.automatic : ACTORS.manual,
      },
    ],
    new Date(),
  );
  sendMessage(to, message, settings.creditor);
  if (ref) confirmJournal(ref, OUTCOMES.sent);
  return "sent";
}
