"use server";

import "server-only";
import { signOut } from "@/auth";
import { previewInvitation } from "@/lib/teams/invitations";

// The invitation page's "Sign out and use the invited address": signs out, then opens the sign-in page with the
// invitation as where to come back to and the invited address filled in. The address is looked up here from
// the token, never taken from the form, so the button cannot be used to prefill anything else.

export async function signOutForInvitation(token: string): Promise<void> {
  const preview = await previewInvitation(token);
  const back = `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  await signOut({ redirectTo: preview ? `${back}&email=${encodeURIComponent(preview.email)}` : "/sign-in?signedOut=1" });
}
