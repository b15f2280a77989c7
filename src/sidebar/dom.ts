/**
 * Small DOM helpers. Every piece of text goes in through textContent or an attribute value,
 * never through innerHTML: header names and cells from the user's sheet are shown as the
 * characters they are and can never become markup or script.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the sidebar has no #${id}`);
  return node as T;
}

export function setText(node: HTMLElement, text: string): void {
  node.textContent = text;
}

export function replaceChildren(node: HTMLElement, ...children: (Node | string)[]): void {
  node.replaceChildren(...children);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const node = element('option', { value }, label);
  node.selected = selected;
  return node;
}
