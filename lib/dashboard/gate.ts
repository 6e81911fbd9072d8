import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentOwner, type Owner } from "@/lib/auth/session";
import { findOwnedWaitlist, type OwnedWaitlist } from "@/lib/waitlists/queries";

// The one gate of dashboard layouts and pages (route handlers have theirs in lib/api/owner-route.ts). A layout
// and its page render in the same request but not in a fixed order, and a tab switch re-renders only the page,
// so each checks for itself; React's cache() makes that one session lookup and one waitlist read per request.

const owner = cache(currentOwner);
const ownedWaitlist = cache((ownerId: string, id: string) => findOwnedWaitlist(ownerId, id));

/** The signed-in owner, or a redirect to sign-in that comes back to `returnTo`. */
export async function dashboardOwner(returnTo: string): Promise<Owner> {
  const signedIn = await owner();
  if (!signedIn) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return signedIn;
}

/** The owner's waitlist `id`; another owner's id is a 404 exactly like a missing one (no hint that it exists). */
export async function dashboardWaitlist(id: string, returnTo = `/dashboard/w/${id}`): Promise<OwnedWaitlist> {
  const signedIn = await dashboardOwner(returnTo);
  const waitlist = await ownedWaitlist(signedIn.id, id);
  if (!waitlist) notFound();
  return waitlist;
}
