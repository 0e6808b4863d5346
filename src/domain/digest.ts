// The Monday digest: one email to the user, on the first business day of the week, with
// last week's sends and payments, this week's steps, the registered letters to post, the
// calls to make, the dossiers ready for a professional, the five largest past-due debtors
// and the dashboard's figures (the same function as the sheet's).
import { addDays, type CalendarDate, dayOfWeek, formatFrenchDate } from "./calendar-date";
import { type Claim, debtorKey, isPaid } from "./claim";
import { isRegisteredLetterTask } from "./daily-plan";
import { type Dashboard, DSO_WINDOW_DAYS } from "./dashboard";
import { isBusinessDay } from "./holidays";
import {
  entryDate,
  isStepTaken,
  type JournalEntry,
  OUTCOMES,
  recordedPayments,
  stepOfEntry,
} from "./journal";
import { type LadderSettings, stepLabel } from "./ladder";
import { type Block, bold, type MessageDocument, paragraph, text } from "./messages/document";
import { formatEuros, roundToCent } from "./money";
import { nextStep } from "./next-step";

/** The Journal's « Étape » of the digest: its line keeps it from going twice a week. */
export const DIGEST_STEP = "Synthèse hebdomadaire";
/** Lines listed per section before « … et N autres ». */
const MAX_LINES = 25;

/** Monday of the week of `d` (weeks run Monday to Sunday, as in France). */
export function weekStart(d: CalendarDate): CalendarDate {
  return addDays(d, -((dayOfWeek(d) + 6) % 7));
}

/** The first business day of its week: Monday, or Tuesday after Easter Monday… */
export function isFirstBusinessDayOfWeek(d: CalendarDate): boolean {
  if (!isBusinessDay(d)) return false;
  for (let day = weekStart(d); day < d; day = addDays(day, 1)) if (isBusinessDay(day)) return false;
  return true;
}

/** The digest already went (or may have: an intent) this week. */
export function digestSentThisWeek(journal: readonly JournalEntry[], today: CalendarDate): boolean {
  const monday = weekStart(today);
  return journal.some((e) => {
    const date = entryDate(e);
    return (
      e.step === DIGEST_STEP &&
      date !== undefined &&
      date >= monday &&
      date <= today &&
      (e.outcome === OUTCOMES.intent ||
        e.outcome === OUTCOMES.sent ||
        e.outcome === OUTCOMES.toCheck)
    );
  });
}

export interface DigestInput {
  claims: readonly Claim[];
  journal: readonly JournalEntry[];
  board: Dashboard;
  today: CalendarDate;
  ladder: LadderSettings;
  spreadsheetUrl: string;
  companyName: string;
}

function capped(items: string[]): Block {
  const shown = items.slice(0, MAX_LINES).map((i) => [text(i)]);
  if (items.length > MAX_LINES) shown.push([text(`… et ${items.length - MAX_LINES} autres`)]);
  return { kind: "list", items: shown };
}

function section(title: string, items: string[], none: string): Block[] {
  return [{ kind: "heading", text: title }, items.length > 0 ? capped(items) : paragraph(none)];
}

const day = (d: CalendarDate) => formatFrenchDate(d).slice(0, 5);

