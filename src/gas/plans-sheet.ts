// The « Échéanciers » sheet: one row per instalment, a plan being the rows sharing its id.
// A person can read it, and the columns are the plan (see domain/payment-plan.ts):
//   Plan | Client | Factures | Convenu le | Réglé à l'accord | Échéance | Date | Montant
// Where each plan stands is computed, never stored: the sidebar shows it.
// paymentPlanWork() tells the morning run which invoices stay suspended until their plan's
// next instalment and which instalment reminders are due; the run sends them through the
// one action path, like a step.

import { type CalendarDate, formatFrenchDate } from "../domain/calendar-date";
import { cellText, parseAmountCell } from "../domain/cells";
import { type Claim, debtorKey, debtorOf } from "../domain/claim";
import { isHandedOver, type PlannedTask, registeredLetterTask } from "../domain/daily-plan";
import type { LedgerChange } from "../domain/exchange";
import {
  actionKey,
  invoicesCell,
  type JournalEntry,
  parseInvoicesCell,
  takenActionKeys,
} from "../domain/journal";
import type { MessageDocument } from "../domain/messages/document";
import type { FormalNotice } from "../domain/messages/formal-notice";
import { buildInstalmentReminder } from "../domain/messages/payment-plan-proposal";
import { buildPlanDefaultNotice } from "../domain/messages/plan-notice";
import {
  type Instalment,
  instalmentReminderStep,
  instalmentToRecall,
  type PaymentPlan,
  planNoticeStep,
} from "../domain/payment-plan";
import { planNoticeHoldBack, planStanding, planSuspendedUntil } from "../domain/plan-default";
import type { RecoverySettings } from "../domain/settings";
import type { SheetDates } from "./sheet-dates";
import { toCell } from "./sheet-dates";
import { activeSpreadsheet, allValues, literal } from "./sheets";

export const PLANS_SHEET = "Échéanciers";
export const PLAN_HEADERS = [
  "Plan",
  "Client",
  "Factures",
  "Convenu le",
  "Réglé à l'accord",
  "Échéance",
  "Date",
  "Montant",
] as const;

function plansSheet(create: boolean): GoogleAppsScript.Spreadsheet.Sheet | null {
  const ss = activeSpreadsheet();
  const existing = ss.getSheetByName(PLANS_SHEET);
  if (existing || !create) return existing;
  const sheet = ss.insertSheet(PLANS_SHEET);
  sheet
    .getRange(1, 1, 1, PLAN_HEADERS.length)
    .setValues([[...PLAN_HEADERS]])
    .setFontWeight("bold");
  sheet.setFrozenRows(1);
  return sheet;
}

/** Plans with the sheet row of each instalment. */
interface PlanRows {
  plan: PaymentPlan;
  rows: number[];
}

function readPlanRows(dates: SheetDates): PlanRows[] {
  const sheet = plansSheet(false);
  if (!sheet) return [];
  const byId = new Map<string, PlanRows>();
  allValues(sheet)
    .slice(1)
    .forEach((raw, i) => {
      const r = raw.map((v) => toCell(v, dates));
      const id = cellText(r[0]);
      const date = cellText(r[6]) as CalendarDate;
      const amount = parseAmountCell(r[7]);
      if (id === "" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || amount === undefined) return;
      const entry = byId.get(id) ?? {
        plan: {
          id,
          client: cellText(r[1]),
          invoices: parseInvoicesCell(cellText(r[2])),
          agreedOn: cellText(r[3]) as CalendarDate,
          paidAtAgreement: parseAmountCell(r[4]) ?? 0,
          instalments: [],
        },
        rows: [],
      };
      entry.plan.instalments.push({
        number: Number(r[5]) || entry.plan.instalments.length + 1,
        date,
        amount,
      });
      entry.rows.push(i + 2);
      byId.set(id, entry);
    });
  return [...byId.values()];
}

export function readPlans(dates: SheetDates): PaymentPlan[] {
  return readPlanRows(dates).map((p) => p.plan);
}

export function appendPlan(plan: PaymentPlan, dates: SheetDates): void {
  const sheet = plansSheet(true) as GoogleAppsScript.Spreadsheet.Sheet;
  const first = sheet.getLastRow() + 1;
  const rows = plan.instalments.map((i) => [
    plan.id,
    literal(plan.client),
    literal(invoicesCell(plan.invoices)),
    dates.dateCellOf(plan.agreedOn),
    plan.paidAtAgreement,
    i.number,
    dates.dateCellOf(i.date),
    i.amount,
  ]);
  const range = sheet.getRange(first, 1, rows.length, PLAN_HEADERS.length);
  range.setValues(rows);
  range.offset(0, 3, rows.length, 1).setNumberFormat("dd/mm/yyyy");
  range.offset(0, 6, rows.length, 1).setNumberFormat("dd/mm/yyyy");
  range.offset(0, 4, rows.length, 1).setNumberFormat('#,##0.00 "€"');
  range.offset(0, 7, rows.length, 1).setNumberFormat('#,##0.00 "€"');
}

