import { REF_CODE_SHAPE } from "@/lib/signup-rules";

// The embed remembers a signup in the HOST site's localStorage, which every script on that site can read. So it
// keeps only what is public anyway: the place in line, the ref code (it is in every share link) and two flags.
// Never the status token: that secret opens the private status page, and it is shown once, right after signing
// up, and never written anywhere.

export type SavedSignup = { position: number | null; refCode: string; duplicate: boolean; invited: boolean; pending: boolean };

const key = (slug: string) => `waitforge:signup:${slug}`;

export function saveSignup(slug: string, signup: SavedSignup | null): void {
  try {
    if (!signup) return localStorage.removeItem(key(slug));
    // Field by field, so nothing else in the API's answer can ride along.
    const { position, refCode, duplicate, invited, pending } = signup;
    localStorage.setItem(key(slug), JSON.stringify({ position, refCode, duplicate, invited, pending }));
  } catch {
    // Storage blocked (privacy settings, sandboxed frame): the view just won't survive a reload.
  }
}

export function loadSignup(slug: string): SavedSignup | null {
  let stored: Record<string, unknown> | null;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(slug)) ?? "null");
    stored = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
  if (!stored) return null;
  const signup: SavedSignup | null =
    typeof stored.refCode === "string" && REF_CODE_SHAPE.test(stored.refCode)
      ? {
          position: typeof stored.position === "number" ? stored.position : null,
          refCode: stored.refCode,
          duplicate: stored.duplicate === true,
          invited: stored.invited === true,
          pending: stored.pending === true,
        }
      : null;
  // Earlier versions of the embed kept the status token here: rewrite such an entry without it.
  if ("statusToken" in stored) saveSignup(slug, signup);
  return signup;
}