export function buildDigest(input: DigestInput): MessageDocument {
  const { journal, board, today } = input;
  const monday = weekStart(today);
  const lastMonday = addDays(monday, -7);
  const lastSunday = addDays(monday, -1);
  const sunday = addDays(monday, 6);
  const lastWeek = (e: JournalEntry) => {
    const d = entryDate(e);
    return d !== undefined && d >= lastMonday && d <= lastSunday;
  };
  // What is left for a person: since last Monday, this morning's run included.
  const sinceLastMonday = (e: JournalEntry) => {
    const d = entryDate(e);
    return d !== undefined && d >= lastMonday && d <= today;
  };

  const sends = journal
    .filter(
      (e) =>
        lastWeek(e) &&
        stepOfEntry(e) !== undefined &&
        isStepTaken(e.outcome) &&
        !isRegisteredLetterTask(e),
    )
    .map(
      (e) =>
        `${day(entryDate(e) as CalendarDate)} — ${e.step} — ${e.client} (${e.invoices.join(", ")}) : ${e.outcome}`,
    );
  const payments = recordedPayments(journal).filter(
    (p) => p.date >= lastMonday && p.date <= lastSunday,
  );
  const paid = roundToCent(payments.reduce((s, p) => s + p.amount, 0));

  // This week's steps: the domain's next step of each open claim, due by Sunday.
  const planned = new Map<
    string,
    { client: string; step: number; date: CalendarDate; invoices: string[]; email: boolean }
  >();
  for (const c of input.claims) {
    if (isPaid(c)) continue;
    const next = nextStep(c, today, input.ladder);
    if (!next || next.date > sunday) continue;
    const key = `${debtorKey(c.client)}|${next.step}`;
    const known = planned.get(key);
    if (known) {
      known.invoices.push(c.invoiceNumber);
      if (next.date < known.date) known.date = next.date;
    } else
      planned.set(key, {
        client: c.client,
        step: next.step,
        date: next.date,
        invoices: [c.invoiceNumber],
        email: c.email !== undefined,
      });
  }
  const steps = [...planned.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || b.step - a.step,
  );
  const when = (d: CalendarDate) =>
    d < today ? "dès aujourd'hui (en retard)" : `le ${formatFrenchDate(d)}`;
  const stepLines = steps.map(
    (s) =>
      `${stepLabel(s.step as 1 | 2 | 3 | 4)} — ${s.client} (${s.invoices.join(", ")}) ${when(s.date)}`,
  );

  const letters = journal
    .filter((e) => sinceLastMonday(e) && isRegisteredLetterTask(e))
    .map((e) => `${e.client} (${e.invoices.join(", ")}) : ${e.subject}`);
  const calls = [
    ...steps
      .filter((s) => !s.email && s.step < 3)
      .map(
        (s) =>
          `${s.client} — ${stepLabel(s.step as 1 | 2)} (${s.invoices.join(", ")}) : pas d'adresse email, appeler ${when(s.date)}`,
      ),
    ...journal
      .filter(
        (e) =>
          sinceLastMonday(e) &&
          e.outcome === OUTCOMES.task &&
          !isRegisteredLetterTask(e) &&
          (stepOfEntry(e) ?? 0) > 0 &&
          (stepOfEntry(e) ?? 0) < 3,
      )
      .map((e) => `${e.client} (${e.invoices.join(", ")}) : ${e.subject}`),
  ];
  const dossiers = [
    ...journal
      .filter((e) => sinceLastMonday(e) && e.outcome === OUTCOMES.prepared)
      .map(
        (e) =>
          `${e.client} (${e.invoices.join(", ")}) : dossier prêt le ${day(entryDate(e) as CalendarDate)}${e.document ? ` — ${e.document}` : ""}`,
      ),
    ...steps
      .filter((s) => s.step === 4)
      .map((s) => `${s.client} (${s.invoices.join(", ")}) : dossier à préparer ${when(s.date)}`),
  ];

  const dso = (d: number | undefined) =>
    d === undefined ? "—" : `${String(d).replace(".", ",")} j`;
  const blocks: Block[] = [
    { kind: "title", text: `Synthèse de la semaine du ${formatFrenchDate(monday)}` },
    paragraph(
      `Encours ${formatEuros(board.outstanding)}, dont échu ${formatEuros(board.pastDue)} — ${board.openInvoices} facture${board.openInvoices > 1 ? "s" : ""} ouverte${board.openInvoices > 1 ? "s" : ""}, ${board.debtors} client${board.debtors > 1 ? "s" : ""}.`,
    ),
    {
      kind: "table",
      header: ["Indicateur", "Valeur"],
      rows: [
        [`DSO (${DSO_WINDOW_DAYS} jours)`, dso(board.dso.today.days)],
        ["DSO il y a 30 jours", dso(board.dso.days30Ago.days)],
        ["DSO il y a 60 jours", dso(board.dso.days60Ago.days)],
        ["Encaissé ce mois-ci", formatEuros(board.recovered.thisMonth)],
        ["Encaissé le mois dernier", formatEuros(board.recovered.lastMonth)],
        ...board.byStatus.filter((s) => s.amount > 0).map((s) => [s.status, formatEuros(s.amount)]),
      ],
      numeric: [false, true],
    },
    { kind: "heading", text: "Les 5 plus gros retards" },
    board.topPastDue.length > 0
      ? {
          kind: "table",
          header: ["Client", "Échu", "Prochaine étape"],
          rows: board.topPastDue
            .slice(0, 5)
            .map((t) => [
              t.client,
              formatEuros(t.pastDue),
              t.nextStepDate
                ? `${t.nextStep} (${formatFrenchDate(t.nextStepDate as CalendarDate)})`
                : t.nextStep,
            ]),
          numeric: [false, true, false],
        }
      : paragraph("Aucun retard."),
    ...section(`Envois de la semaine dernière (${sends.length})`, sends, "Aucun envoi."),
    ...section(
      `Paiements reçus la semaine dernière : ${formatEuros(paid)}`,
      payments.map(
        (p) =>
          `${day(p.date)} — ${p.client} (${p.invoice}) : ${formatEuros(p.amount)}, ${p.means.toLowerCase()}`,
      ),
      "Aucun paiement enregistré.",
    ),
    ...section(
      `Étapes prévues cette semaine (${stepLines.length})`,
      stepLines,
      "Aucune étape prévue.",
    ),
    ...section("Lettres recommandées à poster", letters, "Aucune."),
    ...section("Appels à passer", calls, "Aucun."),
    ...section("Dossiers prêts pour un professionnel", dossiers, "Aucun."),
    paragraph(text("Le classeur : "), { text: input.spreadsheetUrl, link: input.spreadsheetUrl }),
    paragraph(bold("Recouvra"), text(" — cette synthèse se désactive dans « Paramètres ».")),
  ];
  return {
    title: `Recouvra — synthèse de la semaine du ${formatFrenchDate(monday)}${input.companyName ? ` — ${input.companyName}` : ""}`,
    blocks,
  };
}
