// What the daily run does today: which debtor gets which step for which invoices, in
// what order, and why every other invoice waits. Pure: the shell executes the plan.
import { addDays, type CalendarDate, formatFrenchDate, maxDate } from "./calendar-date";
import { type Claim, debtorKey, outstanding } from "./claim";
import { nextBusinessDay } from "./holidays";
import {
  actionKey,
  type JournalEntry,
  lastContactByDebtor,
  OUTCOMES,
  stepsTakenByInvoice,
  takenActionKeys,
} from "./journal";
import { type StepLabel, type StepNumber, stepLabel } from "./ladder";
import type { LedgerLine } from "./ledger";
import { nextStep, reasonNothingScheduled } from "./next-step";
import { lastDayToAct } from "./prescription";
import type { RecoverySettings } from "./settings";
import { claimStatus } from "./status";

export type ActionChannel = "email" | "letter" | "task" | "dossier";

export interface PlannedAction {
  /** Idempotence key: step and invoices. */
  key: string;
  step: StepNumber;
  stepLabel: StepLabel;
  channel: ActionChannel;
  client: string;
  /** Where the message goes; undefined when the debtor has no address (a task instead). */
  email: string | undefined;
  claims: Claim[];
  invoices: string[];
}

export interface Skip {
  invoice: string;
  reason: string;
}

export interface RowError {
  invoice: string;
  /** 1-based sheet row. */
  row: number;
  message: string;
}

export type { LedgerLine } from "./ledger";

export interface DailyPlan {
  today: CalendarDate;
  /** In priority order: oldest due date first, then largest amount. */
  actions: PlannedAction[];
  skipped: Skip[];
  errors: RowError[];
  /** Journal intents never confirmed: a run died between journaling and confirming. */
  unconfirmed: JournalEntry[];
  /** The ledger's « Dernière étape » lagging behind the Journal: the Journal wins. */
  ledgerCatchUp: { invoice: string; step: StepNumber; date: CalendarDate }[];
}

function channelFor(step: StepNumber, email: string | undefined): ActionChannel {
  if (step === 4) return "dossier";
  if (step === 3) return "letter";
  return email ? "email" : "task";
}

/** The claim as the Journal knows it: a step journaled but missing from the ledger counts. */
function withJournalSteps(claim: Claim, taken: ReturnType<typeof stepsTakenByInvoice>): Claim {
  const known = taken.get(claim.invoiceNumber);
  if (!known || (claim.lastStep !== undefined && claim.lastStep >= known.step)) return claim;
  return { ...claim, lastStep: known.step, lastStepDate: known.date };
}

function waitingReason(claim: Claim, today: CalendarDate, settings: RecoverySettings): string {
  const why = reasonNothingScheduled(claim, today, settings.ladder);
  if (why === "paid") return "Soldée";
  if (why === "disputed") return "En litige : relances arrêtées";
  if (why === "prescribed")
    return `Prescrite depuis le ${formatFrenchDate(addDays(lastDayToAct(claim), 1))}`;
  if (why === "ladder-done") return "Transmise à un professionnel : plus rien à envoyer";
  const next = nextStep(claim, today, settings.ladder);
  const status = claimStatus(claim, today);
  const prefix =
    status === "Suspendue"
      ? `Suspendue jusqu'au ${formatFrenchDate(claim.suspendedUntil as CalendarDate)} ; `
      : "";
  return next
    ? `${prefix}${stepLabel(next.step)} prévue le ${formatFrenchDate(next.date)}`
    : status;
}

interface StepGroup {
  step: StepNumber;
  claims: Claim[];
}

