// The fault sweep (issue 8, point 10): a day of 22 actions; at every service call of the
// morning run in turn, a fault — the run killed right after the call, the call failing before
// it runs (it must really not run), the call failing after it ran — then a clean rerun the
// same morning and the next business day. What a credit manager must be able to count on:
//   no email and no document twice, no Journal line lost, « Dernière étape » and its date equal
//   to what the Journal says, no row corrupted, every failure visible (the Journal or the
//   last-run report says it).
// `npm test` samples the call points (test/gas/daily-run-faults.test.ts); `npm run faults`
// runs them all and prints the figures (bench/faults.ts).
import type { Sandbox } from "../../sandbox/index";
import {
  type Invoice,
  invoiceRow,
  journal,
  ledger,
  openLedger,
  type RunReport,
  runOn,
  snapshot,
} from "./daily-run-harness";

export const TODAY = "2026-11-26";
export const NEXT_DAY = "2026-11-27";

const courtesy = (n: number): Invoice => ({
  invoice: `C-${n}`,
  client: `Courtoisie ${n}`,
  email: `c${n}@exemple.test`,
  due: n % 2 === 0 ? "2026-11-20" : "2026-11-24",
  amount: 100 * n,
});

/** 22 actions due: 14 courtesy reminders (one debtor with two invoices), 3 firm reminders,
 * 3 mises en demeure (one without an address: a letter to post), 1 dossier, 1 task; and an
 * invoice paid, one not yet due. */
export const SWEEP_INVOICES: Invoice[] = [
  ...Array.from({ length: 14 }, (_, i) => courtesy(i + 1)),
  { ...courtesy(2), invoice: "C-2b", amount: 50 },
  ...[1, 2, 3].map((n) => ({
    invoice: `R-${n}`,
    client: `Ferme ${n}`,
    email: `r${n}@exemple.test`,
    due: "2026-11-10",
    amount: 1000 + n,
    lastStep: "Relance de courtoisie",
    lastStepDate: "2026-11-12",
  })),
  ...[1, 2, 3].map((n) => ({
    invoice: `M-${n}`,
    client: `Demeure ${n}`,
    ...(n === 3 ? {} : { email: `m${n}@exemple.test` }),
    due: "2026-10-30",
    amount: 2500 + n,
    lastStep: "Relance ferme",
    lastStepDate: "2026-11-09",
  })),
  {
    invoice: "D-1",
    client: "Dossier 1",
    email: "d1@exemple.test",
    due: "2026-10-15",
    amount: 3000,
    lastStep: "Mise en demeure",
    lastStepDate: "2026-11-10",
  },
  { invoice: "T-1", client: "Tâche 1", due: "2026-11-20", amount: 300 },
  {
    invoice: "P-1",
    client: "Payé",
    email: "p@exemple.test",
    due: "2026-11-01",
    amount: 700,
    paid: 700,
  },
  { invoice: "L-1", client: "Plus tard", email: "l@exemple.test", due: "2026-12-20", amount: 800 },
];

export type FaultMode = "kill after" | "throw before" | "throw after";
export const MODES: FaultMode[] = ["kill after", "throw before", "throw after"];
export const INJECTED = "Erreur transitoire injectée";

/** What the Journal's « Résultat » says when a step was done (or may have been). */
const DONE = [
  "Envoyé",
  "Email envoyé — LRAR à poster",
  "Courrier prêt — LRAR à poster",
  "Tâche à faire",
  "Dossier prêt",
];
const TAKEN = new Set([...DONE, "À vérifier", "En cours"]);
const STEPS = [
  "Relance de courtoisie",
  "Relance ferme",
  "Mise en demeure",
  "Transmission à un professionnel",
];

export interface SweepFixture {
  fresh: () => Sandbox;
  /** The service calls of the clean morning run, in order. */
  calls: string[];
  /** The actions of the clean run, as « invoices | step ». */
  actions: string[];
}

