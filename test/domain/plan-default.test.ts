// The plan's clause, as rules: a missed instalment asks a mise en demeure first (once per plan
// and missed instalment), the ladder sleeps until its deadline has run out, then takes over
// on the whole balance; a debtor who catches up keeps the plan.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/calendar-date";
import type { PlannedAction } from "../../src/domain/daily-plan";
import { type JournalEntry, stepsTakenByInvoice } from "../../src/domain/journal";
import { DEFAULT_LADDER } from "../../src/domain/ladder";
import { nextStep } from "../../src/domain/next-step";
import {
  type PaymentPlan,
  parsePlanNoticeStep,
  planNoticeStep,
  planStatus,
} from "../../src/domain/payment-plan";
import {
  heldByPlanNotices,
  noticeCovers,
  planBalance,
  planDefault,
  planDefaultText,
  planNoticeHoldBack,
  planNoticesSent,
  planSuspendedUntil,
} from "../../src/domain/plan-default";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { claim, d } from "./fixtures";

// 3 × 500 € agreed on 19/10/2026: 02/11, 02/12, 02/01/2027; 5 grace days.
const plan: PaymentPlan = {
  id: "E-2026-10-19-F-1",
  client: "Boulangerie Martin",
  invoices: ["F-1"],
  agreedOn: d("2026-10-19"),
  paidAtAgreement: 0,
  instalments: [
    { number: 1, date: d("2026-11-02"), amount: 500 },
    { number: 2, date: d("2026-12-02"), amount: 500 },
    { number: 3, date: d("2027-01-02"), amount: 500 },
  ],
};
const DAYS = 8;

function noticeLine(number: number, at: string, outcome = "Email envoyé — LRAR à poster") {
  return {
    at,
    invoices: ["F-1"],
    client: plan.client,
    step: planNoticeStep(plan, number),
    channel: "Courrier + email",
    recipient: "compta@boulangerie-martin.example",
    subject: "",
    outcome,
    document: "",
    by: "Recouvra (automatique)",
  } satisfies JournalEntry;
}

function stateOn(today: string, paid: number, journal: JournalEntry[] = []) {
  const status = planStatus(plan, paid, d(today));
  return { status, state: planDefault(status, planNoticesSent(journal, plan), d(today), DAYS) };
}

