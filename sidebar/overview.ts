// « Vue d'ensemble »: the dashboard's figures (the same domain function as the sheet's), its
// chart drawn as SVG, each debtor one click from its dossier, and the import of a bank
// statement: matched lines shown for review, nothing recorded before the user confirms.
import type { Overview, StatementReview } from "../src/sidebar-contract";
import type { App } from "./app";
import { call } from "./client";
import { append, clear, field, h } from "./dom";
import { euros, frDate } from "./format";

const BUCKETS = ["Non échu", "1 à 30 j", "31 à 60 j", "61 à 90 j", "Plus de 90 j"];
const COLOURS = ["#4285f4", "#fbbc04", "#fb8c00", "#ea4335", "#8e24aa"];
const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Stacked columns of the ageing buckets for the largest balances, as the sheet's chart. */
export function ageingChart(o: Overview): SVGElement {
  const rows = o.ageing.slice(0, 10);
  const width = 280;
  const height = 190;
  // Room on the left for the first names, written slanting down to the left of their column.
  const left = 62;
  const top = 10;
  const plotH = 110;
  const max = Math.max(1, ...rows.map((r) => r.outstanding));
  const band = (width - left - 8) / Math.max(1, rows.length);
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    "aria-label": "Balance âgée des plus gros encours",
    class: "chart",
  });
  root.append(svg("title", {}, "Balance âgée des plus gros encours"));
  rows.forEach((r, i) => {
    let base = 0;
    r.ageing.forEach((v, k) => {
      if (v <= 0) return;
      const y = top + plotH - ((base + v) / max) * plotH;
      const bar = svg("rect", {
        x: left + i * band + band * 0.15,
        y,
        width: band * 0.7,
        height: (v / max) * plotH,
        fill: COLOURS[k] ?? "#999",
      });
      bar.append(svg("title", {}, `${r.client} — ${BUCKETS[k]} : ${euros(v)}`));
      root.append(bar);
      base += v;
    });
    const x = left + i * band + band / 2;
    const label = r.client.length > 11 ? `${r.client.slice(0, 10)}…` : r.client;
    root.append(
      svg(
        "text",
        {
          x,
          y: top + plotH + 10,
          // 13 units of a 280-unit-wide drawing: 12 px and more at the sidebar's 300 px.
          "font-size": 13,
          "text-anchor": "end",
          transform: `rotate(-40 ${x} ${top + plotH + 10})`,
        },
        label,
      ),
    );
  });
  return root;
}

/** The chart's key, as text of the page (readable at 300 px, not shrunk with the drawing). */
function ageingKey(): HTMLElement {
  return h(
    "ul",
    { class: "legend", "aria-label": "Légende" },
    ...BUCKETS.map((b, k) =>
      h(
        "li",
        {},
        h("span", { class: "swatch", style: `background:${COLOURS[k] ?? "#999"}` }),
        ` ${b}`,
      ),
    ),
  );
}

/** A wide table scrolls on its own at 300 px, the page does not. */
function scrolling(label: string, table: HTMLElement): HTMLElement {
  return h("div", { class: "scroll", tabindex: "0", role: "group", "aria-label": label }, table);
}

function clientButton(app: App, client: string): HTMLElement {
  return h("button", {
    type: "button",
    class: "link",
    text: client,
    onclick: () => app.openDossier(client),
  });
}

function days(d: number | undefined | null): string {
  return d === undefined || d === null ? "—" : `${String(d).replace(".", ",")} j`;
}

export function renderOverview(app: App, refreshSheet = false): void {
  app.show("overview", (main) =>
    main.append(h("p", { class: "muted", text: "Chargement de la vue d'ensemble…" })),
  );
  void app
    .busy("Calcul des chiffres…", () => call("apiOverview", { refreshSheet }))
    .then((o) => {
      if (o) drawOverview(app, o);
    });
}

function drawOverview(app: App, o: Overview): void {
  app.show("overview", (main) => {
    const figures: [string, string][] = [
      ["Encours", euros(o.outstanding)],
      ["Dont échu", euros(o.pastDue)],
      ["Factures ouvertes", String(o.openInvoices)],
      ["Clients débiteurs", String(o.debtors)],
      ["DSO (90 jours)", days(o.dso.today.days)],
      ["DSO il y a 30 jours", days(o.dso.days30Ago.days)],
      ["DSO il y a 60 jours", days(o.dso.days60Ago.days)],
      ["Encaissé ce mois-ci", euros(o.recovered.thisMonth)],
      ["Encaissé le mois dernier", euros(o.recovered.lastMonth)],
    ];
    append(
      main,
      h("h2", { text: `Vue d'ensemble au ${frDate(o.today)}` }),
      h(
        "dl",
        { class: "figures", id: "overview-figures" },
        ...figures.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })]),
      ),
      ageingChart(o),
      ageingKey(),
      h("h3", { text: "Les plus gros retards" }),
      o.topPastDue.length === 0
        ? h("p", { class: "muted", text: "Aucun retard." })
        : scrolling(
            "Les plus gros retards",
            h(
              "table",
              { class: "invoices", id: "overview-top" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ...["Client", "Échu", "Prochaine étape"].map((t) => h("th", { text: t })),
                ),
              ),
              h(
                "tbody",
                {},
                ...o.topPastDue.map((t) =>
                  h(
                    "tr",
                    {},
                    h("td", {}, clientButton(app, t.client)),
                    h("td", { class: "num", text: euros(t.pastDue) }),
                    h("td", {
                      text: t.nextStepDate
                        ? `${t.nextStep} (${frDate(t.nextStepDate)})`
                        : t.nextStep,
                    }),
                  ),
                ),
              ),
            ),
          ),
      h("h3", { text: "Balance âgée" }),
      scrolling(
        "Balance âgée",
        h(
          "table",
          { class: "invoices", id: "overview-ageing" },
          h(
            "thead",
            {},
            h("tr", {}, ...["Client", ...BUCKETS, "Total"].map((t) => h("th", { text: t }))),
          ),
          h(
            "tbody",
            {},
            ...o.ageing.map((r) =>
              h(
                "tr",
                {},
                h("td", {}, clientButton(app, r.client)),
                ...[...r.ageing, r.outstanding].map((v) =>
                  h("td", { class: "num", text: euros(v) }),
                ),
              ),
            ),
            h(
              "tr",
              { class: "total" },
              h("th", { text: "Total" }),
              ...[...o.ageingTotal, o.outstanding].map((v) =>
                h("th", { class: "num", text: euros(v) }),
              ),
            ),
          ),
        ),
      ),
      h("h3", { text: "Montant par statut" }),
      h(
        "table",
        { class: "invoices" },
        h(
          "tbody",
          {},
          ...o.byStatus.map((s) =>
            h(
              "tr",
              {},
              h("td", { text: s.status }),
              h("td", { class: "num", text: euros(s.amount) }),
              h("td", { class: "num", text: `${s.invoices} fact.` }),
            ),
          ),
        ),
      ),
      h("button", {
        type: "button",
        id: "overview-refresh",
        text: "Actualiser la feuille « Tableau de bord »",
        onclick: () => renderOverview(app, true),
      }),
      o.sheetRefreshed
        ? h("p", { class: "muted", text: "La feuille « Tableau de bord » est à jour." })
        : null,
      statementImport(app),
    );
  });
}