export function sweepFixture(): SweepFixture {
  const fresh = snapshot(openLedger(SWEEP_INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` }), {
    now: `${TODAY}T08:00`,
  });
  const sb = fresh();
  const calls: string[] = [];
  sb.onServiceCall(({ key, phase }) => {
    if (phase === "before") calls.push(key);
  });
  const report = runOn(sb, TODAY);
  return {
    fresh,
    calls,
    actions: report.actions.map((a) => `${a.invoices.join(", ")} | ${a.step}`),
  };
}

export interface FaultResult {
  point: number;
  call: string;
  mode: FaultMode;
  /** Emails and documents that exist twice. */
  duplicates: string[];
  /** Journal lines of the faulty run gone after the reruns, emails without their line. */
  lost: string[];
  /** Rows whose columns differ from what the Journal says, or became error rows. */
  corrupted: string[];
  /** The fault left no trace a user could see. */
  invisible: boolean;
}

function lineKey(l: { at: string; invoices: string; step: string; subject: string }): string {
  return `${l.at}|${l.invoices}|${l.step}|${l.subject}`;
}

/** What the Journal says each invoice's last step is (independently of the add-on's code). */
function journalSteps(sb: Sandbox): Map<string, { step: string; day: string }> {
  const out = new Map<string, { step: string; day: string }>();
  for (const l of journal(sb)) {
    const step = STEPS.indexOf(l.step);
    if (step < 0 || !TAKEN.has(l.outcome)) continue;
    for (const invoice of l.invoices.split(", ")) {
      const known = out.get(invoice);
      const k = known ? STEPS.indexOf(known.step) : -1;
      if (!known || step > k || (step === k && l.day > known.day))
        out.set(invoice, { step: l.step, day: l.day });
    }
  }
  return out;
}

/** The invariants after the faulty run and its two reruns. */
export function checkInvariants(
  sb: Sandbox,
  faulty: string[],
): Omit<FaultResult, "point" | "call" | "mode" | "invisible"> {
  const duplicates: string[] = [];
  const mails = sb.mails.map((m) => `${m.to} | ${m.subject}`);
  for (const m of new Set(mails))
    if (mails.filter((x) => x === m).length > 1) duplicates.push(`email ${m}`);
  const docs = sb.documents.filter((d) => !d.trashed).map((d) => d.name);
  for (const d of new Set(docs))
    if (docs.filter((x) => x === d).length > 1) duplicates.push(`document ${d}`);

  const lines = journal(sb);
  const now = new Set(lines.map(lineKey));
  const lost = faulty.filter((k) => !now.has(k)).map((k) => `ligne ${k}`);
  for (const m of sb.mails) {
    const line = lines.find(
      (l) =>
        l.recipient === m.to &&
        l.subject === m.subject &&
        ["Envoyé", "Email envoyé — LRAR à poster", "À vérifier"].includes(l.outcome),
    );
    if (!line) lost.push(`email sans ligne ${m.to} | ${m.subject}`);
  }

  const corrupted: string[] = [];
  const steps = journalSteps(sb);
  const initial = new Map(SWEEP_INVOICES.map((i) => [i.invoice, i]));
  for (const [invoice, row] of ledger(sb)) {
    if (String(row.status ?? "").startsWith("Erreur"))
      corrupted.push(`${invoice} : ${String(row.status)}`);
    const typed = initial.get(invoice);
    const shown =
      steps.get(invoice) ??
      (typed?.lastStep ? { step: typed.lastStep, day: typed.lastStepDate ?? "" } : undefined);
    const expected = shown ? [shown.step, shown.day] : ["", ""];
    if (row.lastStep !== expected[0] || (row.lastStepDate ?? "") !== expected[1])
      corrupted.push(
        `${invoice} : ${String(row.lastStep)} ${String(row.lastStepDate)} au lieu de ${expected.join(" ")}`,
      );
    for (const [header, value] of Object.entries(row.values)) {
      if (header === "Dernière étape" || header === "Date dernière étape" || header === "Statut")
        continue;
      if (header === "N° facture" && value !== invoice) corrupted.push(`${invoice} : N° facture`);
    }
  }
  return { duplicates, lost, corrupted };
}

/** One fault at call `point` (1-based), then the clean rerun and the next day. */
export function runFault(fx: SweepFixture, point: number, mode: FaultMode): FaultResult {
  const sb = fresh(fx);
  let seen = 0;
  let current = 0;
  let injected = false;
  sb.onServiceCall(({ phase }) => {
    if (phase === "before") current = ++seen;
    if (current !== point || injected) return;
    if (mode === "throw before" && phase === "before") {
      injected = true;
      throw new Error(INJECTED);
    }
    if (phase === "after") {
      injected = true;
      if (mode === "kill after") sb.killExecution();
      else throw new Error(INJECTED);
    }
  });
  let report: RunReport | undefined;
  try {
    report = runOn(sb, TODAY);
  } catch (_) {
    // killed: Google ends the execution
  }
  sb.onServiceCall(undefined);
  const faulty = journal(sb).map(lineKey);
  const lastRun = sb.properties.document.get("recouvra.lastRun") ?? "";
  const rerun = runOn(sb, TODAY, "10:00");
  runOn(sb, NEXT_DAY);
  const result = checkInvariants(sb, faulty);
  // Visible: the faulty run's report or the Journal says something went wrong, or the
  // rerun flags what may have left; a fault that changed nothing needs no word.
  const said =
    (report !== undefined &&
      (report.failure !== undefined ||
        report.errors.some((e) => e.row === 0) ||
        report.toCheck.length > 0)) ||
    lastRun.includes(INJECTED) ||
    journal(sb).some((l) => l.subject.includes(INJECTED) || l.outcome.includes(INJECTED)) ||
    rerun.toCheck.length > 0 ||
    rerun.failure !== undefined;
  // Harmless: every action of the clean run is in the Journal as done, as the clean run left it.
  const done = new Set(
    journal(sb)
      .filter((l) => l.day === TODAY && DONE.includes(l.outcome))
      .map((l) => `${l.invoices} | ${l.step}`),
  );
  const harmless = !injected || fx.actions.every((a) => done.has(a));
  return { point, call: fx.calls[point - 1] ?? "", mode, ...result, invisible: !said && !harmless };
}

function fresh(fx: SweepFixture): Sandbox {
  return fx.fresh();
}

export interface SweepFigures {
  scenarios: number;
  duplicates: number;
  lost: number;
  corrupted: number;
  invisible: number;
  failures: FaultResult[];
}

export function sweep(
  fx: SweepFixture,
  points: number[],
  onPoint?: (done: number) => void,
): SweepFigures {
  const figures: SweepFigures = {
    scenarios: 0,
    duplicates: 0,
    lost: 0,
    corrupted: 0,
    invisible: 0,
    failures: [],
  };
  for (const point of points) {
    for (const mode of MODES) {
      const r = runFault(fx, point, mode);
      figures.scenarios++;
      figures.duplicates += r.duplicates.length;
      figures.lost += r.lost.length;
      figures.corrupted += r.corrupted.length;
      if (r.invisible) figures.invisible++;
      if (r.duplicates.length + r.lost.length + r.corrupted.length > 0 || r.invisible)
        figures.failures.push(r);
    }
    onPoint?.(figures.scenarios / MODES.length);
  }
  return figures;
}
