import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { AUTH_PAGES, MAGIC_LINK_MAX_AGE_SECONDS, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "@/auth.config";
import { secureCookies } from "@/lib/auth/cookies";
import { consumeMagicLinkAllowance } from "@/lib/auth/magic-link-limit";
import { authRedirect } from "@/lib/auth/redirect";
import { db } from "@/lib/db";
import { sendMagicLink } from "@/lib/email/send-magic-link";
import { env, pinAuthUrl } from "@/lib/env";
import { emailSchema } from "@/lib/signups/schemas";

// Auth.js v5: magic links by email, database sessions in the `sessions` table, the session cookie named
// `waitforge_session`. The config is a function so nothing touches env or the database at import (next build).

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  normalizeIdentifier: (identifier) => emailSchema.parse(identifier),
  sendVerificationRequest({ identifier, url, request }) {
    const sending = (async () => {
      await consumeMagicLinkAllowance(identifier, request?.headers);
      await sendMagicLink(identifier, onAppOrigin(url), MAGIC_LINK_MAX_AGE_SECONDS / 60);
    })();
    // Auth.js awaits this only after hashing the token, so a quick refusal would be an unhandled rejection
    // (fatal to a Node process) in between; marking it handled here still lets Auth.js's await see it fail.
    sending.catch(() => undefined);
    return sending;
  },
};

/** The link Auth.js built, on our configured origin whatever host the request named (defence in depth). */
function onAppOrigin(url: string): string {
  const link = new URL(url);
  return `${env().appOrigin}${link.pathname}${link.search}`;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  // Before Auth.js reads process.env for this request: it must never derive URLs from Host/X-Forwarded-Host.
  const origin = pinAuthUrl();
  return {
    adapter: PrismaAdapter(db()),
    providers: [emailProvider],
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: AUTH_PAGES,
    callbacks: { redirect: (params) => authRedirect(params, origin) },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
  };
});
