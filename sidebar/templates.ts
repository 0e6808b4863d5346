// The email templates of « Paramètres »: one per step and profile, in plain text with
// {{placeholders}}, and a live preview as you type — the email a dossier of the ledger
// would receive, built in the page by the domain's own builders (no server call per key).

import { PROFILES, type Profile } from "../src/domain/ladder";
import { previewTemplate } from "../src/domain/messages/template-preview";
import {
  PLACEHOLDERS,
  STARTER_TEMPLATES,
  TEMPLATE_STEP_LABELS,
  TEMPLATE_STEPS,
  type TemplateStep,
} from "../src/domain/messages/templates";
import type { RecoverySettings } from "../src/domain/settings";
import type { MessageTemplate, SettingsView } from "../src/sidebar-contract";
import { clear, field, h } from "./dom";
import { renderDocument } from "./preview";

const PREVIEW_DELAY_MS = 150;

export interface TemplateEditor {
  element: HTMLElement;
  /** Every template written, the one being edited included. */
  values(): MessageTemplate[];
  /** Draws the preview again soon, e.g. when the creditor's details change. */
  refresh(): void;
}

/** `settings()` gives the other settings as the form holds them now (creditor, rates…). */
export function templateEditor(s: SettingsView, settings: () => RecoverySettings): TemplateEditor {
  const written = new Map<string, MessageTemplate>(
    s.templates.map((t) => [`${t.step}|${t.profile}`, { ...t }]),
  );
  const step = h(
    "select",
    { name: "templateStep" },
    ...TEMPLATE_STEPS.map((n) => h("option", { value: String(n), text: TEMPLATE_STEP_LABELS[n] })),
  );
  const profile = h(
    "select",
    { name: "templateProfile" },
    ...PROFILES.map((p) => h("option", { value: p, text: p })),
  );
  const subject = h("input", { type: "text", name: "templateSubject", maxlength: "200" });
  const body = h("textarea", { name: "templateBody", rows: "10", maxlength: "5000" });
  const problems = h("div", { class: "template-problems", "aria-live": "polite" });
  const preview = h("div", { class: "template-preview" });
  const current = (): MessageTemplate => ({
    step: Number(step.value) as TemplateStep,
    profile: profile.value as Profile,
    subject: subject.value,
    body: body.value,
  });
  const keep = () => {
    const t = current();
    written.set(`${t.step}|${t.profile}`, t);
  };
  const load = () => {
    const t = written.get(`${step.value}|${profile.value}`);
    subject.value = t?.subject ?? "";
    body.value = t?.body ?? "";
    draw();
  };

  const draw = () => {
    clear(problems);
    clear(preview);
    const t = current();
    const builtIn = t.subject.trim() === "" && t.body.trim() === "";
    if (!s.sample) {
      preview.append(
        h("p", { class: "muted", text: "Aperçu : aucune facture échue dans « Créances »." }),
      );
      return;
    }
    const p = previewTemplate(s.sample, settings(), t);
    for (const problem of p.problems) problems.append(h("p", { class: "error", text: problem }));
    for (const blank of p.blanks)
      problems.append(
        h("p", { class: "note", text: `{{${blank}}} est vide pour ce dossier d'exemple.` }),
      );
    preview.append(
      h("h4", { text: builtIn ? "Aperçu (texte de Recouvra)" : "Aperçu" }),
      h("p", { class: "muted", text: `Dossier d'exemple : ${s.sample.client}` }),
      renderDocument(p.email, "Aperçu de l'email"),
    );
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(draw, PREVIEW_DELAY_MS);
  };
  const onInput = () => {
    keep();
    refresh();
  };
  subject.addEventListener("input", onInput);
  body.addEventListener("input", onInput);
  step.addEventListener("change", load);
  profile.addEventListener("change", load);

  const starter = h("button", {
    type: "button",
    class: "secondary",
    text: "Partir d'un exemple",
    onclick: () => {
      const s0 = STARTER_TEMPLATES[Number(step.value) as TemplateStep];
      subject.value = s0.subject;
      body.value = s0.body;
      keep();
      draw();
    },
  });
  const reset = h("button", {
    type: "button",
    class: "secondary",
    text: "Texte de Recouvra",
    onclick: () => {
      subject.value = "";
      body.value = "";
      keep();
      draw();
    },
  });

  const element = h(
    "section",
    { class: "templates", "aria-label": "Modèles d'emails" },
    h("h3", { text: "Modèles d'emails" }),
    h("p", {
      class: "muted",
      text: "Vide = le texte de Recouvra. Le tableau des factures, le montant, les mentions légales et le paiement sont toujours ajoutés, à la place de {{detail}} ou après le texte.",
    }),
    field("Email", step),
    field("Profil du client", profile),
    field("Objet", subject),
    field("Texte", body, "Paragraphes séparés par une ligne vide"),
    h(
      "details",
      { class: "panel" },
      h("summary", { text: "Variables" }),
      h(
        "ul",
        { class: "placeholders" },
        ...Object.entries(PLACEHOLDERS).map(([name, what]) =>
          h("li", {}, h("code", { text: `{{${name}}}` }), ` ${what}`),
        ),
      ),
    ),
    h("div", { class: "actions" }, starter, " ", reset),
    problems,
    preview,
  );
  load();
  return {
    element,
    values: () => {
      keep();
      return [...written.values()].filter((t) => t.subject.trim() !== "" || t.body.trim() !== "");
    },
    refresh,
  };
}
