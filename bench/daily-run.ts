// The daily run over a large ledger, through the built bundle in the sandbox, on a Google
// Workspace account: 2 000 and 10 000 invoices with the same ≈300 actions due (reminders,
// mises en demeure, dossiers, tasks). Printed: the spreadsheet service calls per run (they
// must not grow with the number of rows), the sandbox's CPU time, and the Google time the
// latency model estimates — which must fit the 6-minute limit, or the run must stop at its
// 5-minute budget and a second run finish the rest.

import { createSandbox, type Sandbox } from "../sandbox/index";
import { newSheetModel } from "../sandbox/services/grid";
import { midnightIn } from "../sandbox/tz";
import { CANONICAL_HEADERS, LEDGER_FIELDS } from "../src/domain/headers";

const TZ = "Europe/Paris";
const TODAY = "2026-11-26";
const DUE_ACTIONS = 300;
const HEADERS = LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]);

const iso = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const day = (d: string) => midnightIn(d, TZ);

/** `rows` invoices, one debtor each; DUE_ACTIONS of them due today (7 in 10 a reminder,
 * 1 in 10 a mise en demeure, 1 in 10 a dossier, 1 in 10 a task), the others paid, not yet
 * due, or reminded two days ago. */
export function benchLedger(rows: number): unknown[][] {
  const every = Math.floor(rows / DUE_ACTIONS);
  const out: unknown[][] = [HEADERS];
  for (let i = 0; i < rows; i++) {
    const due = i % every === 0 && i / every < DUE_ACTIONS;
    const kind = due ? (i / every) % 10 : -1 - (i % 3);
    const dueDate =
      kind === -2 ? iso(TODAY, 10 + (i % 40)) : iso(TODAY, kind >= 7 ? -40 : -3 - (i % 12));
    const lastStep =
      kind === 7
        ? "Relance ferme"
        : kind === 8
          ? "Mise en demeure"
          : kind === -3
            ? "Relance de courtoisie"
            : "";
    const lastStepDate =
      kind === 7
        ? iso(TODAY, -12)
        : kind === 8
          ? iso(TODAY, -15)
          : kind === -3
            ? iso(TODAY, -2)
            : "";
    const amount = 100 + ((i * 37) % 4900);
    out.push([
      `F-${String(i + 1).padStart(6, "0")}`,
      `Client ${i + 1}`,
      kind === 9 ? "" : `compta${i + 1}@client.example`,
      i % 9 === 0 ? "Particulier" : "Professionnel",
      day(iso(dueDate, -30)),
      day(dueDate),
      amount,
      kind === -1 ? amount : 0,
      "Standard",
      false,
      "",
      lastStep,
      lastStepDate ? day(lastStepDate) : "",
      "",
      "",
      "",
      "",
    ]);
  }
  return out;
}

function sandboxFor(rows: number): Sandbox {
  const sheet = newSheetModel("Créances", rows + 1, HEADERS.length);
  sheet.values = benchLedger(rows) as typeof sheet.values;
  sheet.frozenRows = 1;
  const sb = createSandbox({
    timeZone: TZ,
    now: `${TODAY}T08:00`,
    account: "workspace",
    workbook: { name: "Bench", timeZone: TZ, locale: "fr_FR", sheets: [sheet], namedRanges: [] },
  });
  sb.run("initializeWorkbookFromMenu");
  // « Paramètres » : a Workspace account (1 500 recipients and 1 500 Docs a day) and
  const settings = sb.workbook.sheets.find((s) => s.name === "Paramètres");
  // The creditor's identity too, without which no letter leaves.
  const values: Record<string, string> = {
    "Type de compte": "Google Workspace",
    "Raison sociale": "Imprimerie Durand SARL",
    Adresse: "12 rue des Presses, 69002 Lyon",
  };
  for (const [label, value] of Object.entries(values)) {
    const row = settings?.values.find((r) => r[0] === label);
    if (!row) throw new Error(`« ${label} » missing from « Paramètres »`);
    row[1] = value;
  }
  sb.recalculate({ reload: true });
  return sb;
}

interface RunFigures {
  actions: number;
  postponed: number;
  stoppedBecause: string | undefined;
  spreadsheetCalls: number;
  calls: number;
  cpuMs: number;
  googleSeconds: number;
}

interface Report {
  actions: unknown[];
  postponed: unknown[];
  stoppedBecause?: string;
  failure?: string;
}

