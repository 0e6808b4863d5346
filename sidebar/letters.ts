// Letters: choose, fill what the letter needs, preview it exactly as the Doc will read,
// then create the Doc and its PDF (and email it if asked). Nothing is created before.
import { LETTER_KINDS, type LetterKind } from "../src/domain/messages/letter-kinds";
import { parseAmountText } from "../src/domain/money";
import { FREQUENCIES, type Frequency, MAX_INSTALMENTS } from "../src/domain/payment-plan";
import type { ApiRequest } from "../src/sidebar-contract";
import { call } from "./client";
import { clear, field, h, link } from "./dom";
import type { DossierContext } from "./dossier";
import { euros } from "./format";
import { renderDocument } from "./preview";

const KINDS = Object.entries(LETTER_KINDS) as [LetterKind, string][];

const NEEDS_IDENTITY: LetterKind[] = ["paymentPlan", "acknowledgment", "partialSettlement"];

/** An amount field read as « Créances » reads amounts: undefined when blank, NaN when not an
 * amount. */
export function parseAmount(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  return parseAmountText(text) ?? Number.NaN;
}

/** The periodicities of an échéancier, monthly first (the usual one, selected). */
export function frequencyOptions(): HTMLOptionElement[] {
  return (Object.entries(FREQUENCIES) as [Frequency, string][]).map(([value, label]) =>
    h("option", { value, text: label.charAt(0).toUpperCase() + label.slice(1) }),
  );
}

