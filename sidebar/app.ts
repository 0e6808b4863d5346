// The frame every view shares: the tabs, one live region for messages and progress, and
// the rule that a view calls the server once and renders what it gets.
import { errorMessage } from "./client";
import { clear, h } from "./dom";

export type ViewName = "today" | "overview" | "dossier" | "settings";

export interface App {
  main: HTMLElement;
  show(view: ViewName, render: (main: HTMLElement) => void): void;
  /** Runs a server call with its progress message; errors shown in French. */
  busy<T>(what: string, work: () => Promise<T>): Promise<T | undefined>;
  notify(message: string, kind?: "ok" | "error" | "info"): void;
  openDossier(client: string): void;
  openToday(): void;
  openOverview(): void;
  openSettings(): void;
}

export function createApp(
  root: HTMLElement,
  routes: {
    today(app: App): void;
    overview(app: App): void;
    dossier(app: App, client: string): void;
    settings(app: App): void;
  },
): App {
  const tabs = {
    today: h("button", { type: "button", role: "tab", class: "tab", text: "Aujourd'hui" }),
    overview: h("button", { type: "button", role: "tab", class: "tab", text: "Vue d'ensemble" }),
    dossier: h("button", { type: "button", role: "tab", class: "tab", text: "Dossier" }),
    settings: h("button", { type: "button", role: "tab", class: "tab", text: "Paramètres" }),
  };
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const progress = h("div", { class: "progress", hidden: true, "aria-hidden": "true" });
  const main = h("main", { id: "view", tabindex: "-1" });
  let lastClient = "";
  let pending = 0;
  clear(root);
  root.append(
    h(
      "nav",
      { class: "tabs", role: "tablist", "aria-label": "Vues" },
      tabs.today,
      tabs.overview,
      tabs.dossier,
      tabs.settings,
    ),
    progress,
    status,
    main,
  );

  const app: App = {
    main,
    show(view, render) {
      for (const [name, tab] of Object.entries(tabs))
        tab.setAttribute("aria-selected", String(name === view));
      clear(main);
      render(main);
    },
    async busy(what, work) {
      pending++;
      progress.hidden = false;
      app.notify(what, "info");
      main.setAttribute("aria-busy", "true");
      try {
        const result = await work();
        if (status.dataset.kind === "info" && status.textContent === what) app.notify("");
        return result;
      } catch (e) {
        app.notify(errorMessage(e), "error");
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
    openDossier(client) {
      lastClient = client;
      routes.dossier(app, client);
    },
    openToday: () => routes.today(app),
    openOverview: () => routes.overview(app),
    openSettings: () => routes.settings(app),
  };
  tabs.today.addEventListener("click", () => app.openToday());
  tabs.overview.addEventListener("click", () => app.openOverview());
  tabs.settings.addEventListener("click", () => app.openSettings());
  tabs.dossier.addEventListener("click", () => {
    if (lastClient) app.openDossier(lastClient);
    else
      app.notify(
        "Choisissez un client dans « Aujourd'hui », ou sélectionnez sa ligne dans « Créances ».",
      );
  });
  return app;
}
