import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/auth.config";
import { db } from "@/lib/db";

// Who is signed in, from the `waitforge_session` cookie and the sessions table Auth.js writes. One lookup for
// route handlers (from the Request) and pages (from next/headers), so both decide the same way.

export type Owner = { id: string; email: string };

const TOKEN_PATTERN = /^[A-Za-z0-9._-]{16,256}$/;

export async function ownerFromSessionToken(token: string | undefined): Promise<Owner | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const session = await db().session.findUnique({
    where: { sessionToken: token },
    select: { expires: true, user: { select: { id: true, email: true } } },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return session.user;
}

export function sessionTokenFromRequest(req: Request): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      // A malformed escape (%zz) is no token we issued: the visitor is signed out, not a server error.
      return undefined;
    }
  }
  return undefined;
}

/** For server components and server actions. */
export async function currentOwner(): Promise<Owner | null> {
  const store = await cookies();
  return ownerFromSessionToken(store.get(SESSION_COOKIE)?.value);
}