export function letterPanel(ctx: DossierContext): HTMLElement {
  const kind = h(
    "select",
    { name: "kind" },
    ...KINDS.map(([v, l]) => h("option", { value: v, text: l })),
  );
  const address = h("textarea", { name: "address", rows: "2" });
  const representative = h("input", { type: "text", name: "representative" });
  const amount = h("input", { type: "text", name: "amount", inputmode: "decimal" });
  const count = h("input", {
    type: "number",
    name: "count",
    min: "1",
    max: String(MAX_INSTALMENTS),
    value: "6",
  });
  const firstDate = h("input", { type: "date", name: "firstDate" });
  const frequency = h("select", { name: "frequency" }, ...frequencyOptions());
  const withPlan = h("input", { type: "checkbox", name: "withPlan" });
  const settlement = h("input", { type: "text", name: "settlement", inputmode: "decimal" });
  const payBy = h("input", { type: "date", name: "payBy" });
  const sendEmail = h("input", {
    type: "checkbox",
    name: "sendEmail",
    disabled: ctx.dossier.email === "",
  });
  const extra = h("div", { class: "extra" });
  const out = h("div", { class: "letter-out" });

  const drawExtra = () => {
    clear(extra);
    const k = kind.value as LetterKind;
    if (NEEDS_IDENTITY.includes(k))
      extra.append(
        field("Adresse du client", address),
        field("Signataire pour le client", representative, "Ex. : M. Paul Moreau, gérant"),
        field("Montant (€)", amount, `Vide = reste dû (${euros(ctx.dossier.totals.outstanding)})`),
      );
    if (k === "acknowledgment")
      extra.append(h("label", { class: "check" }, withPlan, " Avec échéancier"));
    if (k === "paymentPlan" || k === "acknowledgment")
      extra.append(
        field("Nombre d'échéances", count),
        field("Première échéance", firstDate),
        field("Périodicité", frequency),
      );
    if (k === "partialSettlement")
      extra.append(
        field("Montant réglé par le client (€)", settlement),
        field("À régler au plus tard le", payBy),
      );
  };
  kind.addEventListener("change", () => {
    drawExtra();
    clear(out);
  });
  drawExtra();

  /** A field's problem: the control to mark, and what to say next to it. */
  type Problem = { control: HTMLElement; message: string };
  const request = (): ApiRequest<"apiPreviewLetter"> | Problem => {
    const invoices = ctx.selected();
    if (invoices.length === 0)
      return { control: ctx.firstBox(), message: "Cochez au moins une facture." };
    const k = kind.value as LetterKind;
    const r: ApiRequest<"apiPreviewLetter"> = { client: ctx.dossier.client, kind: k, invoices };
    if (NEEDS_IDENTITY.includes(k)) {
      if (address.value.trim()) r.address = address.value.trim();
      if (representative.value.trim()) r.representative = representative.value.trim();
      const a = parseAmount(amount.value);
      if (Number.isNaN(a)) return { control: amount, message: "Nombre attendu (ex. 1 850,50)." };
      if (a !== undefined) r.amount = a;
    }
    if (k === "paymentPlan" || (k === "acknowledgment" && withPlan.checked)) {
      if (!firstDate.value)
        return { control: firstDate, message: "Indiquez la date de la première échéance." };
      r.plan = {
        count: Number(count.value),
        firstDate: firstDate.value,
        frequency: frequency.value as Frequency,
      };
    }
    if (k === "partialSettlement") {
      const s = parseAmount(settlement.value);
      if (s === undefined || Number.isNaN(s))
        return { control: settlement, message: "Indiquez le montant réglé par le client." };
      if (!payBy.value) return { control: payBy, message: "Indiquez la date limite." };
      r.settlement = { amount: s, payBy: payBy.value };
    }
    return r;
  };
  const isProblem = (r: ReturnType<typeof request>): r is Problem => "control" in r;

  // « Créer » is for the letter just previewed: any change after the preview withdraws it.
  let previewed = "";
  const sameAsPreview = () => {
    const r = request();
    return !isProblem(r) && previewed !== "" && JSON.stringify(r) === previewed;
  };
  const withdraw = () => {
    if (!panel.isConnected) {
      ctx.app.main.removeEventListener("input", withdraw);
      ctx.app.main.removeEventListener("change", withdraw);
      return;
    }
    if (previewed === "" || sameAsPreview()) return;
    previewed = "";
    createButton.disabled = true;
    clear(out);
    out.append(
      h("p", { class: "muted", text: "Le courrier a changé : refaites l'aperçu avant de créer." }),
    );
  };

  const previewButton: HTMLButtonElement = h("button", {
    type: "button",
    class: "secondary",
    text: "Aperçu",
    onclick: () => {
      const r = request();
      if (isProblem(r)) return ctx.app.fieldError(r.control, r.message);
      void ctx.app
        .busy("Préparation de l'aperçu…", () => call("apiPreviewLetter", r), previewButton)
        .then((p) => {
          if (!p) return;
          clear(out);
          for (const w of p.warnings) out.append(h("p", { class: "note", role: "note", text: w }));
          out.append(renderDocument(p.document, "Aperçu du courrier"));
          if (p.email)
            out.append(
              h("h4", { text: `Email à ${p.recipient}` }),
              renderDocument(p.email, "Aperçu de l'email"),
            );
          recipient = p.recipient;
          title = p.document.title;
          previewed = JSON.stringify(r);
          createButton.disabled = false;
        });
    },
  });
  let recipient = "";
  let title = "";
  const createButton: HTMLButtonElement = h("button", {
    type: "button",
    class: "primary",
    text: "Créer le document",
    disabled: true,
    onclick: async () => {
      const r = request();
      if (isProblem(r)) return ctx.app.fieldError(r.control, r.message);
      if (!sameAsPreview()) return withdraw();
      const emailed = sendEmail.checked && !sendEmail.disabled;
      if (emailed) {
        const chosen = ctx.dossier.invoices.filter((i) => r.invoices.includes(i.invoice));
        const ok = await ctx.app.confirm({
          title: "Envoyer ce courrier par email ?",
          lines: [
            // The step by its name: a subject (« Relance : factures … impayées ») may not say it.
            `Étape : ${LETTER_KINDS[r.kind]}.`,
            `Objet : ${title}.`,
            `Destinataire : ${recipient || "aucune adresse"}.`,
            `Factures : ${chosen.map((i) => `${i.invoice} (${euros(i.outstanding)})`).join(", ")}.`,
            `Reste dû : ${euros(chosen.reduce((s, i) => s + i.outstanding, 0))}.`,
          ],
          confirm: "Créer et envoyer",
        });
        if (!ok) return;
      }
      createButton.disabled = true;
      const recordPlan = r.kind === "paymentPlan" && agreeToo.checked;
      const c = await ctx.app.busy(
        "Création du document et du PDF…",
        () =>
          call("apiCreateLetter", {
            ...r,
            sendEmail: emailed,
            ...(emailed ? { confirmedRecipient: recipient } : {}),
          }),
        createButton,
      );
      if (!c) {
        createButton.disabled = false;
        return;
      }
      let dossier = c.dossier;
      let planNote = "";
      if (recordPlan && r.plan) {
        const agreed = await ctx.app.busy("Enregistrement de l'échéancier…", () =>
          call("apiAgreePlan", {
            client: r.client,
            invoices: r.invoices,
            ...(r.amount !== undefined ? { total: r.amount } : {}),
            ...r.plan,
          } as ApiRequest<"apiAgreePlan">),
        );
        if (agreed) {
          dossier = agreed;
          planNote = " Échéancier enregistré : relances suspendues, rappels d'échéance programmés.";
        }
      }
      ctx.refresh(dossier);
      ctx.app.notify(
        `${c.title} : ${doneWord(c.outcome)}${c.emailedTo ? ` à ${c.emailedTo}` : ""}.${planNote}`,
        "ok",
      );
      ctx.app.main.prepend(
        h(
          "p",
          { class: "created", id: "created-links" },
          "Document créé : ",
          link(c.docUrl, "Ouvrir le document"),
          " · ",
          link(c.pdfUrl, "Ouvrir le PDF"),
        ),
      );
    },
  });
  const agreeToo = h("input", { type: "checkbox", name: "agreePlan", checked: true });
  const agreeField = h(
    "label",
    { class: "check" },
    agreeToo,
    " Enregistrer aussi l'échéancier (relances suspendues, rappels d'échéance)",
  );
  const syncAgree = () => {
    agreeField.hidden = kind.value !== "paymentPlan";
  };
  kind.addEventListener("change", syncAgree);
  syncAgree();
  const panel = h(
    "div",
    {},
    field("Courrier", kind),
    extra,
    agreeField,
    h("label", { class: "check" }, sendEmail, " Envoyer le PDF par email au client"),
    h("div", { class: "buttons" }, previewButton, createButton),
    out,
  );
  // Any change in the panel or in the ticked invoices after a preview withdraws « Créer ».
  ctx.app.main.addEventListener("input", withdraw);
  ctx.app.main.addEventListener("change", withdraw);
  return panel;
}

/** The outcome said of a document: « créé », « envoyé », « tâche à faire »… */
function doneWord(outcome: string): string {
  if (outcome === "Envoyé") return "envoyé";
  return outcome.charAt(0).toLowerCase() + outcome.slice(1);
}
