// Noting an exchange: the Journal keeps it, and its outcome changes the ledger (a promise
// suspends, a dispute stops, a signed acknowledgment restarts prescription).
import type { CalendarDate } from "../src/domain/calendar-date";
import { agreedPastPrescription } from "../src/domain/prescription";
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
  const save: HTMLButtonElement = h("button", {
    type: "button",
    class: "primary",
    text: "Enregistrer l'échange",
    onclick: async () => {
      const invoices = ctx.selected();
      if (invoices.length === 0)
        return ctx.app.fieldError(ctx.firstBox(), "Cochez au moins une facture.");
      if (!dateField.hidden && !outcomeDate.value)
        return ctx.app.fieldError(outcomeDate, "Indiquez la date.");
      // A promise past the last day to act would let the claim be prescribed meanwhile.
      if (outcome.value === "promise" && outcomeDate.value) {
        const late = agreedPastPrescription(
          ctx.dossier.invoices
            .filter((i) => invoices.includes(i.invoice) && i.prescription)
            .map((i) => ({ invoice: i.invoice, lastDayToAct: i.prescription as CalendarDate })),
          outcomeDate.value as CalendarDate,
        );
        if (
          late &&
          !(await ctx.app.confirm({
            title: "La prescription tombe avant la promesse",
            lines: [late, "Enregistrer quand même la promesse ?"],
            confirm: "Enregistrer quand même",
            cancel: "Revenir",
          }))
        )
          return;
      }
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
        .busy("Enregistrement de l'échange…", () => call("apiLogExchange", r), save)
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