export function planDailyRun(
  lines: readonly LedgerLine[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  settings: RecoverySettings,
): DailyPlan {
  const taken = stepsTakenByInvoice(journal);
  const takenKeys = takenActionKeys(journal);
  const lastContact = lastContactByDebtor(journal, debtorKey);
  const errors: RowError[] = [];
  const skipped: Skip[] = [];
  const ledgerCatchUp: DailyPlan["ledgerCatchUp"] = [];
  const groups = new Map<string, StepGroup>();
  const seen = new Set<string>();

  for (const line of lines) {
    const { reading } = line;
    if (reading.kind === "blank") continue;
    if (reading.kind === "error") {
      errors.push({ invoice: line.invoiceText, row: line.row, message: reading.message });
      continue;
    }
    if (seen.has(reading.claim.invoiceNumber)) {
      const message = `N° facture : « ${reading.claim.invoiceNumber} » figure sur plusieurs lignes ; seule la première est suivie`;
      errors.push({ invoice: line.invoiceText, row: line.row, message });
      continue;
    }
    seen.add(reading.claim.invoiceNumber);
    const claim = withJournalSteps(reading.claim, taken);
    if (claim !== reading.claim) {
      ledgerCatchUp.push({
        invoice: claim.invoiceNumber,
        step: claim.lastStep as StepNumber,
        date: claim.lastStepDate as CalendarDate,
      });
    }
    // The debtor's last contact also counts from the ledger (a user migrating types it);
    // a handover is not a contact: the dossier goes to a professional, not to the debtor.
    const debtor = debtorKey(claim.client);
    if (claim.lastStepDate !== undefined && claim.lastStep !== 4) {
      lastContact.set(debtor, maxDate(claim.lastStepDate, lastContact.get(debtor)));
    }
    const next = nextStep(claim, today, settings.ladder);
    if (!next || next.date > today) {
      skipped.push({ invoice: claim.invoiceNumber, reason: waitingReason(claim, today, settings) });
      continue;
    }
    const groupKey = `${debtor}|${next.step}`;
    const group = groups.get(groupKey) ?? { step: next.step, claims: [] };
    group.claims.push(claim);
    groups.set(groupKey, group);
  }

  // One contact per debtor per run, the most advanced step first; then the gap, which ends
  // on a business day (a reminder held back by it never goes out on a Sunday) and does not
  // hold back a dossier, which is not sent to the debtor.
  const byDebtor = new Map<string, StepGroup[]>();
  for (const [key, group] of groups) {
    const debtor = key.slice(0, key.lastIndexOf("|"));
    byDebtor.set(debtor, [...(byDebtor.get(debtor) ?? []), group]);
  }
  const actions: PlannedAction[] = [];
  for (const [debtor, debtorGroups] of byDebtor) {
    debtorGroups.sort((a, b) => b.step - a.step);
    const [chosen, ...later] = debtorGroups as [StepGroup, ...StepGroup[]];
    const contact = lastContact.get(debtor);
    if (
      contact !== undefined &&
      chosen.step !== 4 &&
      today < nextBusinessDay(addDays(contact, settings.ladder.gapDays))
    ) {
      for (const g of debtorGroups) {
        for (const c of g.claims) {
          skipped.push({
            invoice: c.invoiceNumber,
            reason: `${stepLabel(g.step)} reportée : client contacté le ${formatFrenchDate(contact)}, délai minimal de ${settings.ladder.gapDays} jours`,
          });
        }
      }
      continue;
    }
    for (const g of later) {
      for (const c of g.claims) {
        skipped.push({
          invoice: c.invoiceNumber,
          reason: `${stepLabel(g.step)} reportée : un seul envoi par jour et par client (${stepLabel(chosen.step)} aujourd'hui)`,
        });
      }
    }
    const invoices = chosen.claims.map((c) => c.invoiceNumber);
    const label = stepLabel(chosen.step);
    const key = actionKey(invoices, label);
    if (takenKeys.has(key)) {
      for (const i of invoices)
        skipped.push({ invoice: i, reason: `${label} déjà faite (Journal)` });
      continue;
    }
    const email = chosen.claims.find((c) => c.email !== undefined)?.email;
    actions.push({
      key,
      step: chosen.step,
      stepLabel: label,
      channel: channelFor(chosen.step, email),
      client: chosen.claims[0]?.client ?? "",
      email,
      claims: chosen.claims,
      invoices,
    });
  }

  actions.sort(byPriority);
  const unconfirmed = journal.filter((e) => e.outcome === OUTCOMES.intent);
  return { today, actions, skipped, errors, unconfirmed, ledgerCatchUp };
}

/** Oldest due date first, then the largest amount owed. */
function byPriority(a: PlannedAction, b: PlannedAction): number {
  const oldest = (x: PlannedAction) => x.claims.map((c) => c.dueDate).sort()[0] ?? "";
  const owed = (x: PlannedAction) => x.claims.reduce((s, c) => s + outstanding(c), 0);
  const byDate = oldest(a).localeCompare(oldest(b));
  return byDate !== 0 ? byDate : owed(b) - owed(a);
}
