// The script of the small services' tests: properties, cache, session, logs, blobs, HTML, Ui.
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

export function sandbox() {
  return createSandbox({
    scripts: [{ name: "Code.js", code }],
    html: {
      Sidebar:
        "<h1>Dossier <?= client ?></h1><? for (var i = 0; i < 2; i++) { ?><i><?= i ?></i><? } ?>",
    },
    now: "2026-11-26T09:00",
  });
}
