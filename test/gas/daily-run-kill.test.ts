// A run killed in the middle — after the k-th email for every k, then at every call with an
// effect — and the next run: no email twice, nothing lost, and whatever may have gone out
// unconfirmed (the batch under way) is flagged « À vérifier » for a person, in the Journal and
// the report. The whole sweep of faults is test/gas/daily-run-faults.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
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

const TODAY = "2026-11-26";
const INVOICES: Invoice[] = [
  {
    invoice: "F-1",
    client: "Alpha SARL",
    email: "alpha@exemple.test",
    due: "2026-11-20",
    amount: 900,
  },
  {
    invoice: "F-2",
    client: "Bêta SAS",
    email: "beta@exemple.test",
    due: "2026-11-19",
    amount: 400,
  },
  {
    invoice: "F-3",
    client: "Bêta SAS",
    email: "beta@exemple.test",
    due: "2026-11-19",
    amount: 600,
  },
  {
    invoice: "F-4",
    client: "Gamma",
    email: "gamma@exemple.test",
    due: "2026-11-10",
    amount: 1200,
    lastStep: "Relance de courtoisie",
    lastStepDate: "2026-11-12",
  },
  {
    invoice: "F-5",
    client: "Delta",
    email: "delta@exemple.test",
    due: "2026-10-30",
    amount: 2500,
    lastStep: "Relance ferme",
    lastStepDate: "2026-11-09",
  },
  {
    invoice: "F-6",
    client: "Epsilon",
    email: "epsilon@exemple.test",
    due: "2026-10-15",
    amount: 3000,
    lastStep: "Mise en demeure",
    lastStepDate: "2026-11-10",
  },
  { invoice: "F-7", client: "Zêta", due: "2026-11-20", amount: 300 },
  { invoice: "F-8", client: "Êta", email: "eta@exemple.test", due: "2026-11-24", amount: 150 },
  {
    invoice: "F-9",
    client: "Thêta",
    email: "theta@exemple.test",
    due: "2026-11-01",
    amount: 700,
    paid: 700,
  },
];

const fresh = snapshot(openLedger(INVOICES.map(invoiceRow), { now: `${TODAY}T08:00` }), {
  now: `${TODAY}T08:00`,
});
/** The calls after which the world may differ (sent, created, written); a kill between
 * two reads is the same as a kill at the next write. */
const EFFECTS =
  /^(MailApp\.sendEmail|DocumentApp\.create|DocumentApp\.Document\.saveAndClose|DriveApp\..*(create|moveTo|getAs)|PropertiesService\..*set|SpreadsheetApp\.(flush|Range\.set|Sheet\.appendRow))/;
const TAKEN = new Set([
  "Envoyé",
  "Email envoyé — LRAR à poster",
  "Tâche à faire",
  "Dossier prêt",
  "À vérifier",
]);
const SENT = ["Envoyé", "Email envoyé — LRAR à poster"];
const key = (m: { to: string; subject: string }) => `${m.to} | ${m.subject}`;

interface Baseline {
  report: RunReport;
  mails: string[];
  steps: Map<string, unknown>;
  /** Calls with an effect the run makes (EFFECTS). */
  calls: number;
}

