// The frame every view shares: the tabs (WAI-ARIA tabs: arrow keys, Home, End), one live
// region for messages and progress, the rule that a view calls the server once and renders
// what it gets, focus kept where the user is, and a guard against losing unsaved edits.
import { errorMessage } from "./client";
import { clear, h } from "./dom";

/** The views with a tab, in tab order. Another view is one more entry here and a route. */
export const TABS = [
  { view: "today", label: "Aujourd'hui" },
  { view: "overview", label: "Vue d'ensemble" },
  { view: "clients", label: "Clients" },
  { view: "dossier", label: "Dossier" },
  { view: "settings", label: "Paramètres" },
] as const;

export type ViewName = (typeof TABS)[number]["view"];

export interface ConfirmRequest {
  title: string;
  lines: string[];
  confirm: string;
  cancel?: string;
}

export interface App {
  main: HTMLElement;
  show(view: ViewName, render: (main: HTMLElement) => void): void;
  /** Runs a server call with its progress message; errors shown in French (next to
   * `near` when given, else at the top). */
  busy<T>(what: string, work: () => Promise<T>, near?: HTMLElement): Promise<T | undefined>;
  notify(message: string, kind?: "ok" | "error" | "info"): void;
  /** An error about one control: said next to it, the control marked and focused. */
  fieldError(control: HTMLElement, message: string): void;
  /** A message next to `near` (an action's result or refusal), where the eye is. */
  say(near: HTMLElement, message: string, kind: "ok" | "error" | "info"): void;
  /** Asks before something that cannot be undone; resolves true on confirmation. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** The current view has edits not saved yet while `dirty()` says so. */
  guard(dirty: () => boolean): void;
  openDossier(client: string): void;
  openToday(): void;
  openClients(): void;
  openOverview(): void;
  openSettings(): void;
}

export interface Routes {
  today(app: App): void;
  clients(app: App): void;
  overview(app: App): void;
  dossier(app: App, client: string): void;
  settings(app: App): void;
}

