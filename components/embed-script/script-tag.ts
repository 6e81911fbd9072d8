// Where the embed was loaded from. Read once, while the script runs: document.currentScript is only set then.
// It is null when a loader runs us as a callback; then find our tag by its src.

export const SCRIPT_TAG: HTMLScriptElement | null =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="/embed.js"][data-waitlist]');

/** The WaitForge origin the API, status pages and share fallbacks live on. */
export const API_ORIGIN = SCRIPT_TAG?.src ? new URL(SCRIPT_TAG.src, location.href).origin : location.origin;
