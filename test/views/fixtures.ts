// A sidebar view's source, built from claims and Journal lines as the shell reads them.
import type { Claim } from "../../src/domain/claim";
import { type JournalEntry, OUTCOMES } from "../../src/domain/journal";
import type { LedgerLine } from "../../src/domain/ledger";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import type { ViewSource } from "../../src/views/dossier";
import { d } from "../domain/fixtures";

export const today = d("2026-11-26");

/** Ledger lines from row 2 on, one per claim. */
export function lines(...claims: Claim[]): LedgerLine[] {
  return claims.map((claim, i) => ({
    row: i + 2,
    invoiceText: claim.invoiceNumber,
    reading: { kind: "claim", claim },
  }));
}

export function source(overrides: Partial<ViewSource> = {}): ViewSource {
  return {
    lines: [],
    journal: [],
    plans: [],
    today,
    settings: DEFAULT_SETTINGS,
    problems: [],
    ...overrides,
  };
}

/** A Journal line for a step sent by email. */
export function sent(
  at: string,
  invoices: string[],
  step: string,
  client = "Boulangerie Martin",
): JournalEntry {
  return {
    at,
    invoices,
    client,
    step,
    channel: "Email",
    recipient: "compta@boulangerie-martin.example",
    subject: `${step} — ${invoices.join(", ")}`,
    outcome: OUTCOMES.sent,
    document: "",
    by: "Recouvra (automatique)",
  };
}