export function createApp(root: HTMLElement, routes: Routes): App {
  const tabs = new Map<ViewName, HTMLButtonElement>(
    TABS.map((t) => [
      t.view,
      h("button", {
        type: "button",
        role: "tab",
        class: "tab",
        id: `tab-${t.view}`,
        "aria-controls": "view",
        "aria-selected": "false",
        tabindex: "-1",
        text: t.label,
      }),
    ]),
  );
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const progress = h("div", { class: "progress", hidden: true, "aria-hidden": "true" });
  const main = h("main", { id: "view", role: "tabpanel", tabindex: "-1" });
  const overlay = h("div", { class: "overlay", hidden: true });
  let lastClient = "";
  let pending = 0;
  let dirty: (() => boolean) | null = null;
  let current: ViewName | null = null;
  clear(root);
  root.append(
    h("nav", { class: "tabs", role: "tablist", "aria-label": "Vues" }, ...tabs.values()),
    progress,
    status,
    main,
    overlay,
  );

  const leaveOk = async (): Promise<boolean> => {
    if (!dirty?.()) return true;
    const ok = await app.confirm({
      title: "Modifications non enregistrées",
      lines: ["Vos modifications de cette vue ne sont pas enregistrées. Les abandonner ?"],
      confirm: "Abandonner les modifications",
      cancel: "Rester",
    });
    if (ok) dirty = null;
    return ok;
  };

  const app: App = {
    main,
    show(view, render) {
      if (view !== current) dirty = null;
      current = view;
      const hadFocus = main.contains(document.activeElement) || document.activeElement === main;
      for (const [name, tab] of tabs) {
        const selected = name === view;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
      }
      main.setAttribute("aria-labelledby", `tab-${view}`);
      clear(main);
      render(main);
      // Focus follows the user: a view drawn after their action starts at its heading, not
      // at the top of the page.
      if (hadFocus || document.activeElement === document.body || !document.activeElement) {
        const heading = main.querySelector("h2");
        if (heading) {
          heading.tabIndex = -1;
          heading.focus({ preventScroll: false });
        }
      }
    },
    async busy(what, work, near) {
      pending++;
      progress.hidden = false;
      app.notify(what, "info");
      main.setAttribute("aria-busy", "true");
      try {
        const result = await work();
        if (status.dataset.kind === "info" && status.textContent === what) app.notify("");
        return result;
      } catch (e) {
        if (near?.isConnected) {
          app.notify("");
          app.say(near, errorMessage(e), "error");
        } else app.notify(errorMessage(e), "error");
        return undefined;
      } finally {
        pending--;
        if (pending === 0) {
          progress.hidden = true;
          main.removeAttribute("aria-busy");
        }
      }
    },
    notify(message, kind = "info") {
      status.textContent = message;
      status.dataset.kind = kind;
      status.setAttribute("role", kind === "error" ? "alert" : "status");
    },
    fieldError(control, message) {
      const id = `${control.id || "champ"}-erreur`;
      const holder = control.closest(".field") ?? control.parentElement ?? main;
      holder.querySelector(`.field-error[data-for="${control.id}"]`)?.remove();
      const note = h("p", {
        class: "field-error",
        id,
        role: "alert",
        "data-for": control.id,
        text: message,
      });
      holder.append(note);
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", id);
      const clearError = () => {
        control.removeAttribute("aria-invalid");
        control.removeAttribute("aria-describedby");
        note.remove();
      };
      control.addEventListener("input", clearError, { once: true });
      control.addEventListener("change", clearError, { once: true });
      control.focus();
      control.scrollIntoView({ block: "center" });
    },
    say(near, message, kind) {
      const holder = near.parentElement ?? main;
      holder.querySelector(":scope > .said")?.remove();
      const note = h("p", {
        class: `said ${kind}`,
        role: kind === "error" ? "alert" : "status",
        "data-kind": kind,
        text: message,
      });
      near.after(note);
      if (kind === "error") note.scrollIntoView({ block: "nearest" });
    },
    confirm(request) {
      return new Promise<boolean>((resolve) => {
        const before = document.activeElement as HTMLElement | null;
        clear(overlay);
        const done = (answer: boolean) => {
          overlay.hidden = true;
          clear(overlay);
          before?.focus();
          resolve(answer);
        };
        const yes = h("button", {
          type: "button",
          class: "primary",
          text: request.confirm,
          onclick: () => done(true),
        });
        const no = h("button", {
          type: "button",
          class: "secondary",
          text: request.cancel ?? "Annuler",
          onclick: () => done(false),
        });
        const dialog = h(
          "div",
          {
            class: "dialog",
            role: "alertdialog",
            "aria-modal": "true",
            "aria-labelledby": "dialog-title",
            "aria-describedby": "dialog-body",
          },
          h("h2", { id: "dialog-title", text: request.title }),
          h("div", { id: "dialog-body" }, ...request.lines.map((l) => h("p", { text: l }))),
          h("div", { class: "buttons" }, no, yes),
        );
        dialog.addEventListener("keydown", (e) => {
          if (e.key === "Escape") done(false);
          if (e.key === "Tab") {
            // Focus stays in the dialog while it is open.
            const first = no;
            const last = yes;
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first.focus();
            }
          }
        });
        overlay.append(dialog);
        overlay.hidden = false;
        no.focus();
      });
    },
    guard(check) {
      dirty = check;
    },
    openDossier(client) {
      void leaveOk().then((ok) => {
        if (!ok) return;
        lastClient = client;
        routes.dossier(app, client);
      });
    },
    openToday: () => void leaveOk().then((ok) => ok && routes.today(app)),
    openClients: () => void leaveOk().then((ok) => ok && routes.clients(app)),
    openOverview: () => void leaveOk().then((ok) => ok && routes.overview(app)),
    openSettings: () => void leaveOk().then((ok) => ok && routes.settings(app)),
  };

  const activate = (view: ViewName) => {
    if (view === "today") app.openToday();
    else if (view === "clients") app.openClients();
    else if (view === "overview") app.openOverview();
    else if (view === "settings") app.openSettings();
    else if (lastClient) app.openDossier(lastClient);
    else {
      app.show("dossier", (m) =>
        m.append(
          h("h2", { text: "Dossier" }),
          h("p", {
            class: "muted",
            text: "Choisissez un client dans « Clients » ou « Aujourd'hui », ou sélectionnez sa ligne dans « Créances ».",
          }),
        ),
      );
    }
  };
  for (const [view, tab] of tabs) {
    tab.addEventListener("click", () => activate(view));
    tab.addEventListener("keydown", (e) => {
      const order = [...tabs.keys()];
      const i = order.indexOf(view);
      const to =
        e.key === "ArrowRight"
          ? order[(i + 1) % order.length]
          : e.key === "ArrowLeft"
            ? order[(i - 1 + order.length) % order.length]
            : e.key === "Home"
              ? order[0]
              : e.key === "End"
                ? order[order.length - 1]
                : undefined;
      if (!to) return;
      e.preventDefault();
      tabs.get(to)?.focus();
      activate(to);
    });
  }
  return app;
}
