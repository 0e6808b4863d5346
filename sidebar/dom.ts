// Building the page: every text goes through textContent, never innerHTML, so a client
// named « <img src=x onerror=…> » is shown, not run.

import { frenchSpaces } from "../src/domain/text";

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | number | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (name === "text") el.textContent = frenchSpaces(String(value));
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" ? document.createTextNode(frenchSpaces(child)) : child,
    );
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let ids = 0;
/** A labelled form field: the label is tied to its control for screen readers. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f${++ids}`;
  control.id = id;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, text: label }),
    control,
    hint ? h("small", { class: "hint", text: hint }) : null,
  );
}

/** A link that opens outside the sidebar; only https links are made clickable. */
export function link(href: string, label: string): HTMLElement {
  if (!/^https:\/\//.test(href)) return h("span", { text: label });
  return h("a", { href, target: "_blank", rel: "noopener noreferrer", text: label });
}
