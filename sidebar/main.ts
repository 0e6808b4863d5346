// The sidebar's entry: the frame paints at once, then « Aujourd'hui » asks the server.
import { createApp } from "./app";
import { renderDossier } from "./dossier";
import { renderOverview } from "./overview";
import { renderSettings } from "./settings";
import { renderWorkList } from "./work-list";

const root = document.getElementById("app");
if (root) {
  const app = createApp(root, {
    today: renderWorkList,
    overview: (app) => renderOverview(app),
    dossier: renderDossier,
    settings: renderSettings,
  });
  app.openToday();
}
