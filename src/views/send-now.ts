// What « Envoyer maintenant » would do for one debtor, said before anything leaves: the
// plans' and the daily plan's own actions for that debtor (same gap, same idempotence, same
// step).
import { outstanding } from "../domain/claim";
import { planDailyRun } from "../domain/daily-plan";
import { ledgerClaims, requireDebtor } from "../domain/ledger";
import { totalsOf } from "../domain/messages/common";
import { ladderUnderPlans, paymentPlanWork, withPlanSuspensions } from "../domain/plan-work";
import type { SendNowPreview } from "../sidebar-contract";
import type { ViewSource } from "./dossier";

const CHANNELS = {
  email: "email",
  letter: "courrier et email",
  task: "tâche : pas d'adresse email",
  dossier: "dossier pour un professionnel",
} as const;

export function sendNowPreview(source: ViewSource, client: string): SendNowPreview {
  const { today, settings } = source;
  // The debtor as the dossier names it (a name and its addresses): its invoices say which
  // of the day's actions are its own, never a homonym's at another address.
  const mine = new Set(requireDebtor(source.lines, client).map((c) => c.invoiceNumber));
  // The plans first, as the run takes them: a missed instalment's mise en demeure goes before
  // the ladder, which sees the plans' suspensions.
  const work = paymentPlanWork(
    source.plans,
    ledgerClaims(source.lines),
    source.journal,
    today,
    settings,
  );
  const plan = ladderUnderPlans(
    planDailyRun(withPlanSuspensions(source.lines, work.changes), source.journal, today, settings),
    work,
  );
  const notices = work.notices
    .filter((n) => n.claims.some((c) => mine.has(c.invoiceNumber)))
    .map((n) => ({
      step: n.step,
      channel: CHANNELS.letter,
      to: n.email ?? "",
      invoices: n.claims.map((c) => ({ invoice: c.invoiceNumber, outstanding: outstanding(c) })),
      outstanding: totalsOf(n.claims, today, settings).outstanding,
      total: n.notice.total,
    }));
  const ladder = plan.actions
    .filter((a) => a.claims.some((c) => mine.has(c.invoiceNumber)))
    .map((a) => {
      const t = totalsOf(a.claims, today, settings);
      return {
        step: a.stepLabel,
        channel: CHANNELS[a.channel],
        to: a.email ?? "",
        invoices: a.claims.map((c) => ({
          invoice: c.invoiceNumber,
          outstanding: Math.round((c.amount - c.paid) * 100) / 100,
        })),
        outstanding: t.outstanding,
        total: t.total,
      };
    });
  const waiting = plan.skipped.filter((s) => mine.has(s.invoice));
  return { actions: [...notices, ...ladder], waiting };
}

/** The refusal when what the user confirmed is no longer what would go. */
export function sendNowMismatch(
  preview: SendNowPreview,
  confirmed: { step: string; invoices: readonly string[] },
): string | undefined {
  const first = preview.actions[0];
  if (!first) return "Plus rien n'est à envoyer à ce client : rien n'est parti.";
  const same =
    first.step === confirmed.step &&
    first.invoices.length === confirmed.invoices.length &&
    first.invoices.every((i) => confirmed.invoices.includes(i.invoice));
  return same
    ? undefined
    : `Ce qui partirait a changé depuis votre confirmation (${first.step} : ${first.invoices.map((i) => i.invoice).join(", ")}) : rien n'est parti, vérifiez et confirmez à nouveau.`;
}
