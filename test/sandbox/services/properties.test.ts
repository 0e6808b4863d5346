// The small services: Properties, Cache, Session, Logger/console, blobs.

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

describe("properties, cache, session, logs", () => {
  it("keeps properties as strings in separate stores", () => {
    const sb = sandbox();
    expect(sb.run("props")).toEqual(["2026-11-26", null, "lastRun,mode", null]);
    expect(Object.fromEntries(sb.properties.document)).toEqual({
      lastRun: "2026-11-26",
      mode: "auto",
    });
  });

  it("expires cache entries on the simulated clock", () => {
    const sb = sandbox();
    sb.run("cachePut");
    sb.clock.advance(59_000);
    expect(sb.run("cacheGet")).toBe("[1,2]");
    sb.clock.advance(2_000);
    expect(sb.run("cacheGet")).toBeNull();
  });

  it("knows the user, the script's zone and the locale", () => {
    const sb = sandbox();
    expect(sb.run("session")).toEqual([
      "comptabilite@exemple.test",
      "comptabilite@exemple.test",
      "Europe/Paris",
      "fr",
    ]);
  });

  it("captures Logger and console output for the harness", () => {
    const sb = sandbox();
    sb.run("logs");
    expect(sb.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ["Logger", "log", "3 relances, 0 erreurs"],
      ["console", "log", 'objet {"a":1}'],
      ["console", "error", "Error: boom"],
    ]);
  });

  it("makes blobs with Java's signed bytes and base64", () => {
    const sb = sandbox();
    expect(sb.run("blobs")).toEqual([
      "text/plain",
      "note.txt",
      8,
      -61,
      "w6k=",
      "Reçu",
      "x.txt",
      "note.txt",
      36,
    ]);
  });
});
