// The échéancier: terms in, the domain's schedule out (capped at 24 months, acceleration
// clause), then « Convenir » records it, suspends the ladder and schedules its reminders.
import { type Frequency, MAX_INSTALMENTS } from "../src/domain/payment-plan";
import type { ApiRequest } from "../src/sidebar-contract";
import { call } from "./client";
import { clear, field, h } from "./dom";
import type { DossierContext } from "./dossier";
import { euros, frDate } from "./format";
import { frequencyOptions, parseAmount } from "./letters";

export function planPanel(ctx: DossierContext): HTMLElement {
  const total = h("input", { type: "text", name: "planTotal", inputmode: "decimal" });
  const count = h("input", {
    type: "number",
    name: "planCount",
    min: "1",
    max: String(MAX_INSTALMENTS),
    value: "6",
  });
  const firstDate = h("input", { type: "date", name: "planFirstDate" });
  const frequency = h("select", { name: "planFrequency" }, ...frequencyOptions());
  const out = h("div", { class: "plan-out", "aria-live": "polite" });

  const request = (): ApiRequest<"apiSchedulePlan"> | string => {
    const invoices = ctx.selected();
    if (invoices.length === 0) return "Cochez au moins une facture.";
    if (!firstDate.value) return "Indiquez la date de la première échéance.";
    const r: ApiRequest<"apiSchedulePlan"> = {
      client: ctx.dossier.client,
      invoices,
      count: Number(count.value),
      firstDate: firstDate.value,
      frequency: frequency.value as Frequency,
    };
    const t = parseAmount(total.value);
    if (Number.isNaN(t)) return "Montant : nombre attendu (ex. 2 890,00).";
    if (t !== undefined) r.total = t;
    return r;
  };

  const agree = h("button", {
    type: "button",
    class: "primary",
    text: "Convenir de cet échéancier",
    disabled: true,
    onclick: () => {
      const r = request();
      if (typeof r === "string") return ctx.app.notify(r, "error");
      agree.disabled = true;
      void ctx.app
        .busy("Enregistrement de l'échéancier…", () => call("apiAgreePlan", r))
        .then((d) => {
          if (!d) {
            agree.disabled = false;
            return;
          }
          ctx.refresh(d);
          ctx.app.notify(
            "Échéancier enregistré : relances suspendues, rappels d'échéance programmés.",
            "ok",
          );
        });
    },
  });
  const compute = h("button", {
    type: "button",
    class: "secondary",
    text: "Calculer",
    onclick: () => {
      const r = request();
      if (typeof r === "string") return ctx.app.notify(r, "error");
      void ctx.app
        .busy("Calcul de l'échéancier…", () => call("apiSchedulePlan", r))
        .then((s) => {
          if (!s) return;
          clear(out);
          if (s.problems.length > 0) {
            for (const p of s.problems)
              out.append(h("p", { class: "error", role: "alert", text: p }));
            agree.disabled = true;
            return;
          }
          out.append(
            h("p", {
              text: `${euros(s.total)} en ${s.instalments.length} échéances ; relances suspendues jusqu'au ${frDate(s.suspendedUntil)}.`,
            }),
            h(
              "table",
              { class: "schedule" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { scope: "col", text: "N°" }),
                  h("th", { scope: "col", text: "Date" }),
                  h("th", { scope: "col", class: "num", text: "Montant" }),
                ),
              ),
              h(
                "tbody",
                {},
                ...s.instalments.map((i) =>
                  h(
                    "tr",
                    {},
                    h("td", { text: String(i.number) }),
                    h("td", { text: frDate(i.date) }),
                    h("td", { class: "num", text: euros(i.amount) }),
                  ),
                ),
              ),
            ),
            h("p", {
              class: "muted",
              text: "Une échéance impayée rend exigible la totalité du solde (déchéance du terme). Durée maximale : 24 mois.",
            }),
          );
          agree.disabled = false;
        });
    },
  });
  return h(
    "div",
    {},
    field("Montant (€)", total, `Vide = reste dû des factures cochées`),
    field("Nombre d'échéances", count),
    field("Première échéance", firstDate),
    field("Périodicité", frequency),
    h("div", { class: "buttons" }, compute, agree),
    out,
  );
}
