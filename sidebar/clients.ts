// « Clients »: every debtor with something open (all on request), searchable by name,
// invoice number or email, sortable by amount due, age and status; each opens its dossier.
import type { ClientList, ClientRow } from "../src/sidebar-contract";
import type { App } from "./app";
import { call } from "./client";
import { clear, field, h } from "./dom";
import { count, euros, frDate, searchKey } from "./format";

type SortKey = "age" | "amount" | "status" | "name";

const SORTS: [SortKey, string][] = [
  ["age", "Ancienneté (la plus ancienne d'abord)"],
  ["amount", "Montant dû (le plus élevé d'abord)"],
  ["status", "Statut (le plus avancé d'abord)"],
  ["name", "Nom"],
];

function compare(key: SortKey): (a: ClientRow, b: ClientRow) => number {
  const byName = (a: ClientRow, b: ClientRow) => a.client.localeCompare(b.client, "fr");
  switch (key) {
    case "amount":
      return (a, b) => b.outstanding - a.outstanding || byName(a, b);
    case "status":
      return (a, b) => a.statusRank - b.statusRank || b.daysLate - a.daysLate || byName(a, b);
    case "name":
      return byName;
    default:
      return (a, b) => b.daysLate - a.daysLate || b.outstanding - a.outstanding || byName(a, b);
  }
}

const fold = searchKey;

function matches(row: ClientRow, q: string): boolean {
  if (q === "") return true;
  return (
    fold(row.client).includes(q) ||
    row.invoices.some((i) => fold(i).includes(q)) ||
    row.emails.some((e) => fold(e).includes(q))
  );
}

/** Search and sort are kept while the user goes to a dossier and back. */
const memory = { query: "", sort: "age" as SortKey, all: false };

export function renderClients(app: App): void {
  app.show("clients", (main) =>
    main.append(
      h("h2", { text: "Clients" }),
      h("p", { class: "muted", text: "Chargement des clients…" }),
    ),
  );
  void app
    .busy("Chargement des clients…", () => call("apiClients", { all: memory.all }))
    .then((list) => {
      if (list) app.show("clients", (main) => drawClients(main, list, app));
    });
}

function clientItem(row: ClientRow, today: string, app: App): HTMLElement {
  const late = row.daysLate > 0 ? ` · ${count(row.daysLate, "jour")} de retard` : "";
  return h(
    "li",
    { class: "card", "data-client": row.client },
    h(
      "button",
      {
        type: "button",
        class: "card-open",
        "aria-label": `Ouvrir le dossier ${row.client}`,
        onclick: () => app.openDossier(row.client),
      },
      h("span", { class: "card-name", text: row.client }),
      h("span", { class: "card-amount", text: euros(row.outstanding) }),
    ),
    h(
      "p",
      { class: "card-line" },
      h("span", { class: "badge", text: row.status }),
      ` ${count(row.openInvoices, "facture ouverte", "factures ouvertes")}${late}`,
    ),
    row.nextStep
      ? h("small", {
          class: "muted block",
          text: `${row.nextStep.label} ${row.nextStep.date < today ? "en retard, prévue le" : "le"} ${frDate(row.nextStep.date)}`,
        })
      : null,
    row.emails.length > 0
      ? h("small", { class: "muted block", text: row.emails.join(", ") })
      : null,
  );
}

function drawClients(main: HTMLElement, list: ClientList, app: App): void {
  const search = h("input", {
    type: "search",
    placeholder: "Nom, n° de facture ou email",
    autocomplete: "off",
    value: memory.query,
  });
  search.value = memory.query;
  const sort = h(
    "select",
    { name: "clientsSort" },
    ...SORTS.map(([v, l]) => h("option", { value: v, text: l })),
  );
  sort.value = memory.sort;
  const all = h("input", { type: "checkbox", name: "allClients", checked: list.all });
  const items = h("ul", { class: "cards", "aria-label": "Clients" });
  const shownCount = h("p", { class: "muted", role: "status", "aria-live": "polite" });
  const draw = () => {
    memory.query = search.value;
    memory.sort = sort.value as SortKey;
    const q = fold(search.value.trim());
    const shown = list.clients.filter((r) => matches(r, q)).sort(compare(memory.sort));
    clear(items);
    for (const r of shown) items.append(clientItem(r, list.today, app));
    shownCount.textContent =
      shown.length === 0
        ? "Aucun client ne correspond."
        : `${count(shown.length, "client affiché", "clients affichés")} sur ${list.clients.length}`;
  };
  search.addEventListener("input", draw);
  sort.addEventListener("change", draw);
  all.addEventListener("change", () => {
    memory.all = all.checked;
    renderClients(app);
  });
  main.append(
    h("h2", { text: "Clients" }),
    h(
      "dl",
      { class: "totals" },
      h("dt", { text: "Avec une facture ouverte" }),
      h("dd", { text: count(list.totals.withOpen, "client") }),
      h("dt", { text: "Reste dû" }),
      h("dd", { text: euros(list.totals.outstanding) }),
    ),
    field("Rechercher un client", search),
    field("Trier par", sort),
    h("label", { class: "check" }, all, " Afficher aussi les clients soldés"),
    shownCount,
    items,
  );
  draw();
}
