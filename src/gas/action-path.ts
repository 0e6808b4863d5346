// The one path every message, letter, dossier and task takes — the trigger, a rerun,
// « Envoyer maintenant », a letter made in the sidebar, an instalment reminder:
//   1. the intents of a batch are journaled in one write and flushed (on disk before anything
//      leaves);
//   2. each action is taken;
//   3. the batch is confirmed in one write.
// A run killed between 1 and 3 leaves « En cours » lines: the next run marks them « À vérifier »
// and never sends them again (README, « Fiabilité »). An error that does not
// prove the message stayed home (anything but a refused address or a used-up quota) is
// « À vérifier » too, never « Échec », never retried.

import type { CalendarDate } from "../domain/calendar-date";
import {
  entryKey,
  failedBefore,
  type JournalEntry,
  OUTCOMES,
  refusedAddress,
  type SentPdf,
} from "../domain/journal";
import type { MessageDocument } from "../domain/messages/document";
import type { Creditor } from "../domain/settings";
import {
  type CreatedDocument,
  countDocuments,
  createDocument,
  type DocumentProgress,
  type FolderCache,
  newFolderCache,
  sentPdfOf,
  trashDocument,
  trashOrphans,
} from "./documents";
import { appendJournal, confirmJournalBatch, type JournalRef } from "./journal-sheet";
import { recipientCount, sendMessage } from "./mailer";

export type Quota = "email" | "documents";

export const QUOTA_REASONS: Record<Quota, string> = {
  email: "quota d'emails du jour atteint",
  documents: "quota de documents du jour atteint",
};

/** What an action may do, watched by the path: whether a send was attempted decides
 * whether a failure is ambiguous; the Doc begun is trashed if nothing came of it. */
export interface ActTools {
  send(to: string, message: MessageDocument, attachments?: GoogleAppsScript.Base.Blob[]): void;
  createDocument(doc: MessageDocument, client: string): CreatedDocument;
}

export interface Done {
  outcome: string;
  created?: CreatedDocument;
  /** The PDF actually sent, when it is not `created`'s own (a mise en demeure emails its
   * copy): the Journal's « PDF » and the dossier name this file. */
  sentPdf?: SentPdf;
  /** Lines that follow from the action once done (a mise en demeure's « Poster en LRAR »
   * task), journaled with the batch's confirmation. */
  followUps?: JournalEntry[];
}

export interface Act {
  /** The Journal line: an intent (outcome « En cours ») or, for an action with nothing to
   * do but be written down (a task), its final outcome. */
  entry: JournalEntry;
  /** Email recipients it takes from today's quota. */
  recipients: number;
  /** Google Docs it creates. */
  documents: number;
  perform?: (tools: ActTools) => Done;
}

export type ActStatus = "done" | "postponed" | "failed" | "refused" | "toCheck";

export interface ActResult {
  act: Act;
  status: ActStatus;
  /** As written in « Résultat ». */
  outcome: string;
  created?: CreatedDocument;
  /** The PDF file the Journal records: the one sent, or the one made. */
  pdf?: SentPdf;
  followUps?: JournalEntry[];
  /** The French reason of a postponement or a failure. */
  reason?: string;
}

export interface PathContext {
  today: CalendarDate;
  creditor: Creditor;
  /** Lines already in the Journal (for a retry's orphan Docs and refused addresses); the
   * lines this path writes are added, with their outcome. */
  journal: JournalEntry[];
  emailsLeft: number;
  docsLeft: number;
  usedUp: Set<Quota>;
  folders: FolderCache;
  /** Date.now() past which no batch starts. */
  deadlineMs: number;
  /** A Date as the Journal's « Date » reads in the spreadsheet's zone ("yyyy-mm-dd HH:mm"). */
  stamp: (d: Date) => string;
}

export function newPathContext(
  fields: Omit<PathContext, "usedUp" | "folders" | "deadlineMs"> & { deadlineMs?: number },
): PathContext {
  return {
    usedUp: new Set(),
    folders: newFolderCache(),
    deadlineMs: Number.POSITIVE_INFINITY,
    ...fields,
  };
}