/** A plan's mise en demeure for a missed instalment, due today (domain/plan-default.ts). */
export interface PlanNoticeWork {
  plan: PaymentPlan;
  /** The Journal « Étape »: once per plan and missed instalment. */
  step: string;
  claims: Claim[];
  email: string | undefined;
  notice: FormalNotice;
  /** Its « Poster en LRAR » task. */
  lrarTask: PlannedTask;
}

/** What the échéanciers ask of a run: the suspensions to move (to each running plan's next
 * instalment, or to the deadline of its mise en demeure), the instalment reminders and the
 * mises en demeure of missed instalments due today (sent through the action path), and the
 * mises en demeure held back, with why. */
export interface PlansWork {
  changes: LedgerChange[];
  reminders: { plan: PaymentPlan; step: string; email: string; message: MessageDocument }[];
  notices: PlanNoticeWork[];
  held: { plan: PaymentPlan; step: string; reason: string }[];
}

export function paymentPlanWork(
  plans: readonly PaymentPlan[],
  claims: readonly Claim[],
  journal: readonly JournalEntry[],
  today: CalendarDate,
  settings: RecoverySettings,
  debtor?: string,
): PlansWork {
  const work: PlansWork = { changes: [], reminders: [], notices: [], held: [] };
  const taken = takenActionKeys(journal);
  const days = settings.ladder.formalNoticeDeadlineDays;
  const noticedToday = new Set<string>();
  for (const plan of plans) {
    // `debtor` is a debtorOf (name|addresses): the plan's client is its name.
    if (debtor !== undefined && !debtor.startsWith(`${debtorKey(plan.client)}|`)) continue;
    const planClaims = plan.invoices
      .map((i) => claims.find((c) => c.invoiceNumber === i))
      .filter((c): c is Claim => c !== undefined);
    const head = planClaims[0];
    const debtorClaims = head ? claims.filter((c) => debtorOf(c) === debtorOf(head)) : [];
    // After the handover the professional is in charge: Recouvra leaves the plan alone.
    if (isHandedOver(debtorClaims)) continue;
    const { status, state, balance } = planStanding(plan, claims, journal, today, days);
    if (status.completed) continue;
    const until = planSuspendedUntil(status, state, today, days);
    for (const claim of planClaims)
      if (claim.suspendedUntil !== until)
        work.changes.push({ invoice: claim.invoiceNumber, suspendedUntil: until });
    const email = planClaims.find((c) => c.email)?.email;
    if (state.kind === "noticeDue" && head) {
      const first = state.missed[0] as Instalment;
      const step = planNoticeStep(plan, first.number);
      const who = debtorOf(head);
      const reason = noticedToday.has(who)
        ? "client déjà contacté aujourd'hui, un seul contact par jour"
        : planNoticeHoldBack(planClaims, debtorClaims, journal, today, settings);
      if (reason !== undefined) {
        work.held.push({ plan, step, reason });
        continue;
      }
      noticedToday.add(who);
      const notice = buildPlanDefaultNotice({
        plan,
        claims: planClaims,
        missed: state.missed,
        balance,
        today,
        settings,
      });
      const about = `échéance ${first.number}/${plan.instalments.length} de l'échéancier du ${formatFrenchDate(plan.agreedOn)}`;
      const address = planClaims.find((c) => c.address)?.address;
      work.notices.push({
        plan,
        step,
        claims: planClaims,
        email,
        notice,
        lrarTask: registeredLetterTask(plan.client, plan.invoices, address, { step, about }),
      });
      continue;
    }
    const recall = instalmentToRecall(status, today);
    if (!recall || !email) continue;
    const step = instalmentReminderStep(recall, plan.instalments.length);
    if (taken.has(actionKey(plan.invoices, step))) continue;
    const message = buildInstalmentReminder({
      client: plan.client,
      invoices: plan.invoices,
      instalment: recall,
      count: plan.instalments.length,
      settings,
    });
    work.reminders.push({ plan, step, email, message });
  }
  return work;
}

/** « 6 échéances de 481,67 € du 15/12/2026 au 15/05/2027 ». */
export function planSummary(plan: PaymentPlan): string {
  const first = plan.instalments[0];
  const last = plan.instalments[plan.instalments.length - 1];
  if (!first || !last) return "";
  const n = plan.instalments.length;
  return `${n} échéance${n > 1 ? "s" : ""} du ${formatFrenchDate(first.date)} au ${formatFrenchDate(last.date)}`;
}
