// One debtor's dossier: what is owed and where it stands, then what a person can do —
// send the next step now, write a letter, agree an échéancier, note an exchange — and the
// timeline of everything that happened.
import type { Dossier, LetterKind } from "../src/sidebar-contract";
import type { App } from "./app";
import { call } from "./client";
import { h, link } from "./dom";
import { exchangePanel } from "./exchange";
import { euros, frDate, frDateTime } from "./format";
import { letterPanel } from "./letters";
import { paymentPanel } from "./payment";
import { planPanel } from "./plan";

export interface DossierContext {
  app: App;
  dossier: Dossier;
  /** The invoices ticked in the table (the open ones by default). */
  selected(): string[];
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
      refresh: (next) => drawDossier(app, next),
    };
    const rows = d.invoices.map((i) => {
      const box = h("input", {
        type: "checkbox",
        value: i.invoice,
        "aria-label": `Inclure la facture ${i.invoice}`,
        checked: i.outstanding > 0,
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
          h("span", { class: "badge", text: i.status }),
          i.nextStepDate
            ? h("small", {
                class: "muted block",
                text: `${i.nextStep} le ${frDate(i.nextStepDate)}`,
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
      h("p", {}, h("span", { class: "badge big", text: d.status })),
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
          text: d.nextStep ? `${d.nextStep.label} le ${frDate(d.nextStep.date)}` : "Aucune",
        }),
        h("dt", { text: "Prescription" }),
        h("dd", {
          class: d.prescriptionSoon ? "danger" : undefined,
          text: d.prescription
            ? `${frDate(d.prescription)}${d.prescriptionSoon ? " — agir vite" : ""}`
            : "—",
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
      ...d.plans.map((p) =>
        h(
          "section",
          { class: "plan", "aria-label": `Échéancier ${p.id}` },
          h("h3", {
            text: `Échéancier du ${frDate(p.agreedOn)}${p.defaulted ? " — déchéance du terme" : p.completed ? " — soldé" : ""}`,
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
  const result = h("div", { class: "result", "aria-live": "polite" });
  const button = h("button", {
    type: "button",
    class: "primary",
    text: "Envoyer maintenant l'étape due",
    onclick: () => {
      button.disabled = true;
      void ctx.app
        .busy("Envoi en cours…", () => call("apiSendNow", { client: ctx.dossier.client }))
        .then((r) => {
          button.disabled = false;
          if (!r) return;
          ctx.refresh(r.dossier);
          ctx.app.notify(r.message, r.actions.length > 0 ? "ok" : "info");
        });
    },
  });
  return h("div", { class: "send-now" }, button, result);
}

export type { LetterKind };
