// « Paramètres » through the API: the creditor's identity and payment details (in every
// message), the ladder per profile, quotas, the daily hour and automatic sending, and the
// email templates with their live preview.

import type { LadderOffsets } from "../src/domain/ladder";
import { DEFAULT_SETTINGS, type RecoverySettings, RUN_SETTING_RULES } from "../src/domain/settings";
import type { ApiRequest, SettingsView } from "../src/sidebar-contract";
import type { App } from "./app";
import { call } from "./client";
import { field, h } from "./dom";
import { templateEditor } from "./templates";

const CREDITOR_FIELDS: [keyof SettingsView["creditor"], string, string?][] = [
  ["companyName", "Raison sociale"],
  ["address", "Adresse"],
  ["city", "Ville"],
  ["siren", "SIREN", "9 chiffres"],
  ["email", "Email de réponse"],
  ["phone", "Téléphone"],
  ["signature", "Signature", "Prénom Nom, fonction"],
  ["iban", "IBAN"],
  ["bic", "BIC"],
  ["paymentReference", "Référence à rappeler", "{{factures}} = les numéros de facture"],
  ["paymentLink", "Lien de paiement", "Facultatif, https://…"],
];
const PROFILES = ["Standard", "Fidèle", "En difficulté", "Récalcitrant"] as const;
const STEPS = [
  [1, "Courtoisie"],
  [2, "Ferme"],
  [3, "Mise en demeure"],
  [4, "Transmission"],
] as const;

export function renderSettings(app: App): void {
  app.show("settings", (main) =>
    main.append(h("h2", { text: "Paramètres" }), h("p", { class: "muted", text: "Chargement…" })),
  );
  void app
    .busy("Chargement des paramètres…", () => call("apiGetSettings", {}))
    .then((s) => {
      if (s) drawSettings(app, s);
    });
}

