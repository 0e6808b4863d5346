// « Clients »: every debtor with something open (all of them on request), whatever today's
// work says, so that any debtor is one search away — by name, invoice number or email.
import { type CalendarDate, daysBetween } from "../domain/calendar-date";
import { type Claim, isPaid, outstanding } from "../domain/claim";
import { isHandedOver } from "../domain/daily-plan";
import { stepLabel } from "../domain/ladder";
import { debtorsOf, ledgerClaims } from "../domain/ledger";
import { nextStep } from "../domain/next-step";
import { claimStatus, debtorStatus, debtorStatusRank } from "../domain/status";
import type { ClientList, ClientRow } from "../sidebar-contract";
import type { ViewSource } from "./dossier";

function clientRow(label: string, claims: readonly Claim[], source: ViewSource): ClientRow {
  const { today, settings } = source;
  const open = claims.filter((c) => !isPaid(c));
  const oldestDue = open.map((c) => c.dueDate).sort()[0] ?? "";
  // After the handover Recouvra writes nothing more to the debtor: no next step to show.
  const steps = (isHandedOver(claims) ? [] : open)
    .map((c) => nextStep(c, today, settings.ladder))
    .filter((n) => n !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date));
  const next = steps[0];
  const status = debtorStatus(open.map((c) => claimStatus(c, today)));
  return {
    client: label,
    emails: [...new Set(claims.map((c) => c.email ?? "").filter((e) => e !== ""))],
    invoices: claims.map((c) => c.invoiceNumber),
    openInvoices: open.length,
    outstanding: Math.round(open.reduce((s, c) => s + outstanding(c), 0) * 100) / 100,
    oldestDue,
    daysLate: oldestDue === "" ? 0 : Math.max(0, daysBetween(oldestDue as CalendarDate, today)),
    status,
    statusRank: debtorStatusRank(status),
    nextStep: next ? { label: stepLabel(next.step), date: next.date } : null,
  };
}

/** The debtors of the ledger, those with an open invoice first (or only, unless `all`),
 * the oldest due date first. */
export function clientList(source: ViewSource, all: boolean): ClientList {
  // One row per debtor as the dossier knows it (a name and its addresses, debtorsOf): two
  // « Durand » at different addresses are two rows, each opening its own dossier.
  const debtors = debtorsOf(ledgerClaims(source.lines));
  const rows = debtors
    .map((d) => clientRow(d.label, d.claims, source))
    .filter((r) => all || r.openInvoices > 0)
    .sort(
      (a, b) =>
        Number(b.openInvoices > 0) - Number(a.openInvoices > 0) ||
        (a.oldestDue || "9999").localeCompare(b.oldestDue || "9999") ||
        a.client.localeCompare(b.client, "fr"),
    );
  const open = rows.filter((r) => r.openInvoices > 0);
  return {
    today: source.today,
    all,
    clients: rows,
    totals: {
      withOpen: open.length,
      outstanding: Math.round(open.reduce((s, r) => s + r.outstanding, 0) * 100) / 100,
      debtors: debtors.length,
    },
  };
}
