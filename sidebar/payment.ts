// « Paiement reçu » in a dossier: the date, the amount and the means; allocated to the
// oldest invoices first, or to those ticked. The server writes « Montant payé », the
// Journal and, for a partial payment, « Date reconnaissance » (C. civ. 2240).
import type { ApiRequest } from "../src/sidebar-contract";
import { call } from "./client";
import { field, h } from "./dom";
import type { DossierContext } from "./dossier";

const MEANS: ApiRequest<"apiRecordPayment">["means"][] = [
  "Virement",
  "Chèque",
  "Carte",
  "Espèces",
  "Compensation",
];

/** « 1 234,56 », « 1234.56 » → 1234.56; NaN when it is not an amount. */
function amountOf(text: string): number {
  const t = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : Number.NaN;
}

export function paymentPanel(ctx: DossierContext): HTMLElement {
  const date = h("input", {
    type: "date",
    name: "paymentDate",
    value: ctx.dossier.today,
    max: ctx.dossier.today,
  });
  const amount = h("input", {
    type: "text",
    name: "paymentAmount",
    inputmode: "decimal",
    placeholder: "1 234,56",
  });
  const means = h(
    "select",
    { name: "paymentMeans" },
    ...MEANS.map((m) => h("option", { value: m, text: m })),
  );
  const where = h(
    "select",
    { name: "paymentAllocation" },
    h("option", { value: "oldest", text: "Aux factures les plus anciennes d'abord" }),
    h("option", { value: "ticked", text: "Aux factures cochées seulement" }),
  );
  const save = h("button", {
    type: "button",
    class: "primary",
    text: "Enregistrer le paiement",
    onclick: () => {
      const value = amountOf(amount.value);
      if (!(value > 0))
        return ctx.app.notify("Montant reçu : un montant en euros, par exemple 1 234,56.", "error");
      const r: ApiRequest<"apiRecordPayment"> = {
        client: ctx.dossier.client,
        date: date.value,
        amount: value,
        means: means.value as ApiRequest<"apiRecordPayment">["means"],
      };
      if (where.value === "ticked") {
        const invoices = ctx.selected();
        if (invoices.length === 0) return ctx.app.notify("Cochez au moins une facture.", "error");
        r.invoices = invoices;
      }
      save.disabled = true;
      void ctx.app
        .busy("Enregistrement du paiement…", () => call("apiRecordPayment", r))
        .then((done) => {
          save.disabled = false;
          if (!done) return;
          ctx.refresh(done.dossier);
          ctx.app.notify(done.message, "ok");
        });
    },
  });
  return h(
    "div",
    {},
    field("Date du paiement", date),
    field("Montant reçu", amount),
    field("Moyen de paiement", means),
    field(
      "Affecter",
      where,
      "Un paiement partiel met à jour « Date reconnaissance » (C. civ. 2240).",
    ),
    save,
  );
}
