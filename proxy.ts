import { NextResponse, type NextRequest } from "next/server";
import { AUTH_PAGES, SESSION_COOKIE } from "@/auth.config";

// Only a redirect for signed-out visitors of the dashboard; every page and route still checks the session
// itself (lib/auth/session.ts), so a forged cookie gets nothing here.
export function proxy(req: NextRequest) {
  if (req.cookies.get(SESSION_COOKIE)?.value) return NextResponse.next();
  const url = new URL(AUTH_PAGES.signIn, req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
