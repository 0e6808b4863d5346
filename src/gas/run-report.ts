// What a run did, for the user (toast, alert, sidebar) and for `npm start`'s run.json.
import { type CalendarDate, formatFrenchDate } from "../domain/calendar-date";
import type { ClaimNote, RowError, Skip } from "../domain/daily-plan";
import { countOf } from "../domain/text";

export interface ActionReport {
  invoices: string[];
  client: string;
  step: string;
  channel: "email" | "letter" | "task" | "dossier";
  to: string;
  subject: string;
  outcome: string;
  /** The task a person must do with it (a mise en demeure: « Poster en LRAR … »). */
  task?: string;
  /** Google Doc and PDF of a letter or dossier. */
  docUrl?: string;
  pdfUrl?: string;
  docId?: string;
}

export interface RunReport {
  today: string;
  startedAt: string;
  trigger: "automatique" | "manuel";
  actions: ActionReport[];
  skipped: Skip[];
  errors: RowError[];
  /** Due but left for the next run (time or quota), in priority order. */
  postponed: { invoices: string[]; client: string; step: string; reason: string }[];
  /** Journal intents never confirmed: possibly sent, a person must check. */
  toCheck: { invoices: string[]; client: string; step: string; at: string }[];
  settingsProblems: string[];
  /** What the user should know about rows that are not errors (Type non renseigné, an
   * Échéance beyond the legal term). */
  notes: ClaimNote[];
  /** Why the run stopped early, or failed. */
  stoppedBecause?: string;
  failure?: string;
  /** A day nobody sends: why, and when the reminders go again. */
  waiting?: string;
  /** Work left for a later wake-up today (time, or another run at work). */
  timeLeft?: boolean;
  /** « reprise à 10 h »: when the work left resumes. */
  resumeAt?: string;
  /** The sending window of « Paramètres » (hours). */
  window?: { from: number; until: number };
}

const REPORT_PROPERTY = "recouvra.lastRun";
const FAILURE_PROPERTY = "recouvra.lastFailure";

const PROPERTY_BYTES = 9_000;

function utf8Bytes(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, "x").length;
}

/** Keeps the last report (trimmed to fit a property's 9 KB) and any failure to tell at next open. */
export function saveReport(report: RunReport): void {
  const props = PropertiesService.getDocumentProperties();
  const summary = {
    ...report,
    skipped: report.skipped.slice(0, 20),
    errors: report.errors.slice(0, 20),
    notes: report.notes.slice(0, 20),
  };
  // A property value holds 9 KB: drop detail until it fits, never cut the JSON itself.
  const fits = (text: string) => utf8Bytes(text) <= PROPERTY_BYTES;
  let json = JSON.stringify(summary);
  if (!fits(json))
    json = JSON.stringify({ ...summary, skipped: [], actions: summary.actions.slice(0, 10) });
  if (!fits(json)) {
    json = JSON.stringify({
      ...summary,
      skipped: [],
      actions: [],
      errors: [],
      postponed: [],
      toCheck: [],
    });
  }
  props.setProperty(REPORT_PROPERTY, json);
  // A manual run's failure was shown on the spot; an automatic one is told at the next open.
  if (report.failure && report.trigger === "automatique") {
    props.setProperty(FAILURE_PROPERTY, `${report.startedAt} : ${report.failure}`);
  }
}

/** « Relances du jour : travail restant, reprise à 10 h » when the last run left work for a
 * later wake-up today (the sidebar's Aujourd'hui shows it). */
export function pendingWorkNote(today: string): string | undefined {
  const raw = PropertiesService.getDocumentProperties().getProperty(REPORT_PROPERTY);
  if (!raw) return undefined;
  try {
    const r = JSON.parse(raw) as Partial<RunReport>;
    if (r.today !== today || !r.resumeAt) return undefined;
    const n = r.postponed?.length ?? 0;
    return `Relances du jour : ${n > 0 ? `${countOf(n, "action")} en attente` : "travail restant"}, ${r.resumeAt}.`;
  } catch (_) {
    return undefined;
  }
}

export function takeUnseenFailure(): string | null {
  const props = PropertiesService.getDocumentProperties();
  const failure = props.getProperty(FAILURE_PROPERTY);
  if (failure) props.deleteProperty(FAILURE_PROPERTY);
  return failure;
}

/** One French paragraph for a toast or an alert. */
export function reportSummary(r: RunReport): string {
  const day = formatFrenchDate(r.today as CalendarDate);
  if (r.failure) return `La relance du ${day} a échoué : ${r.failure}`;
  const count = (channel: ActionReport["channel"]) =>
    r.actions.filter((a) => a.channel === channel).length;
  const parts = [
    `${countOf(count("email"), "relance envoyée", "relances envoyées")}`,
    `${countOf(count("letter"), "mise en demeure", "mises en demeure")}`,
    `${countOf(count("dossier"), "dossier de transmission", "dossiers de transmission")}`,
    `${countOf(count("task"), "tâche à faire", "tâches à faire")}`,
  ];
  // A run that found another one at work did nothing: say so first, not « 0 relance ».
  if (r.stoppedBecause && r.postponed.length === 0 && r.actions.length === 0)
    return `Relances du ${day} : ${r.stoppedBecause}.`;
  const lines = [`Relances du ${day} : ${parts.join(", ")}.`];
  if (r.postponed.length > 0)
    lines.push(
      `${countOf(r.postponed.length, "action reportée", "actions reportées")}${r.resumeAt ? ` : ${r.resumeAt}` : " à la prochaine exécution"}${r.stoppedBecause ? ` (${r.stoppedBecause})` : ""}.`,
    );
  if (r.toCheck.length > 0)
    lines.push(
      `${countOf(r.toCheck.length, "envoi interrompu", "envois interrompus")} à vérifier dans le Journal.`,
    );
  if (r.errors.length > 0)
    lines.push(
      `${countOf(r.errors.length, "ligne", "lignes")} en erreur dans « Créances » (voir la colonne Statut).`,
    );
  const toPost = r.actions.filter((a) => a.task !== undefined).length;
  if (toPost > 0)
    lines.push(
      toPost > 1
        ? `${toPost} mises en demeure à poster en recommandé avec accusé de réception (tâches au Journal).`
        : "1 mise en demeure à poster en recommandé avec accusé de réception (tâche au Journal).",
    );
  const notes = r.notes ?? [];
  if (notes.length > 0)
    lines.push(
      `À vérifier dans « Créances » : ${notes
        .slice(0, 3)
        .map((n) => `${n.invoice} — ${n.note}`)
        .join(" ; ")}${notes.length > 3 ? ` ; et ${countOf(notes.length - 3, "autre")}` : ""}.`,
    );
  if (r.settingsProblems.length > 0) lines.push(`Paramètres : ${r.settingsProblems.join(" ; ")}.`);
  return lines.join("\n");
}
