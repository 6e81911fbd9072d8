import "server-only";
import { revalidateTag } from "next/cache";

// The hosted page /w/<slug> is served from Next's cache (ISR), not rendered per request. Its data is read tagged
// per waitlist (hostedPageView in hosted.ts). An owner's edit (invalidatePublicWaitlist) expires the tag, so this
// instance's next request renders the page afresh; other instances, the live count and a list that fills up
// follow within HOSTED_PAGE_REVALIDATE_S, when a copy goes stale and is rendered again in the background.

/** Seconds a cached hosted page is served before it is rendered again. The pages' `revalidate` repeats it. */
export const HOSTED_PAGE_REVALIDATE_S = 5;

export function hostedPageTag(slug: string): string {
  return `hosted-page:${slug.toLowerCase()}`;
}

/** After an owner's edit: this instance's next request for the page renders it afresh (no stale copy served). */
export function expireHostedPage(slug: string): void {
  try {
    revalidateTag(hostedPageTag(slug), { expire: 0 });
  } catch (error) {
    // Outside a Next request (Vitest, scripts, the job worker) this process holds no page cache to expire; Next
    // offers no test for "inside a request" other than this invariant.
    if (!(error instanceof Error && error.message.startsWith("Invariant: static generation store missing"))) throw error;
  }
}

const refusalExpiries = new Map<string, number>();
const MAX_REFUSAL_ENTRIES = 1000;

/**
 * A signup was refused as full or closed, so a cached page offering the form is out of date: expire it, at most
 * once per revalidation period per list, since after a list fills every further attempt is refused too and must
 * not make each page request render afresh.
 */
export function expireHostedPageAfterRefusal(slug: string): void {
  const now = Date.now();
  const last = refusalExpiries.get(slug);
  if (last !== undefined && now - last < HOSTED_PAGE_REVALIDATE_S * 1000) return;
  if (refusalExpiries.size >= MAX_REFUSAL_ENTRIES) refusalExpiries.clear();
  refusalExpiries.set(slug, now);
  expireHostedPage(slug);
}