describe("a run killed in the middle, then the next run", () => {
  let baseline: Baseline;
  beforeAll(() => {
    const sb = fresh();
    let calls = 0;
    sb.onServiceCall(({ key: call, phase }) => {
      if (phase === "after" && EFFECTS.test(call)) calls++;
    });
    const report = runOn(sb, TODAY);
    baseline = {
      report,
      mails: sb.mails.map(key),
      steps: new Map([...ledger(sb)].map(([k, v]) => [k, v.lastStep])),
      calls,
    };
  });

  it("(the uninterrupted run: 5 emails, a letter, a dossier, a task)", () => {
    expect(baseline.report.actions.map((a) => [a.client, a.step, a.channel])).toEqual([
      ["Epsilon", "Transmission à un professionnel", "dossier"],
      ["Delta", "Mise en demeure", "letter"],
      ["Gamma", "Relance ferme", "email"],
      ["Bêta SAS", "Relance de courtoisie", "email"],
      ["Alpha SARL", "Relance de courtoisie", "email"],
      ["Zêta", "Relance de courtoisie", "task"],
      ["Êta", "Relance de courtoisie", "email"],
    ]);
    expect(baseline.mails).toHaveLength(5);
  });

  /** After the killed run and a clean one: each due action done once, or flagged. */
  function checkRecovered(sb: Sandbox, second: RunReport): void {
    const sent = sb.mails.map(key);
    expect(new Set(sent).size).toBe(sent.length); // never twice
    for (const m of sent) expect(baseline.mails).toContain(m);
    const all = journal(sb);
    const isLrar = (l: (typeof all)[number]) =>
      l.channel === "Tâche" && l.subject.startsWith("Poster en LRAR");
    const lines = all.filter((l) => l.channel !== "Système" && !isLrar(l));
    // Every mise en demeure sent has its « Poster en LRAR » task, once.
    for (const notice of lines.filter((l) => l.outcome === "Email envoyé — LRAR à poster"))
      expect(all.filter((l) => isLrar(l) && l.invoices === notice.invoices)).toHaveLength(1);
    for (const action of baseline.report.actions) {
      const mine = lines.filter(
        (l) => l.invoices === action.invoices.join(", ") && l.step === action.step,
      );
      const taken = mine.filter((l) => TAKEN.has(l.outcome));
      expect(taken.map((l) => l.invoices)).toEqual([action.invoices.join(", ")]);
      const line = taken[0];
      const mailed = sent.includes(`${action.to} | ${action.subject}`);
      if (SENT.includes(line?.outcome ?? "")) expect(mailed).toBe(true);
      if (mailed) expect([...SENT, "À vérifier"]).toContain(line?.outcome);
      if (line?.outcome === "À vérifier")
        expect(second.toCheck).toContainEqual(
          expect.objectContaining({ invoices: action.invoices, step: action.step }),
        );
    }
    // No Doc twice either; and the ledger ends where the uninterrupted run left it.
    const names = sb.documents.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Map([...ledger(sb)].map(([k, v]) => [k, v.lastStep]))).toEqual(baseline.steps);
    expect(second.failure).toBeUndefined();
  }

  for (let k = 1; k <= 5; k++) {
    it(`killed right after the email n° ${k}: nothing sent again, the batch's intents flagged « À vérifier »`, () => {
      const sb = fresh();
      let sends = 0;
      sb.onServiceCall(({ key: call, phase }) => {
        if (call === "MailApp.sendEmail" && phase === "after" && ++sends === k) sb.killExecution();
      });
      expect(() => runOn(sb, TODAY)).toThrow("Exceeded maximum execution time");
      expect(sb.mails.map(key)).toEqual(baseline.mails.slice(0, k));
      sb.onServiceCall(undefined);
      const second = runOn(sb, TODAY, "10:00");
      checkRecovered(sb, second);
      // The batch the kill hit had its intents journaled together, so whatever was not
      // confirmed may have left: a person checks, nothing is sent twice. An action of a later
      // batch was never journaled: the rerun does it, once.
      const journaled = baseline.report.actions.filter((a) => a.channel !== "task");
      const ofAction = (a: { invoices: string[] }) => a.invoices.join(", ");
      const flagged = journal(sb).filter((l) => l.outcome === "À vérifier");
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.every((l) => l.at === `${TODAY} 09:00`)).toBe(true);
      expect(second.toCheck.map(ofAction).sort()).toEqual(flagged.map((l) => l.invoices).sort());
      // The email the kill followed is flagged; what the rerun does was never journaled.
      const killedAfter = sb.mails[k - 1];
      expect(flagged.map((l) => l.subject)).toContain(killedAfter?.subject);
      const rerun = second.actions.filter((a) => a.channel !== "task").map(ofAction);
      for (const invoices of rerun) expect(flagged.map((l) => l.invoices)).not.toContain(invoices);
      expect(journaled.map(ofAction)).toEqual(expect.arrayContaining([...rerun]));
      const mailsAfterRerun = sb.mails.length;
      // The report says so to the user.
      expect(sb.properties.document.get("recouvra.lastRun")).toContain("toCheck");
      // Nor the day after, once the lines say « À vérifier ».
      const third = runOn(sb, "2026-11-27");
      expect(third.actions).toEqual([]);
      expect(third.toCheck).toEqual([]);
      expect(sb.mails).toHaveLength(mailsAfterRerun);
    });
  }

  it("killed at every write, send or creation in turn, before or after it: never twice, nothing lost", () => {
    expect(baseline.calls).toBeGreaterThan(20);
    for (let n = 1; n <= baseline.calls; n++) {
      for (const when of ["before", "after"] as const) {
        const sb = fresh();
        let seen = 0;
        sb.onServiceCall(({ key: call, phase }) => {
          if (phase === when && EFFECTS.test(call) && ++seen === n) sb.killExecution();
        });
        let killed = false;
        try {
          runOn(sb, TODAY);
        } catch (e) {
          killed = true;
          expect(String(e)).toContain("Exceeded maximum execution time");
        }
        sb.onServiceCall(undefined);
        const second = runOn(sb, TODAY, "10:00");
        if (!killed) expect(second.actions).toEqual([]);
        checkRecovered(sb, second);
        // Only the batch under way is left for a person: its six journaled intents at most.
        expect(second.toCheck.length).toBeLessThanOrEqual(6);
      }
    }
  }, 120_000); // ~50 kills, each two runs: slow when the machine is shared
});
