// One debtor's dossier: what is owed and where it stands, then what a person can do —
// send the next step now, write a letter, agree an échéancier, note an exchange — and the
// timeline of everything that happened.
import type { Dossier, LetterKind } from "../src/sidebar-contract";
import type { App } from "./app";
import { call } from "./client";
import { h, link } from "./dom";
import { exchangePanel } from "./exchange";
import { count, euros, frDate, frDateTime } from "./format";
import { letterPanel } from "./letters";
import { paymentPanel } from "./payment";
import { planPanel } from "./plan";
import { registeredLetterPanel } from "./registered-letter";

export interface DossierContext {
  app: App;
  dossier: Dossier;
  /** The invoices ticked in the table (the open ones by default). */
  selected(): string[];
  /** The first box of the table: where « tick an invoice » is said. */
  firstBox(): HTMLElement;
  /** Re-renders the view with a dossier the server returned after an action. */
  refresh(dossier: Dossier): void;
}

export function renderDossier(app: App, client: string): void {
  app.show("dossier", (main) => {
    main.append(
      h("h2", { text: client }),
      h("p", { class: "muted", text: "Chargement du dossier…" }),
    );
  });
  void app
    .busy("Chargement du dossier…", () => call("apiDossier", { client }))
    .then((d) => {
      if (d) drawDossier(app, d);
    });
}

const STATE_LABELS = {
  honoured: "Réglée",
  upcoming: "À venir",
  late: "En retard",
  missed: "Impayée",
} as const;

export function drawDossier(app: App, d: Dossier, open?: string): void {
  app.show("dossier", (main) => {
    const boxes: HTMLInputElement[] = [];
    const ctx: DossierContext = {
      app,
      dossier: d,
      selected: () => boxes.filter((b) => b.checked).map((b) => b.value),
      firstBox: () => boxes[0] ?? app.main,
      refresh: (next) => drawDossier(app, next),
    };
    const rows = d.invoices.map((i) => {
      // Ticked by default: only what can still be chased (open, undisputed, unprescribed).
      const box = h("input", {
        type: "checkbox",
        value: i.invoice,
        "aria-label": `Inclure la facture ${i.invoice}`,
        checked: i.outstanding > 0 && !i.disputed && i.status !== "Prescrite",
      });
      boxes.push(box);
      return h(
        "tr",
        { class: i.outstanding > 0 ? undefined : "paid" },
        h("td", {}, box),
        h(
          "th",
          { scope: "row" },
          h("span", { text: i.invoice }),
          h("small", {
            class: "muted block",
            text: `éch. ${frDate(i.dueDate)}${i.dueDateDefaulted ? " (par défaut)" : ""}`,
          }),
        ),
        h("td", { class: "num", text: euros(i.outstanding) }),
        h(
          "td",
          {},
          h("span", { class: `badge status-${statusClass(i.status)}`, text: i.status }),
          i.nextStepDate
            ? h("small", {
                class: i.nextStepDate < d.today ? "late block" : "muted block",
                text: nextStepText(i.nextStep, i.nextStepDate, d.today),
              })
            : null,
        ),
      );
    });
    const t = d.totals;
    main.append(
      h("h2", { text: d.client }),
      h(
        "p",
        { class: "muted" },
        `${d.clientType} · ${d.profile}`,
        d.email ? ` · ${d.email}` : " · pas d'adresse email",
      ),
      statusSummary(d),
      h(
        "dl",
        { class: "totals" },
        h("dt", { text: "Reste dû" }),
        h("dd", { text: euros(t.outstanding) }),
        h("dt", { text: "Pénalités de retard" }),
        h("dd", { text: `${euros(t.penalties)}${t.penaltiesOfficial ? "" : " (estimées)"}` }),
        h("dt", { text: "Indemnité forfaitaire" }),
        h("dd", { text: euros(t.indemnity) }),
        h("dt", { text: "Total exigible" }),
        h("dd", { class: "strong", text: euros(t.total) }),
        h("dt", { text: "Prochaine étape" }),
        h("dd", {
          class: d.nextStep && d.nextStep.date < d.today ? "late" : undefined,
          text: d.nextStep ? nextStepText(d.nextStep.label, d.nextStep.date, d.today) : "Aucune",
        }),
        h("dt", { text: "Prescription" }),
        h("dd", {
          class:
            d.prescriptionSoon || (d.prescription && d.prescription < d.today)
              ? "danger"
              : undefined,
          text: prescriptionText(d.prescription, d.prescriptionSoon, d.today),
        }),
      ),
      ...d.notes.map((n) => h("p", { class: "note", text: n })),
      sendNowButton(ctx),
      h(
        "div",
        { class: "scroll" },
        h(
          "table",
          { class: "invoices" },
          h("caption", { text: "Factures (cochez celles concernées)" }),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col", "aria-label": "Choisir" }),
              h("th", { scope: "col", text: "Facture" }),
              h("th", { scope: "col", class: "num", text: "Reste dû" }),
              h("th", { scope: "col", text: "Statut" }),
            ),
          ),
          h("tbody", {}, ...rows),
        ),
      ),
      section("Courriers", "letters", open, letterPanel(ctx)),
      section("Échéancier", "plan", open, planPanel(ctx)),
      section("Paiement reçu", "payment", open, paymentPanel(ctx)),
      section("Noter un échange", "exchange", open, exchangePanel(ctx)),
      section("Lettre recommandée (LRAR)", "registered", open, registeredLetterPanel(ctx)),
      ...d.plans.map((p) =>
        h(
          "section",
          { class: "plan", "aria-label": `Échéancier ${p.id}` },
          h("h3", {
            text: `Échéancier du ${frDate(p.agreedOn)}${p.defaultText ? ` — ${p.defaultText}` : p.completed ? " — soldé" : ""}`,
          }),
          h("p", {
            class: "muted",
            text: `${euros(p.total)} · réglé depuis l'accord : ${euros(p.paidSinceAgreement)} · relances suspendues jusqu'au ${frDate(p.suspendedUntil)}`,
          }),
          h(
            "ol",
            { class: "instalments" },
            ...p.instalments.map((i) =>
              h("li", {
                class: `state-${i.state}`,
                text: `${frDate(i.date)} — ${euros(i.amount)} — ${STATE_LABELS[i.state]}`,
              }),
            ),
          ),
        ),
      ),
      h("h3", { text: "Chronologie" }),
      d.timeline.length === 0
        ? h("p", { class: "muted", text: "Aucun échange journalisé." })
        : h(
            "ol",
            { class: "timeline", "aria-label": "Chronologie, du plus récent au plus ancien" },
            ...d.timeline.map((e) =>
              h(
                "li",
                {},
                h("span", { class: "muted", text: frDateTime(e.at) }),
                h("strong", { text: ` ${e.step}` }),
                h("span", { text: ` · ${e.channel}${e.outcome ? ` · ${e.outcome}` : ""}` }),
                e.subject ? h("span", { class: "block", text: e.subject }) : null,
                e.pdf ? link(e.pdf.url, `PDF : ${e.pdf.name}`) : null,
                e.document ? link(e.document, "Document") : null,
              ),
            ),
          ),
    );
  });
}