function measuredRun(sb: Sandbox, time: string): RunFigures {
  sb.clock.set(`${TODAY}T${time}`, TZ);
  sb.calls.reset();
  const cpu = process.cpuUsage();
  const report = sb.execute<Report>("runDailyRelances", [{ triggerUid: "bench" }], {
    kind: "trigger",
  });
  const used = process.cpuUsage(cpu);
  if (report.failure) throw new Error(`run failed: ${report.failure}`);
  const counts = sb.calls.counts;
  const spreadsheetCalls = Object.entries(counts)
    .filter(([k]) => k.startsWith("SpreadsheetApp."))
    .reduce((s, [, n]) => s + n, 0);
  return {
    actions: report.actions.length,
    postponed: report.postponed.length,
    stoppedBecause: report.stoppedBecause,
    spreadsheetCalls,
    calls: sb.calls.total,
    cpuMs: (used.user + used.system) / 1000,
    googleSeconds: sb.calls.estimatedGoogleSeconds,
  };
}

function line(label: string, f: RunFigures): string {
  const stop = f.stoppedBecause ? `, arrêt : ${f.stoppedBecause}` : "";
  return `    ${label} : ${String(f.actions).padStart(3)} action(s), ${String(f.postponed).padStart(3)} reportée(s)${stop}
      appels SpreadsheetApp : ${f.spreadsheetCalls} (${(f.spreadsheetCalls / Math.max(1, f.actions)).toFixed(1)} par action), tous services : ${f.calls}
      CPU du bac à sable : ${f.cpuMs.toFixed(0)} ms ; temps Google estimé : ${f.googleSeconds.toFixed(1)} s ${f.googleSeconds <= 360 ? "(dans la limite de 6 min)" : "(AU-DELÀ de 6 min)"}`;
}

export function benchDailyRun(): void {
  console.log(
    `Relances du jour (runDailyRelances), compte Workspace, ${DUE_ACTIONS} actions dues, via dist/Code.js :`,
  );
  const totals: number[] = [];
  for (const rows of [2_000, 10_000]) {
    const sb = sandboxFor(rows);
    console.log(`  ${rows.toLocaleString("fr-FR")} factures :`);
    // The trigger's run, then as many runs as it takes (the next run — tomorrow's trigger,
    // or the menu an hour later — resumes what the 5-minute budget left).
    const runs: RunFigures[] = [];
    for (let hour = 9; hour < 14; hour++) {
      const f = measuredRun(sb, `${String(hour).padStart(2, "0")}:00`);
      runs.push(f);
      console.log(
        line(runs.length === 1 ? "1re exécution" : `${runs.length}e exécution (reprise)`, f),
      );
      if (f.postponed === 0) break;
    }
    const done = runs.reduce((s, f) => s + f.actions, 0);
    totals.push(runs.reduce((s, f) => s + f.spreadsheetCalls, 0));
    console.log(
      `    total : ${done} action(s) sur ${DUE_ACTIONS} en ${runs.length} exécution(s), ${sb.mails.length} email(s), ${sb.documents.length} document(s)${done === DUE_ACTIONS ? "" : " — INCOMPLET"}`,
    );
    if (runs.some((f) => f.googleSeconds > 360))
      console.log("    ATTENTION : une exécution dépasse 6 minutes de temps Google estimé.");
  }
  console.log(
    totals[0] === totals[1]
      ? `  Appels SpreadsheetApp pour les ${DUE_ACTIONS} actions : ${totals[0]} à 2 000 comme à 10 000 factures — ils ne croissent pas avec le nombre de lignes.`
      : `  Appels SpreadsheetApp pour les ${DUE_ACTIONS} actions : ${totals.join(" (2 000) → ")} (10 000) — ILS CROISSENT avec le nombre de lignes.`,
  );
}

/** A Workspace sandbox over `rows` (header first), with the creditor's identity. */
function sandboxOf(rows: unknown[][]): Sandbox {
  const sheet = newSheetModel("Créances", rows.length, HEADERS.length);
  sheet.values = rows as typeof sheet.values;
  sheet.frozenRows = 1;
  const sb = createSandbox({
    timeZone: TZ,
    now: `${TODAY}T08:00`,
    account: "workspace",
    workbook: { name: "Bench", timeZone: TZ, locale: "fr_FR", sheets: [sheet], namedRanges: [] },
  });
  sb.run("initializeWorkbookFromMenu");
  const settings = sb.workbook.sheets.find((s) => s.name === "Paramètres");
  for (const [label, value] of Object.entries({
    "Raison sociale": "Imprimerie Durand SARL",
    Adresse: "12 rue des Presses, 69002 Lyon",
  })) {
    const row = settings?.values.find((r) => r[0] === label);
    if (row) row[1] = value;
  }
  sb.recalculate({ reload: true });
  return sb;
}

