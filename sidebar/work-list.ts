// « Aujourd'hui »: what the morning run already did (sent, tasks to do, letters to post), then
// the debtors that need a person, most urgent first, with a search box that filters what is
// on screen (no server call per keystroke); any other debtor is in « Clients ».
import type { DoneToday, WorkItem, WorkList } from "../src/sidebar-contract";
import type { App } from "./app";
import { call } from "./client";
import { clear, field, h } from "./dom";
import { count, euros, frDate, searchKey } from "./format";

const REASON_CLASS: Record<string, string> = {
  prescription: "urgent",
  handover: "urgent",
  planMissed: "urgent",
  promiseDue: "warn",
  step: "step",
  task: "task",
  instalment: "info",
  error: "warn",
};

function card(item: WorkItem, app: App): HTMLElement {
  return h(
    "li",
    { class: "card", "data-client": item.client },
    h(
      "button",
      {
        type: "button",
        class: "card-open",
        "aria-label": `Ouvrir le dossier ${item.client}`,
        onclick: () => app.openDossier(item.client),
      },
      h("span", { class: "card-name", text: item.client }),
      h("span", { class: "card-amount", text: euros(item.outstanding) }),
    ),
    h(
      "ul",
      { class: "reasons" },
      ...item.reasons.map((r) =>
        h(
          "li",
          { class: `reason ${REASON_CLASS[r.kind] ?? ""}` },
          h("strong", { text: r.label }),
          r.detail ? h("span", { text: ` — ${r.detail}` }) : null,
        ),
      ),
    ),
    item.oldestDue
      ? h("small", { class: "muted", text: `Plus ancienne échéance : ${frDate(item.oldestDue)}` })
      : null,
  );
}

export function renderWorkList(app: App): void {
  app.show("today", (main) => {
    main.append(
      h("h2", { text: "Aujourd'hui" }),
      h("p", { class: "muted", text: "Chargement des dossiers…" }),
    );
  });
  void app
    .busy("Chargement des dossiers…", () => call("apiWorkList", {}))
    .then((list) => {
      if (list) app.show("today", (main) => drawWorkList(main, list, app));
    });
}

function drawWorkList(main: HTMLElement, list: WorkList, app: App): void {
  const search = h("input", {
    type: "search",
    placeholder: "Client ou n° de facture",
    autocomplete: "off",
  });
  const items = h("ul", { class: "cards", "aria-label": "Dossiers à traiter" });
  const shownCount = h("p", { class: "muted", role: "status", "aria-live": "polite" });
  const draw = () => {
    const q = searchKey(search.value.trim());
    const shown = list.items.filter(
      (i) =>
        q === "" ||
        searchKey(i.client).includes(q) ||
        i.invoices.some((n) => searchKey(n).includes(q)),
    );
    clear(items);
    for (const i of shown) items.append(card(i, app));
    shownCount.textContent =
      shown.length === 0
        ? "Aucun dossier ne correspond. Tous les clients sont dans « Clients »."
        : count(shown.length, "dossier affiché", "dossiers affichés");
  };
  search.addEventListener("input", draw);
  main.append(
    h("h2", { text: `Aujourd'hui, ${frDate(list.today)}` }),
    h(
      "dl",
      { class: "totals" },
      h("dt", { text: "Dossiers à traiter" }),
      h("dd", { text: String(list.totals.debtors) }),
      h("dt", { text: "Montant concerné" }),
      h("dd", { text: euros(list.totals.outstanding) }),
      h("dt", { text: "Encours total" }),
      h("dd", {
        text: `${euros(list.totals.ledgerOutstanding)} (${count(list.totals.openInvoices, "facture")})`,
      }),
    ),
    h("button", {
      type: "button",
      class: "secondary",
      onclick: () => {
        void app
          .busy("Recherche de la ligne sélectionnée…", () => call("apiActiveClient", {}))
          .then((r) => {
            if (!r) return;
            if (r.client) app.openDossier(r.client);
            else app.notify("Sélectionnez d'abord une ligne de facture dans « Créances ».");
          });
      },
      text: "Dossier de la ligne sélectionnée",
    }),
    field("Rechercher", search),
    shownCount,
    items,
    doneSection(list.done, app),
    h("button", {
      type: "button",
      class: "secondary",
      text: "Tous les clients…",
      onclick: () => app.openClients(),
    }),
  );
  for (const note of list.notes) main.append(h("p", { class: "note", text: note }));
  if (list.errors.length > 0) {
    main.append(
      h("h3", { text: `${count(list.errors.length, "ligne", "lignes")} à corriger` }),
      h(
        "ul",
        { class: "errors" },
        ...list.errors.map((e) =>
          h("li", { text: `Ligne ${e.row}${e.invoice ? ` (${e.invoice})` : ""} : ${e.message}` }),
        ),
      ),
    );
  }
  draw();
}

const DONE_GROUPS: [DoneToday["kind"], string][] = [
  ["task", "À faire par vous"],
  ["sent", "Envoyé"],
  ["prepared", "Dossiers prêts pour un professionnel"],
  ["other", "Noté au Journal"],
];

/** What the Journal says was done today, by what it leaves to do. */
function doneSection(done: readonly DoneToday[], app: App): HTMLElement {
  const section = h(
    "section",
    { class: "done", "aria-labelledby": "done-title" },
    h("h3", { id: "done-title", text: "Fait aujourd'hui" }),
  );
  if (done.length === 0) {
    section.append(h("p", { class: "muted", text: "Rien n'a encore été fait aujourd'hui." }));
    return section;
  }
  for (const [kind, title] of DONE_GROUPS) {
    const lines = done.filter((d) => d.kind === kind);
    if (lines.length === 0) continue;
    section.append(
      h("h4", { text: `${title} (${lines.length})` }),
      h(
        "ul",
        { class: "done-list" },
        ...lines.map((d) =>
          h(
            "li",
            {},
            h("button", {
              type: "button",
              class: "link",
              text: d.client,
              onclick: () => app.openDossier(d.client),
            }),
            h("span", {
              text: ` — ${d.step}${d.recipient ? ` à ${d.recipient}` : ""} · ${d.outcome}`,
            }),
            h("small", { class: "muted block nowrap-ids", text: d.invoices.join(", ") }),
          ),
        ),
      ),
    );
  }
  return section;
}
