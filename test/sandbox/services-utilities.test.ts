// Utilities.formatDate in any zone (the process runs in UTC), and the small services:
// Properties, Cache, Session, Logger/console, HtmlService, Ui.

import { describe, expect, it } from "vitest";
import { createSandbox } from "../../sandbox/index.js";
import { formatDate } from "../../sandbox/services/date-format.js";

describe("Utilities.formatDate", () => {
  const winter = new Date("2026-11-26T08:05:09.042Z");
  const summer = new Date("2026-07-14T22:30:00.000Z");

  it("formats in Europe/Paris across DST, whatever the process's TZ", () => {
    expect(formatDate(winter, "Europe/Paris", "yyyy-MM-dd HH:mm:ss.SSS Z z")).toBe(
      "2026-11-26 09:05:09.042 +0100 CET",
    );
    expect(formatDate(summer, "Europe/Paris", "dd/MM/yyyy HH:mm XXX z")).toBe(
      "15/07/2026 00:30 +02:00 CEST",
    );
    // The night of the change to winter time: 02:30 happens twice.
    expect(formatDate(new Date("2026-10-25T00:30:00Z"), "Europe/Paris", "HH:mm Z")).toBe(
      "02:30 +0200",
    );
    expect(formatDate(new Date("2026-10-25T01:30:00Z"), "Europe/Paris", "HH:mm Z")).toBe(
      "02:30 +0100",
    );
  });

  it("formats in Pacific/Noumea, a day ahead of Paris in the evening", () => {
    expect(
      formatDate(new Date("2026-11-26T20:00:00Z"), "Pacific/Noumea", "EEEE d MMMM yyyy HH:mm X"),
    ).toBe("Friday 27 November 2026 07:00 +11");
  });

  it("formats in America/New_York before and after its DST change", () => {
    expect(
      formatDate(new Date("2026-03-08T06:59:00Z"), "America/New_York", "MMM d, yyyy h:mm a z"),
    ).toBe("Mar 8, 2026 1:59 AM EST");
    expect(
      formatDate(new Date("2026-03-08T07:00:00Z"), "America/New_York", "MMM d, yyyy h:mm a z"),
    ).toBe("Mar 8, 2026 3:00 AM EDT");
  });

  it("honours quoted text, 12-hour clocks, days of the year and short names", () => {
    expect(formatDate(winter, "Europe/Paris", "'Le' dd 'à' HH'h'mm, EEE D, KK:mm a, yy")).toBe(
      "Le 26 à 09h05, Thu 330, 09:05 AM, 26",
    );
    expect(formatDate(winter, "UTC", "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe("2026-11-26T08:05:09Z");
    expect(formatDate(winter, "UTC", "''yy''")).toBe("'26'");
    expect(() => formatDate(winter, "UTC", "yyyy-qq")).toThrow("Illegal pattern character 'q'");
  });

  it("is what the bundle gets from Utilities.formatDate", () => {
    const sb = createSandbox({
      scripts: [
        {
          name: "Code.js",
          code: `function f() { return Utilities.formatDate(new Date(), "Europe/Paris", "yyyy-MM-dd HH:mm"); }`,
        },
      ],
      now: "2026-11-26T09:00",
    });
    expect(sb.run("f")).toBe("2026-11-26 09:00");
  });
});

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
