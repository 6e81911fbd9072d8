"use server";

import "server-only";
import { redirect } from "next/navigation";
import { AUTH_PAGES } from "@/auth.config";
import { signIn, signOut } from "@/auth";
import { findMagicLinkLimitError } from "@/lib/auth/magic-link-limit";
import { safeCallbackUrl, signInFormSchema, type SignInState } from "@/lib/auth/sign-in-input";
import { logger } from "@/lib/log";

// Server actions of the sign-in form and the sign-out button. Auth.js does the token, the email and the
// session; these validate input first so a bad address gets an inline message instead of an error page.

export async function requestMagicLink(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail : "";
  const parsed = signInFormSchema.safeParse({ email });
  if (!parsed.success) {
    return { email, fieldError: parsed.error.issues[0]?.message ?? "Enter a valid email address." };
  }

  try {
    // redirect: false returns Auth.js's own redirect target instead of throwing it; we send everyone to the
    // same "check your email" page whatever happened to the address (no account enumeration).
    await signIn("email", {
      email: parsed.data.email,
      redirect: false,
      redirectTo: safeCallbackUrl(formData.get("callbackUrl")),
    });
  } catch (error) {
    // The send itself enforces the limits (lib/auth/magic-link-limit.ts), so Auth.js's own route is held too.
    const limit = findMagicLinkLimitError(error);
    if (limit) {
      const wait = `wait ${limit.resetSeconds} seconds and ask again`;
      return {
        email,
        formError:
          limit.scope === "address"
            ? `Several links were just sent to this address. Use the newest one, or ${wait}.`
            : `Too many sign-in links were requested just now. Please ${wait}.`,
      };
    }
    // Otherwise Auth.js threw (raw mode) because sending failed: a transport problem, not the address.
    logger.error("magic link: sending failed", error);
    return { email, formError: "We couldn't send the sign-in email just now. Please try again in a moment." };
  }
  redirect(AUTH_PAGES.verifyRequest);
}

export async function signOutAction(): Promise<void> {
  // Deletes the database session and clears the cookie, then leaves the dashboard.
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
