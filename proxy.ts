import { NextResponse, type NextRequest } from "next/server";
import { AUTH_PAGES, SESSION_COOKIE } from "@/auth.config";
import { env } from "@/lib/env";
import { FRAMEABLE_PAGE, HOSTED_PAGE, HSTS, pageCsp, servesSharedHtml } from "@/lib/security/headers";
import { checkPagePost } from "@/lib/security/page-posts";
import { refCodeFrom } from "@/lib/signup-rules";

// Runs before every page (not APIs or files): refuses POSTs that are not server actions, sends signed-out
// visitors of the dashboard to sign-in (every page still checks the session itself, so a forged cookie gets
// nothing here), rewrites a shared link /w/<slug>?ref=CODE to the cached /w/<slug>/r/CODE, and gives each page
// its Content-Security-Policy with a fresh script nonce, which Next reads from the request's CSP header and puts
// on its own scripts (pages served from one cached copy get the policy without a nonce: servesSharedHtml).
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
  const nonce = servesSharedHtml(path) ? null : btoa(crypto.randomUUID());
  const csp = pageCsp({ nonce, frameable: FRAMEABLE_PAGE.test(path), development: e.NODE_ENV === "development" });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  const shared = sharedLinkPage(path, req.nextUrl.searchParams);
  const res = shared
    ? NextResponse.rewrite(new URL(shared, req.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  if (e.appOrigin.startsWith("https:")) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

/** /w/<slug>?ref=CODE → /w/<slug>/r/CODE (a well-formed code only; anything else gets the plain page). */
function sharedLinkPage(path: string, search: URLSearchParams): string | null {
  const hosted = HOSTED_PAGE.exec(path);
  if (!hosted || hosted[2]) return null;
  const ref = refCodeFrom(search.get("ref"));
  return ref ? `/w/${hosted[1]}/r/${ref}` : null;
}

export const config = {
  // Pages only: not APIs, Next's files, public files, or the image route handlers under /w/<slug>/.
  matcher: ["/((?!api/|_next/|favicon\\.ico$|icon\\.svg$|embed\\.js$|w/[^/]+/(?:qr|og)(?:/|$)).*)"],
};