/** Google's refusal of an address: the message did not leave. */
function isRefusedAddress(e: unknown): boolean {
  return e instanceof Error && /invalid (email|argument)|adresse.*invalide/i.test(e.message);
}

function isQuotaError(e: unknown): boolean {
  return e instanceof Error && /too many times|trop de fois/i.test(e.message);
}

/** The daily quota Google's error says is used up ("…: email.", "…: docs create."). */
function quotaOf(e: unknown): Quota | undefined {
  if (!isQuotaError(e)) return undefined;
  return /\bdocs?\b|document/i.test((e as Error).message) ? "documents" : "email";
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The estimated Google time of an action (the latency of its calls), to size a batch. */
export function estimateMs(act: Act): number {
  return act.documents * 7_000 + (act.recipients > 0 ? 800 : 0) + 20;
}

/** Why `act` cannot go now, or undefined: a quota used up or too small for it. The smaller
 * actions after it still go. */
export function quotaBlock(act: Act, ctx: PathContext): Quota | undefined {
  if (act.recipients > 0 && (ctx.usedUp.has("email") || act.recipients > ctx.emailsLeft))
    return "email";
  if (act.documents > 0 && (ctx.usedUp.has("documents") || act.documents > ctx.docsLeft))
    return "documents";
  return undefined;
}

/** Before acting again on what failed midway: the files the Journal links (a Doc, a PDF);
 * any other of the same title an earlier attempt may have left. */
function linkedDocuments(journal: readonly JournalEntry[]): Set<string> {
  return new Set(journal.flatMap((e) => [e.document, e.pdf?.url ?? ""]).filter((d) => d !== ""));
}

function perform(act: Act, ctx: PathContext): ActResult {
  if (!act.perform) return { act, status: "done", outcome: act.entry.outcome };
  let sending = false;
  let sent = false;
  const progress: DocumentProgress[] = [];
  const retry = failedBefore(ctx.journal, entryKey(act.entry));
  const tools: ActTools = {
    send(to, message, attachments = []) {
      sending = true;
      sendMessage(to, message, ctx.creditor, attachments);
      sending = false;
      sent = true;
      ctx.emailsLeft -= recipientCount(to);
    },
    createDocument(doc, client) {
      if (retry) trashOrphans(doc.title, linkedDocuments(ctx.journal));
      const p: DocumentProgress = {};
      progress.push(p);
      ctx.docsLeft--;
      return createDocument(doc, client, ctx.folders, p);
    },
  };
  try {
    const done = act.perform(tools);
    const pdf = done.sentPdf ?? (done.created ? sentPdfOf(done.created) : undefined);
    return {
      act,
      status: "done",
      outcome: done.outcome,
      ...(done.created ? { created: done.created } : {}),
      ...(pdf ? { pdf } : {}),
      ...(done.followUps ? { followUps: done.followUps } : {}),
    };
  } catch (e) {
    const message = messageOf(e);
    const quota = quotaOf(e);
    if (sent || (sending && !isRefusedAddress(e) && quota === undefined)) {
      // It may have left: a person checks; nothing is trashed, nothing is sent again.
      return { act, status: "toCheck", outcome: OUTCOMES.toCheck, reason: message };
    }
    // Nothing left: what was begun goes to the trash.
    try {
      for (const p of progress) trashDocument(p);
    } catch (_) {
      // the next attempt trashes it by its title (trashOrphans)
    }
    if (quota) {
      ctx.usedUp.add(quota);
      return {
        act,
        status: "postponed",
        outcome: OUTCOMES.postponed,
        reason: QUOTA_REASONS[quota],
      };
    }
    if (sending) {
      const reason = `adresse refusée par Google (${act.entry.recipient}) : corrigez l'email dans « Créances »`;
      return { act, status: "refused", outcome: `${OUTCOMES.refused} : ${message}`, reason };
    }
    return { act, status: "failed", outcome: `${OUTCOMES.failed} : ${message}`, reason: message };
  }
}

/** Journals the batch's intents (one write, one flush), takes each action, confirms the
 * batch (one write). Each line joins ctx.journal with its outcome. */
export function runBatch(acts: readonly Act[], ctx: PathContext, now: () => Date): ActResult[] {
  if (acts.length === 0) return [];
  const stamp = now();
  const refs: JournalRef[] = appendJournal(
    acts.map((a) => a.entry),
    stamp,
  );
  const results = acts.map((act) => perform(act, ctx));
  countDocuments(
    ctx.today,
    results.reduce((n, r) => n + (r.created ? r.act.documents : 0), 0),
  );
  const outcomes = results.map((r) => ({
    outcome: r.outcome,
    document: r.created?.docUrl ?? "",
    ...(r.created && r.pdf ? { pdf: r.pdf } : {}),
  }));
  confirmJournalBatch(refs, outcomes);
  const at = ctx.stamp(stamp);
  results.forEach((r, i) => {
    const o = outcomes[i] as (typeof outcomes)[number];
    ctx.journal.push({ ...r.act.entry, at, ...o });
  });
  const followUps = results.flatMap((r) => r.followUps ?? []);
  if (followUps.length > 0) {
    const when = now();
    appendJournal(followUps, when);
    for (const f of followUps) ctx.journal.push({ ...f, at: ctx.stamp(when) });
  }
  return results;
}

/** Limits of one batch: a kill mid-batch leaves at most this much « À vérifier ». */
export const BATCH_MAX_ACTIONS = 25;
export const BATCH_MAX_MS = 25_000;

export interface PathOutcome {
  results: ActResult[];
  /** Not taken now, with the reason: a quota, the time budget, an address refused before. */
  postponed: { act: Act; reason: string }[];
}

/** Takes the actions in order, batch after batch, within the quotas and the time left. An
 * action that does not fit the quota waits; the smaller ones after it still go. */
export function runActs(acts: readonly Act[], ctx: PathContext, now: () => Date): PathOutcome {
  const out: PathOutcome = { results: [], postponed: [] };
  let i = 0;
  while (i < acts.length) {
    const batch: Act[] = [];
    let cost = 0;
    let emails = ctx.emailsLeft;
    let docs = ctx.docsLeft;
    while (i < acts.length && batch.length < BATCH_MAX_ACTIONS) {
      const act = acts[i] as Act;
      if (
        refusedAddress(ctx.journal, entryKey(act.entry), act.entry.recipient) &&
        act.entry.recipient
      ) {
        out.postponed.push({
          act,
          reason: `adresse refusée par Google (${act.entry.recipient}) : corrigez l'email dans « Créances »`,
        });
        i++;
        continue;
      }
      const blocked = quotaBlock(act, { ...ctx, emailsLeft: emails, docsLeft: docs });
      if (blocked) {
        out.postponed.push({ act, reason: QUOTA_REASONS[blocked] });
        i++;
        continue;
      }
      const c = estimateMs(act);
      if (batch.length > 0 && cost + c > BATCH_MAX_MS) break;
      if (Date.now() + cost + c > ctx.deadlineMs) break;
      batch.push(act);
      cost += c;
      emails -= act.recipients;
      docs -= act.documents;
      i++;
    }
    if (batch.length === 0) {
      if (i < acts.length && Date.now() + estimateMs(acts[i] as Act) > ctx.deadlineMs) {
        for (const act of acts.slice(i)) out.postponed.push({ act, reason: TIME_REASON });
        break;
      }
      continue;
    }
    const results = runBatch(batch, ctx, now);
    for (const r of results) {
      if (r.status === "postponed") out.postponed.push({ act: r.act, reason: r.reason ?? "" });
      out.results.push(r);
    }
  }
  return out;
}

export const TIME_REASON = "temps d'exécution de 5 minutes atteint";
