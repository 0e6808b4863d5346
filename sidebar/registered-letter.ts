// The registered letter of a mise en demeure: the user types La Poste's number, the day it
// was posted and, once the avis de réception is back, the day the debtor received it. The
// Journal keeps it; the dossier for the commissaire de justice lists it.
import { type CalendarDate, parseIsoDate } from "../src/domain/calendar-date";
import { registeredLetterFieldProblem } from "../src/domain/registered-letter";
import type { ApiRequest } from "../src/sidebar-contract";
import { call } from "./client";
import { field, h } from "./dom";
import type { DossierContext } from "./dossier";
import { frDate } from "./format";

export function registeredLetterPanel(ctx: DossierContext): HTMLElement {
  const d = ctx.dossier;
  const last = d.registeredLetters[d.registeredLetters.length - 1];
  const number = h("input", {
    type: "text",
    name: "lrarNumber",
    maxlength: "40",
    autocomplete: "off",
    value: last && !last.receivedOn ? last.number : "",
  });
  const postedOn = h("input", {
    type: "date",
    name: "lrarPostedOn",
    value: last && !last.receivedOn ? last.postedOn : d.today,
  });
  const receivedOn = h("input", { type: "date", name: "lrarReceivedOn" });
  const save = h("button", {
    type: "button",
    class: "primary",
    text: "Enregistrer le recommandé",
    onclick: () => {
      const invoices = ctx.selected();
      if (invoices.length === 0) return ctx.app.notify("Cochez au moins une facture.", "error");
      const posted = parseIsoDate(postedOn.value);
      if (!posted) return ctx.app.fieldError(postedOn, "Indiquez la date de dépôt.");
      const received = receivedOn.value ? parseIsoDate(receivedOn.value) : undefined;
      if (receivedOn.value && !received)
        return ctx.app.fieldError(receivedOn, "Date de réception invalide.");
      // The domain's own check, next to the field it is about (the server checks again).
      const problem = registeredLetterFieldProblem(
        {
          number: number.value,
          postedOn: posted,
          ...(received ? { receivedOn: received as CalendarDate } : {}),
        },
        d.today as CalendarDate,
      );
      if (problem) {
        const control = { number, postedOn, receivedOn }[problem.field];
        return ctx.app.fieldError(control, problem.message);
      }
      const r: ApiRequest<"apiRecordRegisteredLetter"> = {
        client: d.client,
        invoices,
        number: number.value,
        postedOn: postedOn.value,
      };
      if (receivedOn.value) r.receivedOn = receivedOn.value;
      save.disabled = true;
      void ctx.app
        .busy("Enregistrement du recommandé…", () => call("apiRecordRegisteredLetter", r))
        .then((next) => {
          save.disabled = false;
          if (!next) return;
          ctx.refresh(next);
          ctx.app.notify("Recommandé enregistré dans le Journal.", "ok");
        });
    },
  });
  return h(
    "div",
    {},
    d.address
      ? h("p", { class: "muted", text: `Adresse postale : ${d.address.replace(/\n+/g, ", ")}` })
      : h("p", {
          class: "note",
          text: "Adresse postale manquante : renseignez la colonne « Adresse » de « Créances » avant de poster.",
        }),
    d.registeredLetters.length > 0
      ? h(
          "ul",
          { class: "registered-letters", "aria-label": "Recommandés enregistrés" },
          ...d.registeredLetters.map((l) =>
            h("li", {
              text: `N° ${l.number} — posté le ${frDate(l.postedOn)}${l.receivedOn ? ` — reçu le ${frDate(l.receivedOn)}` : " — avis de réception attendu"}`,
            }),
          ),
        )
      : null,
    field("Numéro du recommandé", number, "Tel qu'imprimé sur la preuve de dépôt"),
    field("Posté le", postedOn),
    field("Reçu le (avis de réception)", receivedOn, "Vide tant que l'avis n'est pas revenu"),
    save,
  );
}
