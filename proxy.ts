import { NextResponse, type NextRequest } from "next/server";
import { AUTH_PAGES, SESSION_COOKIE } from "@/auth.config";
import { env } from "@/lib/env";
import { FRAMEABLE_PAGE, HSTS, pageCsp, PRERENDERED_PAGES } from "@/lib/security/headers";
import { checkPagePost } from "@/lib/security/page-posts";

// Runs before every page (not APIs or files): refuses POSTs that are not server actions, sends signed-out
// visitors of the dashboard to sign-in (every page still checks the session itself, so a forged cookie gets
// nothing here), and gives each page its Content-Security-Policy with a fresh script nonce, which Next reads
// from the request's CSP header and puts on its own scripts.
export async function proxy(req: NextRequest): Promise<NextResponse> {
  if (req.method === "POST") {
    const verdict = await checkPagePost(req);
    if (!verdict.ok) {
      return NextResponse.json(
        { ok: false, error: { code: "invalid_input", message: verdict.message } },
        { status: verdict.status, headers: { "Cache-Control": "no-store" } },
      );
    }
  }

  const path = req.nextUrl.pathname;
  if ((path === "/dashboard" || path.startsWith("/dashboard/")) && !req.cookies.get(SESSION_COOKIE)?.value) {
    const url = new URL(AUTH_PAGES.signIn, req.url);
    url.searchParams.set("callbackUrl", path + req.nextUrl.search);
    return NextResponse.redirect(url);
  }

  const e = env();
  const nonce = PRERENDERED_PAGES.has(path) ? null : btoa(crypto.randomUUID());
  const csp = pageCsp({ nonce, frameable: FRAMEABLE_PAGE.test(path), development: e.NODE_ENV === "development" });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  if (e.appOrigin.startsWith("https:")) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

export const config = {
  // Pages only: not APIs, Next's files, public files, or the image route handlers under /w/<slug>/.
  matcher: ["/((?!api/|_next/|favicon\\.ico$|icon\\.svg$|embed\\.js$|w/[^/]+/(?:qr|og)(?:/|$)).*)"],
};
