// Cloudflare Turnstile, rendered explicitly: its script is loaded once per page, on demand, and each form
// renders its own widget. Only the slice of window.turnstile the embed calls is typed here.

export type TurnstileRenderOptions = {
  sitekey: string;
  action: string;
  size: "flexible";
  theme: "light" | "dark";
  callback: (token: string) => void;
  "expired-callback": () => void;
  "error-callback": () => void;
};

export type TurnstileApi = {
  render(container: HTMLElement, options: TurnstileRenderOptions): string | undefined;
  reset(widgetId?: string): void;
  remove(widgetId?: string): void;
};

type TurnstileWindow = Window & { turnstile?: TurnstileApi; __waitforgeTurnstile?: () => void };

const SCRIPT_URL = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit&onload=__waitforgeTurnstile";

let loading: Promise<TurnstileApi> | null = null;

export function turnstileApi(): TurnstileApi | undefined {
  return (window as TurnstileWindow).turnstile;
}

export function loadTurnstile(): Promise<TurnstileApi> {
  const ready = turnstileApi();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    const done = () => {
      const api = turnstileApi();
      if (api) resolve(api);
    };
    (window as TurnstileWindow).__waitforgeTurnstile = done;
    const script = document.createElement("script");
    script.src = SCRIPT_URL;
    script.async = true;
    script.onload = done;
    script.onerror = () => {
      // A later form may try again (the visitor fixed their connection or content blocker).
      loading = null;
      script.remove();
      reject(new Error("turnstile"));
    };
    document.head.append(script);
  });
  return loading;
}