/** UTF-8 when the bytes are UTF-8, else Windows-1252 (what French banks and Excel write). */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (_) {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function statementImport(app: App): HTMLElement {
  const file = h("input", { type: "file", name: "statement", accept: ".csv,text/csv" });
  const review = h("div", { id: "statement-review", "aria-live": "polite" });
  let text = "";
  const preview = h("button", {
    type: "button",
    text: "Rapprocher le relevé",
    onclick: () => {
      const chosen = file.files?.[0];
      if (!chosen) return app.notify("Choisissez le fichier .csv du relevé.", "error");
      void chosen.arrayBuffer().then((bytes) => {
        text = decode(bytes);
        void app
          .busy("Rapprochement du relevé…", () => call("apiPreviewStatement", { text }))
          .then((r) => {
            if (r) drawReview(app, review, r, () => text);
          });
      });
    },
  });
  return h(
    "section",
    { class: "panel", id: "statement" },
    h("h3", { text: "Importer un relevé bancaire" }),
    h("p", {
      class: "muted",
      text: "Fichier .csv de votre banque (date ; libellé ; montant). Rien n'est enregistré avant votre confirmation.",
    }),
    field("Relevé (.csv)", file),
    preview,
    review,
  );
}

function drawReview(app: App, into: HTMLElement, r: StatementReview, text: () => string): void {
  clear(into);
  const boxes: HTMLInputElement[] = [];
  const matched = r.matched.map((m) => {
    const box = h("input", {
      type: "checkbox",
      value: String(m.line),
      checked: true,
      "aria-label": `Enregistrer la ligne ${m.line}`,
    });
    boxes.push(box);
    const to = m.allocations
      .map((a) => `${a.invoice} ${euros(a.amount)}${a.settled ? " (soldée)" : ""}`)
      .join(", ");
    return h(
      "li",
      {},
      h("label", {}, box, ` ${frDate(m.date)} — ${euros(m.amount)} — ${m.client} : ${to}`),
      h("small", {
        class: "hint block",
        text: `${m.kind === "invoice" ? "N° de facture dans le libellé" : "Montant exact et nom du client"} — ${m.label}`,
      }),
    );
  });
  const save = h("button", {
    type: "button",
    class: "primary",
    text: "Enregistrer les paiements cochés",
    onclick: () => {
      const lines = boxes.filter((b) => b.checked).map((b) => Number(b.value));
      if (lines.length === 0) return app.notify("Cochez au moins une ligne.", "error");
      save.disabled = true;
      void app
        .busy("Enregistrement des paiements…", () =>
          call("apiRecordStatement", { text: text(), lines }),
        )
        .then((done) => {
          save.disabled = false;
          if (!done) return;
          app.notify(done.message, "ok");
          drawReview(app, into, done.review, text);
        });
    },
  });
  append(
    into,
    h("h4", {
      text: `${r.matched.length} ligne${r.matched.length > 1 ? "s" : ""} rapprochée${r.matched.length > 1 ? "s" : ""}`,
    }),
    r.matched.length > 0 ? h("ul", { class: "plain", id: "statement-matched" }, ...matched) : null,
    r.matched.length > 0 ? save : null,
    h("h4", {
      text: `${r.unmatched.length} ligne${r.unmatched.length > 1 ? "s" : ""} non rapprochée${r.unmatched.length > 1 ? "s" : ""}`,
    }),
    h(
      "ul",
      { class: "plain", id: "statement-unmatched" },
      ...r.unmatched.map((u) =>
        h("li", { text: `${frDate(u.date)} — ${euros(u.amount)} — ${u.label} : ${u.reason}` }),
      ),
    ),
    r.debits > 0
      ? h("p", {
          class: "muted",
          text: `${r.debits} débit${r.debits > 1 ? "s" : ""} ignoré${r.debits > 1 ? "s" : ""}.`,
        })
      : null,
    ...r.problems.map((p) => h("p", { class: "error", text: p })),
  );
}
