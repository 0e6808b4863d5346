// HtmlService and Ui as the bundle sees them: templates from the deployed HTML files, menus, dialogs.

import { describe, expect, it } from "vitest";
import { sandbox } from "./small-services-script";

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
