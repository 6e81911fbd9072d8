import { useSyncExternalStore } from "react";

// The success view survives a reload: the API's answer is kept in localStorage per waitlist. It holds the
// private status token, so it stays in this browser only (never in the URL of the hosted page).

export type StoredSignup = {
  position: number | null;
  refCode: string;
  sharePath: string;
  statusToken?: string;
  duplicate?: boolean;
  invited?: boolean;
  pending?: boolean;
  savedAt: number;
};

const EVENT = "waitforge:signup-stored";
const key = (slug: string) => `waitforge:signup:${slug}`;

function read(slug: string): string | null {
  try {
    return window.localStorage.getItem(key(slug));
  } catch {
    return null; // storage disabled (private mode, blocked cookies): the success view just won't persist
  }
}

export function saveSignup(slug: string, value: StoredSignup | null): void {
  try {
    if (value) window.localStorage.setItem(key(slug), JSON.stringify(value));
    else window.localStorage.removeItem(key(slug));
  } catch {
    // see read()
  }
  window.dispatchEvent(new Event(EVENT));
}

function parse(raw: string | null): StoredSignup | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredSignup>;
    if (typeof v.refCode !== "string" || typeof v.sharePath !== "string" || !v.sharePath.startsWith("/w/")) return null;
    return {
      position: typeof v.position === "number" ? v.position : null,
      refCode: v.refCode,
      sharePath: v.sharePath,
      statusToken: typeof v.statusToken === "string" ? v.statusToken : undefined,
      duplicate: v.duplicate === true,
      invited: v.invited === true,
      pending: v.pending === true,
      savedAt: typeof v.savedAt === "number" ? v.savedAt : 0,
    };
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The stored signup of this waitlist; null on the server and before hydration. */
export function useStoredSignup(slug: string): StoredSignup | null {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(slug),
    () => null,
  );
  return parse(raw);
}