function drawSettings(app: App, s: SettingsView): void {
  app.show("settings", (main) => {
    const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
    const creditor = CREDITOR_FIELDS.map(([key, label, hint]) => {
      const input =
        key === "address"
          ? h("textarea", { name: key, rows: "2" })
          : h("input", { type: key === "email" ? "email" : "text", name: key });
      input.value = s.creditor[key];
      inputs.set(key, input);
      return field(label, input, hint);
    });
    const number = (name: string, value: number, min: number, max: number) => {
      const input = h("input", { type: "number", name, min: String(min), max: String(max) });
      input.value = String(value);
      return input;
    };
    // The bounds the server checks (one rule, in the domain); the input only hints at them.
    const bounded = (key: keyof typeof RUN_SETTING_RULES, value: number) =>
      number(key, value, RUN_SETTING_RULES[key].min, RUN_SETTING_RULES[key].max);
    const sendHour = bounded("sendHour", s.sendHour);
    const gapDays = bounded("gapDays", s.gapDays);
    const deadline = bounded("formalNoticeDeadlineDays", s.formalNoticeDeadlineDays);
    const account = h(
      "select",
      { name: "account" },
      h("option", { value: "consumer", text: "Gmail (100 emails / jour)" }),
      h("option", { value: "workspace", text: "Google Workspace (1 500 / jour)" }),
    );
    account.value = s.account;
    const autoRun = h("input", { type: "checkbox", name: "autoRun", checked: s.autoRun });
    const ladderInputs: Record<string, HTMLInputElement> = {};
    const ladder = h(
      "table",
      { class: "ladder" },
      h("caption", { text: "Échelle : jours après l'échéance (vide = étape sautée)" }),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col", text: "Étape" }),
          ...PROFILES.map((p) => h("th", { scope: "col", text: p })),
        ),
      ),
      h(
        "tbody",
        {},
        ...STEPS.map(([step, label]) =>
          h(
            "tr",
            {},
            h("th", { scope: "row", text: label }),
            ...PROFILES.map((p) => {
              const v = s.ladder[p][step];
              const input = h("input", {
                type: "number",
                min: "0",
                max: "365",
                "aria-label": `${label}, ${p}`,
              });
              input.value = v === null ? "" : String(v);
              ladderInputs[`${p}|${step}`] = input;
              return h("td", {}, input);
            }),
          ),
        ),
      ),
    );
    const creditorValues = () =>
      Object.fromEntries(
        CREDITOR_FIELDS.map(([k]) => [k, inputs.get(k)?.value.trim() ?? ""]),
      ) as unknown as SettingsView["creditor"];
    // What the preview needs of the settings, as the form holds them now.
    const currentSettings = (): RecoverySettings => ({
      digest: DEFAULT_SETTINGS.digest, // the preview sends nothing
      creditor: creditorValues(),
      account: s.account,
      sendHour: s.sendHour,
      sendUntilHour: 18, // the sending window does not change an email's text
      ladder: {
        offsets: Object.fromEntries(
          PROFILES.map((p) => [
            p,
            Object.fromEntries(
              STEPS.flatMap(([step]) => {
                const v = s.ladder[p][step];
                return v === null ? [] : [[step, v]];
              }),
            ) as LadderOffsets,
          ]),
        ) as Record<(typeof PROFILES)[number], LadderOffsets>,
        gapDays: s.gapDays,
        formalNoticeDeadlineDays: Number(deadline.value) || s.formalNoticeDeadlineDays,
      },
      rates: s.rates,
      templates: [],
    });
    const templates = templateEditor(s, currentSettings);
    const save = h("button", {
      type: "button",
      class: "primary",
      text: "Enregistrer",
      onclick: () => {
        const ladderValues = Object.fromEntries(
          PROFILES.map((p) => [
            p,
            Object.fromEntries(
              STEPS.map(([step]) => {
                const raw = ladderInputs[`${p}|${step}`]?.value ?? "";
                return [step, raw === "" ? null : Number(raw)];
              }),
            ),
          ]),
        ) as ApiRequest<"apiSaveSettings">["ladder"];
        const request: ApiRequest<"apiSaveSettings"> = {
          creditor: creditorValues(),
          account: account.value as "consumer",
          sendHour: Number(sendHour.value),
          gapDays: Number(gapDays.value),
          formalNoticeDeadlineDays: Number(deadline.value),
          ladder: ladderValues,
          autoRun: autoRun.checked,
          templates: templates.values(),
        };
        // The browser's own checks first (a number out of range), said next to the field.
        const invalid = [...main.querySelectorAll<HTMLInputElement>("input")].find(
          (i) => !i.checkValidity(),
        );
        if (invalid) return app.fieldError(invalid, rangeMessage(invalid));
        save.disabled = true;
        void app
          .busy("Enregistrement des paramètres…", () =>
            call("apiSaveSettings", request).catch((e: unknown) => {
              showRefusal(main, app, save, e instanceof Error ? e.message : String(e));
              return undefined;
            }),
          )
          .then((next) => {
            save.disabled = false;
            if (!next) return;
            drawSettings(app, next);
            app.notify("Paramètres enregistrés dans « Paramètres ».", "ok");
          })
          .catch(() => {});
      },
    });
    main.append(
      h("h2", { text: "Paramètres" }),
      ...s.problems.map((p) => h("p", { class: "note", text: p })),
      h("h3", { text: "Votre entreprise et le paiement" }),
      ...creditor,
      h("h3", { text: "Envois" }),
      h("label", { class: "check" }, autoRun, " Relances automatiques chaque jour"),
      field(
        `Heure d'envoi (${RUN_SETTING_RULES.sendHour.min} à ${RUN_SETTING_RULES.sendHour.max})`,
        sendHour,
      ),
      field("Type de compte", account),
      field("Délai minimal entre deux contacts (jours)", gapDays),
      field("Délai de la mise en demeure (jours)", deadline),
      h("div", { class: "scroll" }, ladder),
      templates.element,
      save,
    );
    // Edits not saved are not lost silently when the user switches tabs.
    const snapshot = () =>
      JSON.stringify([
        [...main.querySelectorAll<HTMLInputElement>("input, select, textarea")].map((i) =>
          i.type === "checkbox" ? i.checked : i.value,
        ),
        templates.values(),
      ]);
    const initial = snapshot();
    app.guard(() => main.isConnected && snapshot() !== initial);
    // The preview shows the creditor's details and the deadline as they are being typed.
    main.addEventListener("input", (e) => {
      if (!templates.element.contains(e.target as Node)) templates.refresh();
    });
  });
}

/** « Entre 0 et 23 » for a number field out of its range. */
function rangeMessage(input: HTMLInputElement): string {
  if (input.validity.badInput || input.validity.stepMismatch) return "Nombre entier attendu.";
  if (input.min && input.max) return `Nombre entier de ${input.min} à ${input.max} attendu.`;
  return "Valeur invalide.";
}

/** The server's refusal (« Demande refusée — SIREN : 9 chiffres attendus ; … »), each part
 * said next to the field whose label it names; the first one focused. */
function showRefusal(main: HTMLElement, app: App, save: HTMLElement, message: string): void {
  const parts = message.replace(/^.*?— /, "").split(" ; ");
  let placed = false;
  for (const part of [...parts].reverse()) {
    const [label, ...rest] = part.split(" : ");
    const what = rest.join(" : ");
    const control = [...main.querySelectorAll("label")].find(
      (l) => l.textContent?.replace(/\u00a0/g, " ").trim() === label?.trim(),
    )?.control as HTMLElement | null | undefined;
    if (control && what) {
      app.fieldError(control, what);
      placed = true;
    }
  }
  if (!placed) app.say(save, message, "error");
}
