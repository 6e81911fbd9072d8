// The one way the embed makes elements. Text goes only into textContent and values only into attributes, so
// nothing from the owner or the API is ever parsed as HTML.

type Props = { text?: string; class?: string } & Record<string, string>;
/** Strings become text nodes (Node.append), never markup. */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A link that opens in a new tab and tells the destination nothing about the host page. */
export function externalLink(href: string, text: string, rel = "noopener noreferrer"): HTMLAnchorElement {
  return el("a", { href, target: "_blank", rel, text });
}
