import { expect, type Locator, type Page } from "@playwright/test";

// Hostile text for the XSS suite (e2e/xss.spec.ts) and the checks that it stayed text. Every payload that could
// run sets window.__wfXss and calls alert(), so "nothing ran" is: no dialog, the flag unset in every frame, and
// no element or attribute born from a payload anywhere in the DOM (shadow roots included).

export const FLAG = "__wfXss";

export const PAYLOADS = {
  script: `<script>window.${FLAG}=1;alert(1)</script>`,
  img: `"><img src=x onerror="window.${FLAG}=2;alert(2)">`,
  svg: `<svg/onload=window.${FLAG}=3;alert(3)>`,
  style: `</style><script>window.${FLAG}=4;alert(4)</script>`,
  attr: `' autofocus onfocus='window.${FLAG}=5;alert(5)`,
  template: "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>",
  templateCall: "${alert(6)}",
  jsUrl: "javascript:alert(7)",
  entities: "&lt;script&gt;alert(8)&lt;/script&gt; %3Cscript%3E",
  comment: "<!-- --><![CDATA[ ]]>",
  // Right-to-left override, zero-width space/joiner, full-width and homoglyph brackets, a line separator.
  unicode: "\u202Egnp.exe\u202C \uFF1Cscript\uFF1Ealert(9)\uFF1C/script\uFF1E \u0455cript zero\u200Bwidth\u200D \u2028next",
} as const;

/** 80 characters at most (the title limit), with a </title> breakout for the document title. */
export const TITLE = `"><img src=x onerror=window.${FLAG}=2>{{7*7}}</title><script>alert(1)</script>`;

export const DESCRIPTION = Object.values(PAYLOADS).join("\n");

/** Accepted by the schema (http(s), no quotes, brackets or spaces) yet shaped like trouble. */
export const LOGO_URL = "https://xss.invalid/logo.png?next=javascript:alert(1)&t={{7*7}}";
export const HERO_URL = "https://xss.invalid/hero.png#onerror=alert(1)";

/** Listens for dialogs (and answers them, so a page never hangs) and serves the owner's image host locally. */
export async function guard(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  await page.route("https://xss.invalid/**", (route) => route.fulfill({ status: 404, body: "" }));
  return dialogs;
}

type Findings = { flag: unknown; found: string[] };

/** Runs in the page (serialised): walks the document and every open shadow root. */
function findInjected(flag: string): Findings {
  const found: string[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"]);
  for (let i = 0; i < roots.length; i++) {
    for (const el of Array.from(roots[i]!.querySelectorAll("*"))) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      const tag = el.tagName.toLowerCase();
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith("on") && /alert|__wfXss/.test(attr.value)) found.push(`<${tag} ${attr.name}="${attr.value}">`);
        if (URL_ATTRS.has(attr.name) && /^\s*(javascript|data:text\/html)/i.test(attr.value)) found.push(`<${tag} ${attr.name}="${attr.value}">`);
      }
      if (tag === "img" && el.getAttribute("src") === "x") found.push("<img src=x>");
      if (tag === "script" && /^\s*(window\.__wfXss|alert\()/.test(el.textContent ?? "")) found.push(`<script>${el.textContent}</script>`);
    }
  }
  return { flag: (window as unknown as Record<string, unknown>)[flag], found };
}

/** Nothing ran and nothing was injected, in the page and every frame it holds. */
export async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  // Same-origin about:blank frames (the settings preview is a portal into one) are checked like any other.
  for (const frame of page.frames()) {
    const result = await frame.evaluate(findInjected, FLAG);
    expect({ where, frame: frame.url(), ...result }).toEqual({ where, frame: frame.url(), flag: undefined, found: [] });
  }
  expect({ where, dialogs }).toEqual({ where, dialogs: [] });
}

/** The element's text is exactly `literal`: shown as text, not parsed, decoded or evaluated. */
export async function expectLiteral(locator: Locator, literal: string): Promise<void> {
  await expect.poll(() => locator.first().evaluate((el) => el.textContent)).toBe(literal);
}