describe("a missed instalment under the plan's clause", () => {
  it("runs while instalments are paid or within their grace days", () => {
    expect(stateOn("2026-12-07", 500).state).toEqual({ kind: "running" });
    const { status, state } = stateOn("2026-12-07", 500);
    expect(planSuspendedUntil(status, state, d("2026-12-07"), DAYS)).toBe("2026-12-07");
  });

  it("asks a mise en demeure for the missed instalment the day after its grace days", () => {
    const { status, state } = stateOn("2026-12-08", 500);
    expect(state).toEqual({
      kind: "noticeDue",
      missed: [{ number: 2, date: "2026-12-02", amount: 500 }],
    });
    // The ladder stays asleep while the notice has not gone: its deadline if it went today.
    expect(planSuspendedUntil(status, state, d("2026-12-08"), DAYS)).toBe("2026-12-16");
    expect(planSuspendedUntil(status, state, d("2026-12-09"), DAYS)).toBe("2026-12-17");
    expect(planBalance(plan, status)).toBe(1000);
    expect(planDefaultText(state)).toBe("en défaut — mise en demeure à envoyer");
  });

  it("once sent (or possibly sent), waits for its deadline: never a second notice", () => {
    for (const outcome of ["Email envoyé — LRAR à poster", "En cours", "À vérifier"]) {
      const journal = [noticeLine(2, "2026-12-08 09:00", outcome)];
      const { status, state } = stateOn("2026-12-16", 500, journal);
      expect(state.kind).toBe("noticed");
      if (state.kind !== "noticed") return;
      expect([state.deadline, state.lapsesOn]).toEqual(["2026-12-16", "2026-12-17"]);
      expect(planSuspendedUntil(status, state, d("2026-12-16"), DAYS)).toBe("2026-12-16");
      expect(planDefaultText(state)).toBe(
        "en défaut — mise en demeure du 08/12/2026, déchéance le 17/12/2026",
      );
    }
    // A notice that failed (nothing left) is no notice: it is due again.
    const failed = [noticeLine(2, "2026-12-08 09:00", "Échec : service indisponible")];
    expect(stateOn("2026-12-09", 500, failed).state.kind).toBe("noticeDue");
  });

  it("accelerates the day after the deadline, unpaid: the ladder's next step is the dossier", () => {
    const journal = [noticeLine(2, "2026-12-08 09:00")];
    const { status, state } = stateOn("2026-12-17", 500, journal);
    expect(state.kind).toBe("accelerated");
    expect(planDefaultText(state)).toBe(
      "en défaut — mise en demeure du 08/12/2026, déchéance le 17/12/2026 : tout le solde est dû",
    );
    const until = planSuspendedUntil(status, state, d("2026-12-17"), DAYS);
    // The plan's notice is the invoice's mise en demeure (« Dernière étape », its date).
    const taken = stepsTakenByInvoice(journal).get("F-1");
    expect(taken).toEqual({ step: 3, date: "2026-12-08" });
    const f1 = claim({
      invoiceNumber: "F-1",
      dueDate: d("2026-09-15"),
      amount: 1500,
      paid: 500,
      lastStep: 3,
      lastStepDate: d("2026-12-08"),
      suspendedUntil: until,
    });
    expect(nextStep(f1, d("2026-12-16"), DEFAULT_LADDER)).toEqual({
      step: 4,
      date: "2026-12-17",
    });
  });

  it("runs the deadline from the registered letter's receipt, once recorded", () => {
    const received = {
      ...noticeLine(2, "2026-12-14 10:00"),
      step: "LRAR de la mise en demeure",
      channel: "LRAR",
      subject: "LRAR n° 1A 123 456 7890 1 — postée le 08/12/2026 — reçue le 11/12/2026",
      outcome: "Avis de réception reçu",
    };
    const journal = [noticeLine(2, "2026-12-08 09:00"), received];
    const { status, state } = stateOn("2026-12-17", 500, journal);
    expect(state.kind).toBe("noticed");
    if (state.kind !== "noticed") return;
    expect([state.deadline, state.lapsesOn]).toEqual(["2026-12-19", "2026-12-20"]);
    expect(planSuspendedUntil(status, state, d("2026-12-17"), DAYS)).toBe("2026-12-19");
    expect(stateOn("2026-12-20", 500, journal).state.kind).toBe("accelerated");
  });

  it("a debtor who catches up within the deadline keeps the plan; a later miss has its own notice", () => {
    const journal = [noticeLine(2, "2026-12-08 09:00")];
    expect(stateOn("2026-12-17", 1000, journal).state).toEqual({ kind: "running" });
    const { status } = stateOn("2026-12-17", 1000, journal);
    expect(status.suspendedUntil).toBe(addDays(d("2027-01-02"), 5));
    const later = stateOn("2027-01-08", 1000, journal).state;
    expect(later).toEqual({
      kind: "noticeDue",
      missed: [{ number: 3, date: "2027-01-02", amount: 500 }],
    });
    expect(planNoticeStep(plan, 3)).toBe(
      "Mise en demeure — échéancier E-2026-10-19-F-1, échéance 3/3",
    );
  });

  it("a notice covers every instalment already missed on its day, not those missed later", () => {
    const notice = { number: 2, date: d("2027-01-08") };
    expect(plan.instalments.map((i) => noticeCovers(notice, i))).toEqual([false, true, true]);
    // Instalments 2 and 3 both missed when it went: paying 2 alone does not answer it.
    const journal = [noticeLine(2, "2027-01-08 09:00")];
    expect(stateOn("2027-01-17", 1000, journal).state.kind).toBe("accelerated");
  });

  it("names the plan and instalment in the Journal's « Étape », read back", () => {
    expect(parsePlanNoticeStep(planNoticeStep(plan, 2))).toEqual({
      planId: plan.id,
      number: 2,
    });
    expect(parsePlanNoticeStep("Mise en demeure")).toBeUndefined();
  });
});

describe("the guards of the plan's mise en demeure", () => {
  const f1 = claim({ invoiceNumber: "F-1", amount: 1500, paid: 500 });
  const today = d("2026-12-08");

  it("holds it for a dispute, a procédure collective, a handover, a contact too recent", () => {
    const s = DEFAULT_SETTINGS;
    expect(planNoticeHoldBack([f1], [f1], [], today, s)).toBeUndefined();
    expect(planNoticeHoldBack([{ ...f1, disputed: true }], [f1], [], today, s)).toMatch(/litige/);
    const insolvent = { ...f1, insolvencyJudgment: d("2026-11-20") };
    expect(planNoticeHoldBack([insolvent], [insolvent], [], today, s)).toMatch(
      /procédure collective/,
    );
    const handedOver = claim({ invoiceNumber: "F-9", lastStep: 4, lastStepDate: d("2026-11-30") });
    expect(planNoticeHoldBack([f1], [f1, handedOver], [], today, s)).toMatch(/transmis/);
    const reminder = { ...noticeLine(2, "2026-12-08 08:00"), step: "Relance ferme" };
    expect(planNoticeHoldBack([f1], [f1], [reminder], today, s)).toBe(
      "client déjà contacté aujourd'hui, un seul contact par jour",
    );
  });

  it("makes the ladder's messages to the same debtor wait that day, not a dossier", () => {
    const action = (step: 2 | 4, client: string, email: string) =>
      ({
        channel: step === 4 ? "dossier" : "email",
        client,
        email,
        step,
      }) as PlannedAction;
    const mine = action(2, "Boulangerie Martin", "compta@boulangerie-martin.example");
    const sameMailbox = action(2, "Martin Boulangerie", "compta@boulangerie-martin.example");
    const dossier = action(4, "Boulangerie Martin", "compta@boulangerie-martin.example");
    const other = action(2, "Garage Petit", "compta@garage-petit.example");
    const { kept, held } = heldByPlanNotices([mine, sameMailbox, dossier, other], [f1]);
    expect(held).toEqual([mine, sameMailbox]);
    expect(kept).toEqual([dossier, other]);
  });
});
