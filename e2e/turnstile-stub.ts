import type { Page } from "@playwright/test";

// Cloudflare's Turnstile script cannot load on an offline machine (and a real challenge cannot be solved by a
// test anyway). stubTurnstile() serves a stand-in for https://challenges.cloudflare.com/turnstile/v0/api.js
// with the API @marsidev/react-turnstile uses: it injects `api.js?onload=<name>&render=explicit`, waits for
// window[<name>]() and then calls turnstile.render(container, options) and reads options.callback's token.
// Tokens look like "e2e-pass-<random>~<action>~<hostname>", which the fake siteverify accepts once each and
// answers with that action and hostname, as Cloudflare reports where a token was solved. The container also
// shows the action as data-e2e-action, so specs can check which action a form asked for.

export type TurnstileStubOptions = {
  /**
   * Prefix of issued tokens. The fake siteverify decides by prefix: "e2e-pass" (default) passes once,
   * "fail" is rejected, "slow" answers after 10 s, "500" errors, "notjson" answers HTML.
   */
  tokenPrefix?: string;
  /** Delay before the widget "solves" (ms), to observe a form waiting for the token. */
  solveDelayMs?: number;
  /** Call the widget's error-callback instead of issuing a token. */
  fail?: boolean;
};

export async function stubTurnstile(page: Page, options: TurnstileStubOptions = {}): Promise<void> {
  const config = JSON.stringify({
    tokenPrefix: options.tokenPrefix ?? "e2e-pass",
    solveDelayMs: options.solveDelayMs ?? 0,
    fail: options.fail ?? false,
  });
  await page.route("https://challenges.cloudflare.com/**", async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith("/turnstile/v0/api.js")) {
      return route.fulfill({ status: 404, body: "" });
    }
    return route.fulfill({
      status: 200,
      contentType: "application/javascript",
      headers: { "access-control-allow-origin": "*" },
      body: `(${stubRuntime.toString()})(${config}, ${JSON.stringify(url.searchParams.get("onload"))}, ${JSON.stringify(url.searchParams.get("render"))});`,
    });
  });
}

type StubConfig = { tokenPrefix: string; solveDelayMs: number; fail: boolean };
type WidgetOptions = Record<string, unknown> & {
  callback?: (token: string) => void;
  "error-callback"?: (code: string) => void;
  action?: string;
  execution?: string;
  "response-field"?: boolean;
  "response-field-name"?: string;
};

/**
 * Runs in the browser (serialized with toString), so it may use nothing from this module's scope.
 * Mirrors the parts of Cloudflare's window.turnstile that widgets and forms touch.
 */
function stubRuntime(config: StubConfig, onloadName: string | null, renderMode: string | null): void {
  type Widget = { id: string; container: HTMLElement; options: WidgetOptions; token: string | undefined };
  const w = window as unknown as Record<string, unknown>;
  const widgets = new Map<string, Widget>();
  let counter = 0;

  const lookup = (ref: unknown): Widget | undefined => {
    if (ref === undefined) return widgets.values().next().value;
    if (typeof ref === "string" && widgets.has(ref)) return widgets.get(ref);
    const el = typeof ref === "string" ? document.querySelector(ref) : ref;
    for (const widget of widgets.values()) if (widget.container === el) return widget;
    return undefined;
  };

  const solve = (widget: Widget) => {
    setTimeout(() => {
      if (!widgets.has(widget.id)) return;
      if (config.fail) {
        widget.options["error-callback"]?.("300030");
        return;
      }
      // As Cloudflare does, the token is bound to the widget's action and the page's hostname (see the fake).
      const action = typeof widget.options.action === "string" ? widget.options.action : "";
      const token = `${config.tokenPrefix}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}~${action}~${location.hostname}`;
      widget.token = token;
      // Like the real widget: a hidden input inside the container carries the token in plain <form> posts.
      if (widget.options["response-field"] !== false) {
        const name = widget.options["response-field-name"] ?? "cf-turnstile-response";
        let input = widget.container.querySelector<HTMLInputElement>(`input[name="${name}"]`);
        if (!input) {
          input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          widget.container.appendChild(input);
        }
        input.value = token;
      }
      widget.options.callback?.(token);
    }, config.solveDelayMs);
  };

  const turnstile = {
    render(container: string | HTMLElement, options: WidgetOptions = {}): string {
      const el = typeof container === "string" ? document.querySelector<HTMLElement>(container) : container;
      if (!el) throw new Error("[turnstile stub] container not found");
      counter += 1;
      const widget: Widget = { id: `e2e-widget-${counter}`, container: el, options, token: undefined };
      widgets.set(widget.id, widget);
      el.setAttribute("data-e2e-turnstile", widget.id);
      el.setAttribute("data-e2e-action", options.action ?? "");
      if (options.execution !== "execute") solve(widget);
      return widget.id;
    },
    execute(ref?: unknown): void {
      const widget = lookup(ref);
      if (widget) solve(widget);
    },
    getResponse(ref?: unknown): string | undefined {
      return lookup(ref)?.token;
    },
    reset(ref?: unknown): void {
      const widget = lookup(ref);
      if (!widget) return;
      widget.token = undefined;
      if (widget.options.execution !== "execute") solve(widget);
    },
    remove(ref?: unknown): void {
      const widget = lookup(ref);
      if (!widget) return;
      widgets.delete(widget.id);
      widget.container.removeAttribute("data-e2e-turnstile");
      widget.container.removeAttribute("data-e2e-action");
      widget.container.querySelectorAll('input[type="hidden"]').forEach((input) => input.remove());
    },
    isExpired(): boolean {
      return false;
    },
    ready(callback: () => void): void {
      callback();
    },
  };
  w.turnstile = turnstile;

  // Implicit rendering (no render=explicit): widgets declared as <div class="cf-turnstile" data-sitekey>.
  if (renderMode !== "explicit") {
    document.querySelectorAll<HTMLElement>(".cf-turnstile").forEach((el) => {
      const named = (key: string) => {
        const fn = el.dataset[key] ? w[el.dataset[key]] : undefined;
        return typeof fn === "function" ? (fn as (...args: unknown[]) => void) : undefined;
      };
      turnstile.render(el, {
        sitekey: el.dataset.sitekey,
        callback: named("callback"),
        "error-callback": named("errorCallback"),
        "response-field-name": el.dataset.responseFieldName,
      });
    });
  }

  // The real script calls the onload callback asynchronously, after it has defined window.turnstile.
  if (onloadName) {
    setTimeout(() => {
      const onload = w[onloadName];
      if (typeof onload === "function") (onload as () => void)();
    }, 0);
  }
}
