import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { AUTH_PAGES, MAGIC_LINK_MAX_AGE_SECONDS, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "@/auth.config";
import { secureCookies } from "@/lib/auth/cookies";
import { authRedirect } from "@/lib/auth/redirect";
import { db } from "@/lib/db";
import { sendMagicLink } from "@/lib/email/send-magic-link";
import { env } from "@/lib/env";
import { emailSchema } from "@/lib/signups/schemas";

// Auth.js v5: magic links by email, database sessions in the `sessions` table, the session cookie named
// `waitforge_session`. The config is a function so nothing touches env or the database at import (next build).

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  normalizeIdentifier: (identifier) => emailSchema.parse(identifier),
  async sendVerificationRequest({ identifier, url }) {
    await sendMagicLink(identifier, url, MAGIC_LINK_MAX_AGE_SECONDS / 60);
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    adapter: PrismaAdapter(db()),
    providers: [emailProvider],
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: AUTH_PAGES,
    callbacks: { redirect: (params) => authRedirect(params, e.AUTH_URL ?? e.APP_URL) },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
  };
});
