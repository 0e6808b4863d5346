// The « Échéanciers » sheet: one row per instalment, a plan being the rows sharing its id.
// A person can read it, and the columns are the plan (see domain/payment-plan.ts):
//   Plan | Client | Factures | Convenu le | Réglé à l'accord | Échéance | Date | Montant
// Where each plan stands is computed, never stored: the sidebar shows it.
// What the plans ask of a run is the domain's (domain/plan-work.ts); this file only reads
// and writes the sheet.

import { type CalendarDate, formatFrenchDate } from "../domain/calendar-date";
import { cellText, parseAmountCell } from "../domain/cells";
import { invoicesCell, parseInvoicesCell } from "../domain/journal";
import type { PaymentPlan } from "../domain/payment-plan";
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

/** « 6 échéances de 481,67 € du 15/12/2026 au 15/05/2027 ». */
export function planSummary(plan: PaymentPlan): string {
  const first = plan.instalments[0];
  const last = plan.instalments[plan.instalments.length - 1];
  if (!first || !last) return "";
  const n = plan.instalments.length;
  return `${n} échéance${n > 1 ? "s" : ""} du ${formatFrenchDate(first.date)} au ${formatFrenchDate(last.date)}`;
}
