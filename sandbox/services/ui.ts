// SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts, recorded for the
// harness. Alerts and prompts are answered from a queue the test fills (default: OK,
// empty text), as a person clicking would.

import { GAS } from "./runtime.js";

type UiT = GoogleAppsScript.Base.Ui;
type MenuT = GoogleAppsScript.Base.Menu;
type ButtonT = GoogleAppsScript.Base.Button;
type ButtonSetT = GoogleAppsScript.Base.ButtonSet;

export const Button = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" } as const;
export const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
export type ButtonName = keyof typeof Button;

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; items: MenuEntry[] };

export interface UiState {
  menus: { caption: string; addon: boolean; items: MenuEntry[] }[];
  sidebars: { title: string; html: string; width: number }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title?: string; prompt: string; buttons: string; answer: ButtonName }[];
  prompts: { title?: string; prompt: string; buttons: string; answer: ButtonName; text: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[];
  /** Answers for the next alerts/prompts, consumed in order. */
  answers: { button: ButtonName; text?: string }[];
}

export function newUiState(): UiState {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [], answers: [] };
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
}

export class Menu implements Pick<MenuT, "addItem" | "addSeparator" | "addSubMenu" | "addToUi"> {
  readonly [GAS] = "Ui.Menu";
  readonly _items: MenuEntry[] = [];
  constructor(
    private readonly state: UiState,
    readonly _caption: string,
    private readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): MenuT {
    this._items.push({ caption, functionName });
    return this as unknown as MenuT;
  }
  addSeparator(): MenuT {
    this._items.push({ separator: true });
    return this as unknown as MenuT;
  }
  addSubMenu(menu: MenuT): MenuT {
    const sub = menu as unknown as Menu;
    this._items.push({ caption: sub._caption, items: sub._items });
    return this as unknown as MenuT;
  }
  addToUi(): void {
    // A menu added again (onOpen runs at each opening) replaces the previous one.
    const i = this.state.menus.findIndex(
      (m) => m.caption === this._caption && m.addon === this.addon,
    );
    const entry = { caption: this._caption, addon: this.addon, items: this._items };
    if (i >= 0) this.state.menus[i] = entry;
    else this.state.menus.push(entry);
  }
}

export class Ui
  implements
    Pick<
      UiT,
      | "createMenu"
      | "createAddonMenu"
      | "showSidebar"
      | "showModalDialog"
      | "showModelessDialog"
      | "alert"
      | "prompt"
    >
{
  readonly [GAS] = "Ui";
  readonly Button = Button as unknown as UiT["Button"];
  readonly ButtonSet = ButtonSet as unknown as UiT["ButtonSet"];

  constructor(
    private readonly state: UiState,
    /** The add-on's name, the caption of its menu under Extensions. */
    private readonly addonName = "Recouvra",
  ) {}

  createMenu(caption: string): MenuT {
    return new Menu(this.state, caption, false) as unknown as MenuT;
  }
  createAddonMenu(): MenuT {
    return new Menu(this.state, this.addonName, true) as unknown as MenuT;
  }
  showSidebar(ui: GoogleAppsScript.HTML.HtmlOutput): void {
    const h = ui as unknown as HtmlLike;
    this.state.sidebars.push({ title: h.getTitle(), html: h.getContent(), width: h.getWidth() });
  }
  showModalDialog(ui: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.state.dialogs.push({ title, html: (ui as unknown as HtmlLike).getContent(), modal: true });
  }
  showModelessDialog(ui: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.state.dialogs.push({
      title,
      html: (ui as unknown as HtmlLike).getContent(),
      modal: false,
    });
  }
  alert(a: string, b?: string | ButtonSetT, c?: ButtonSetT): ButtonT {
    const { title, prompt, buttons } = this.args(a, b, c);
    const answer = this.state.answers.shift()?.button ?? defaultButton(buttons);
    this.state.alerts.push({ ...(title === undefined ? {} : { title }), prompt, buttons, answer });
    return answer as unknown as ButtonT;
  }
  prompt(a: string, b?: string | ButtonSetT, c?: ButtonSetT): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.args(a, b, c);
    const next = this.state.answers.shift();
    const answer = next?.button ?? defaultButton(buttons);
    const text = next?.text ?? "";
    this.state.prompts.push({
      ...(title === undefined ? {} : { title }),
      prompt,
      buttons,
      answer,
      text,
    });
    return new PromptResponse(answer, text) as unknown as GoogleAppsScript.Base.PromptResponse;
  }
  private args(a: string, b?: string | ButtonSetT, c?: ButtonSetT) {
    if (c !== undefined) return { title: a, prompt: String(b), buttons: String(c) };
    if (b !== undefined) return { title: undefined, prompt: a, buttons: String(b) };
    return { title: undefined, prompt: a, buttons: "OK" };
  }
}

function defaultButton(buttons: string): ButtonName {
  return buttons.startsWith("YES") ? "YES" : "OK";
}

export class PromptResponse
  implements Pick<GoogleAppsScript.Base.PromptResponse, "getResponseText" | "getSelectedButton">
{
  readonly [GAS] = "Ui.PromptResponse";
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): ButtonT {
    return this.button as unknown as ButtonT;
  }
}