/** `n` debtors each owed one invoice due a few days ago: n courtesy emails due today. */
function emailsDue(n: number): unknown[][] {
  const out: unknown[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const due = iso(TODAY, -3 - (i % 5));
    out.push([
      `E-${String(i + 1).padStart(5, "0")}`,
      `Client ${i + 1}`,
      `compta${i + 1}@client.example`,
      "Professionnel",
      day(iso(due, -30)),
      day(due),
      100 + i,
      0,
      "Standard",
      false,
      "",
      "",
      "",
      "",
    ]);
  }
  return out;
}

const SEND_MS = 700; // MailApp.sendEmail in the latency model (sandbox/calls.ts)
const BUDGET_MS = 5 * 60_000;

/** Issue 13's three lines: emails in one execution, the backlog the same day, an idle wake-up. */
export function benchHourly(): void {
  // 1. One execution with more emails due than fit.
  const sb = sandboxOf(emailsDue(600));
  sb.clock.set(`${TODAY}T09:00`, TZ);
  sb.calls.reset();
  sb.execute("runDailyRelances", [{ triggerUid: "bench" }], { kind: "trigger" });
  const sent = sb.mails.length;
  const spreadsheetCalls = Object.entries(sb.calls.counts)
    .filter(([k]) => k.startsWith("SpreadsheetApp."))
    .reduce((s, [, n]) => s + n, 0);
  const limit = Math.floor(BUDGET_MS / SEND_MS);
  console.log(
    `daily run: ${sent} emails in one execution (model), ${Math.round((100 * sent) / limit)} % of the send-only limit ${limit}`,
  );
  console.log(
    `  (spreadsheet calls per action: ${(spreadsheetCalls / Math.max(1, sent)).toFixed(2)}; Google time ${sb.calls.estimatedGoogleSeconds.toFixed(0)} s)`,
  );

  // 2. The 300-action backlog (reminders, letters, dossiers, tasks) with the hourly trigger,
  // from 8 h to 18 h 59; then 3. the wake-ups once the day's work is done.
  const backlog = sandboxFor(2_000);
  backlog.run("enableAutoRelances");
  const journalRows = () =>
    (backlog.workbook.sheets.find((s) => s.name === "Journal")?.values ?? []).filter(
      (r) => r[0] !== "" && r[0] !== undefined,
    );
  const hm = (ms: number) =>
    new Intl.DateTimeFormat("fr-FR", { timeZone: TZ, hour: "2-digit", minute: "2-digit" }).format(
      new Date(ms),
    );
  let working = 0;
  let lastEnd = "";
  const idle: { calls: number; seconds: number }[] = [];
  for (let hour = 8; hour <= 18; hour++) {
    const lines = journalRows().length;
    backlog.calls.reset();
    const runs = backlog.fireDueTriggers(`${TODAY}T${String(hour).padStart(2, "0")}:59`);
    if (runs.some((r) => r.error)) throw new Error(runs.map((r) => r.error).join(" ; "));
    if (runs.length === 0) continue;
    if (journalRows().length > lines) {
      working++;
      // It ends when its calls have taken their time (the clock jumps to the next hour).
      const started = runs[runs.length - 1]?.at.getTime() ?? 0;
      lastEnd = hm(started + backlog.calls.estimatedGoogleSeconds * 1000);
    } else if (working > 0) {
      idle.push({ calls: backlog.calls.total, seconds: backlog.calls.estimatedGoogleSeconds });
    }
  }
  const done = journalRows().filter((r) =>
    ["Envoyé", "Tâche à faire", "Dossier prêt"].includes(String(r[7])),
  ).length;
  console.log(
    `daily run backlog: ${DUE_ACTIONS} actions due, ${done === DUE_ACTIONS ? "all" : `only ${done}`} done by ${lastEnd} the same day (${working} executions)`,
  );
  const worst = idle.reduce((m, x) => (x.calls > m.calls ? x : m), { calls: 0, seconds: 0 });
  console.log(
    `hourly wake-up with nothing to do: ${worst.calls} service calls, ${worst.seconds.toFixed(2)} s (model)`,
  );
}