function section(
  title: string,
  id: string,
  open: string | undefined,
  body: HTMLElement,
): HTMLElement {
  return h(
    "details",
    { class: "panel", id: `panel-${id}`, open: open === id },
    h("summary", { text: title }),
    body,
  );
}

function sendNowButton(ctx: DossierContext): HTMLElement {
  const button: HTMLButtonElement = h("button", {
    type: "button",
    class: "primary",
    text: "Envoyer maintenant l'étape due",
    onclick: () => {
      const client = ctx.dossier.client;
      void ctx.app
        .busy("Ce qui partirait…", () => call("apiSendNowPreview", { client }), button)
        .then(async (p) => {
          if (!p) return;
          const first = p.actions[0];
          if (!first) {
            const why = p.waiting[0]?.reason;
            ctx.app.say(
              button,
              `Rien à envoyer aujourd'hui pour ce client${why ? ` : ${why}` : "."}`,
              "info",
            );
            return;
          }
          const ok = await ctx.app.confirm({
            title: `${first.step} — confirmer l'envoi`,
            lines: [
              `Étape : ${first.step} (${first.channel}).`,
              first.to
                ? `Destinataire : ${first.to}.`
                : "Pas d'adresse email : une tâche sera créée.",
              `Factures : ${first.invoices.map((i) => `${i.invoice} (${euros(i.outstanding)})`).join(", ")}.`,
              `Reste dû : ${euros(first.outstanding)} ; total exigible : ${euros(first.total)}.`,
            ],
            confirm: `Envoyer la ${first.step.toLowerCase()}`,
          });
          if (!ok) return;
          button.disabled = true;
          const r = await ctx.app.busy(
            "Envoi en cours…",
            () =>
              call("apiSendNow", {
                client,
                confirmed: { step: first.step, invoices: first.invoices.map((i) => i.invoice) },
              }),
            button,
          );
          button.disabled = false;
          if (!r) return;
          ctx.refresh(r.dossier);
          const done = r.actions.map(
            (a) => `${a.step} : ${doneWord(a.outcome)}${a.to ? ` à ${a.to}` : ""}`,
          );
          ctx.app.notify(
            done.length > 0 ? `${done.join(" ; ")}.` : r.message,
            r.actions.length > 0 ? "ok" : "info",
          );
        });
    },
  });
  return h("div", { class: "send-now" }, button);
}

/** « Envoyé » said of a step (all feminine: relance, mise en demeure, transmission). */
function doneWord(outcome: string): string {
  if (outcome === "Envoyé") return "envoyée";
  if (outcome === "Dossier prêt") return "dossier prêt";
  return outcome.charAt(0).toLowerCase() + outcome.slice(1);
}

function nextStepText(label: string, date: string, today: string): string {
  return date < today
    ? `${label} en retard (prévue le ${frDate(date)})`
    : `${label} le ${frDate(date)}`;
}

function prescriptionText(date: string, soon: boolean, today: string): string {
  if (!date) return "—";
  if (date < today) return `${frDate(date)} — dépassée : la créance est prescrite`;
  return soon ? `${frDate(date)} — agir vite` : frDate(date);
}

function statusClass(status: string): string {
  return status
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-");
}

/** One line per status with its invoices, rather than one badge for the whole debtor: « 1
 * facture Litige » beside « 2 factures Relancée ». */
function statusSummary(d: Dossier): HTMLElement {
  const by = new Map<string, string[]>();
  for (const i of d.invoices) by.set(i.status, [...(by.get(i.status) ?? []), i.invoice]);
  return h(
    "ul",
    { class: "status-summary", "aria-label": "Statut des factures" },
    ...[...by].map(([status, invoices]) =>
      h(
        "li",
        {},
        h("span", { class: `badge status-${statusClass(status)}`, text: status }),
        ` ${count(invoices.length, "facture")} : `,
        h("span", { class: "nowrap-ids", text: invoices.join(", ") }),
      ),
    ),
  );
}

export type { LetterKind };
