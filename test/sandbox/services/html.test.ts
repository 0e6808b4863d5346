// HtmlService and Ui as the bundle sees them: templates from the deployed HTML files, menus, dialogs.

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../sandbox/index.js";

const code = `
function props() {
  var p = PropertiesService.getDocumentProperties();
  p.setProperties({ lastRun: "2026-11-26", count: 3 });
  p.setProperty("mode", "auto");
  p.deleteProperty("count");
  return [p.getProperty("lastRun"), p.getProperty("count"), p.getKeys().sort().join(","),
    PropertiesService.getUserProperties().getProperty("mode")];
}
function cachePut() { CacheService.getDocumentCache().put("plan", "[1,2]", 60); }
function cacheGet() { return CacheService.getDocumentCache().get("plan"); }
function session() {
  return [Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail(), Session.getScriptTimeZone(),
    Session.getActiveUserLocale()];
}
function logs() {
  Logger.log("%s relances, %s erreurs", 3, 0);
  console.log("objet", { a: 1 });
  console.error(new Error("boom"));
}
function blobs() {
  var b = Utilities.newBlob("Créance", "text/plain", "note.txt");
  var bytes = b.getBytes();
  return [b.getContentType(), b.getName(), bytes.length, bytes[2], Utilities.base64Encode("é"),
    Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode("Reçu"))).getDataAsString(),
    b.copyBlob().setName("x.txt").getName(), b.getName(), Utilities.getUuid().length];
}
function sidebar() {
  var t = HtmlService.createTemplateFromFile("Sidebar");
  t.client = "Durand & Fils";
  var html = t.evaluate().setTitle("Recouvra");
  SpreadsheetApp.getUi().showSidebar(html);
  return html.getContent();
}
function menu() {
  SpreadsheetApp.getUi().createAddonMenu().addItem("Ouvrir", "openSidebar").addSeparator()
    .addSubMenu(SpreadsheetApp.getUi().createMenu("Relances").addItem("Envoyer", "sendNow")).addToUi();
}
function confirmSend() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.alert("Envoyer ?", "3 relances", ui.ButtonSet.YES_NO);
  var p = ui.prompt("Objet");
  return [r === ui.Button.YES, String(r), p.getResponseText(), String(p.getSelectedButton())];
}
`;

function sandbox() {
  return createSandbox({
    scripts: [{ name: "Code.js", code }],
    html: {
      Sidebar:
        "<h1>Dossier <?= client ?></h1><? for (var i = 0; i < 2; i++) { ?><i><?= i ?></i><? } ?>",
    },
    now: "2026-11-26T09:00",
  });
}

describe("HtmlService and Ui", () => {
  it("evaluates templates from the deployed HTML files, escaping <?= ?>", () => {
    const sb = sandbox();
    expect(sb.run("sidebar")).toBe("<h1>Dossier Durand &#38; Fils</h1><i>0</i><i>1</i>");
    expect(sb.ui.sidebars).toEqual([
      { title: "Recouvra", html: "<h1>Dossier Durand &#38; Fils</h1><i>0</i><i>1</i>", width: 300 },
    ]);
  });

  it("records add-on menus with their items and submenus", () => {
    const sb = sandbox();
    sb.run("menu");
    sb.run("menu");
    expect(sb.ui.menus).toEqual([
      {
        caption: "Recouvra",
        addon: true,
        items: [
          { caption: "Ouvrir", functionName: "openSidebar" },
          { separator: true },
          { caption: "Relances", items: [{ caption: "Envoyer", functionName: "sendNow" }] },
        ],
      },
    ]);
  });

  it("answers alerts and prompts from the queue the test sets", () => {
    const sb = sandbox();
    sb.ui.answers.push({ button: "NO" }, { button: "OK", text: "Relance F-001" });
    expect(sb.run("confirmSend")).toEqual([false, "NO", "Relance F-001", "OK"]);
    expect(sb.run("confirmSend")).toEqual([true, "YES", "", "OK"]);
    expect(sb.ui.alerts[0]).toEqual({
      title: "Envoyer ?",
      prompt: "3 relances",
      buttons: "YES_NO",
      answer: "NO",
    });
  });
});
