// Noting an exchange: the Journal keeps it, and its outcome changes the ledger (a promise
// suspends, a dispute stops, a signed acknowledgment restarts prescription).
import type { ApiRequest } from "../src/sidebar-contract";
import { call } from "./client";
import { field, h } from "./dom";
import type { DossierContext } from "./dossier";

const OUTCOMES: [ApiRequest<"apiLogExchange">["outcome"], string][] = [
  ["promise", "Promesse de paiement"],
  ["paymentAnnounced", "Paiement annoncé"],
  ["dispute", "Litige soulevé"],
  ["acknowledgmentSigned", "Reconnaissance de dette signée"],
  ["noAnswer", "Sans réponse"],
  ["other", "Autre"],
];

export function exchangePanel(ctx: DossierContext): HTMLElement {
  const date = h("input", { type: "date", name: "exchangeDate", value: ctx.dossier.today });
  const channel = h(
    "select",
    { name: "channel" },
    ...["Appel", "Email reçu", "Courrier reçu", "Rendez-vous"].map((c) =>
      h("option", { value: c, text: c }),
    ),
  );
  const contact = h("input", { type: "text", name: "contact", maxlength: "200" });
  const notes = h("textarea", { name: "notes", rows: "3", maxlength: "2000" });
  const outcome = h(
    "select",
    { name: "outcome" },
    ...OUTCOMES.map(([v, l]) => h("option", { value: v, text: l })),
  );
  const outcomeDate = h("input", { type: "date", name: "outcomeDate" });
  const dateField = field("Date promise / de signature", outcomeDate);
  const sync = () => {
    dateField.hidden = !(outcome.value === "promise" || outcome.value === "acknowledgmentSigned");
  };
  outcome.addEventListener("change", sync);
  sync();
  const save = h("button", {
    type: "button",
    class: "primary",
    text: "Enregistrer l'échange",
    onclick: () => {
      const invoices = ctx.selected();
      if (invoices.length === 0) return ctx.app.notify("Cochez au moins une facture.", "error");
      const r: ApiRequest<"apiLogExchange"> = {
        client: ctx.dossier.client,
        invoices,
        date: date.value,
        channel: channel.value as "Appel",
        contact: contact.value,
        notes: notes.value,
        outcome: outcome.value as "promise",
      };
      if (!dateField.hidden && outcomeDate.value) r.outcomeDate = outcomeDate.value;
      save.disabled = true;
      void ctx.app
        .busy("Enregistrement de l'échange…", () => call("apiLogExchange", r))
        .then((d) => {
          save.disabled = false;
          if (!d) return;
          ctx.refresh(d);
          ctx.app.notify("Échange enregistré dans le Journal.", "ok");
        });
    },
  });
  return h(
    "div",
    {},
    field("Date", date),
    field("Canal", channel),
    field("Interlocuteur", contact),
    field("Ce qui a été dit", notes),
    field("Résultat", outcome),
    dateField,
    save,
  );
}
