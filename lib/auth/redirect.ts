// Where Auth.js may send someone after a magic link or sign-out: only this app's own origin.
//
// Why not Auth.js's default: it compares against the origin of the incoming request, and Next.js rewrites
// loopback hosts in NextRequest URLs (127.0.0.1 and [::1] become "localhost"). With the app served at
// http://127.0.0.1:<port> (the e2e harness, or a developer's browser), the default saw the link's own
// callbackUrl as foreign and sent people to http://localhost:<port>/, where their new session cookie
// (set on 127.0.0.1) does not exist. The configured origin (AUTH_URL, else APP_URL) is the truth instead.

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }, configuredUrl?: string): string {
  const origin = safeOrigin(configuredUrl) ?? safeOrigin(baseUrl) ?? baseUrl;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${origin}${url}`;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return origin;
  }
  if (target.origin === origin) return target.href;
  // The same loopback server under another loopback name: keep the path, use the configured host.
  const configured = new URL(origin);
  if (LOOPBACK.test(target.hostname) && LOOPBACK.test(configured.hostname) && target.port === configured.port) {
    return `${origin}${target.pathname}${target.search}${target.hash}`;
  }
  return target.origin === safeOrigin(baseUrl) ? target.href : origin;
}

function safeOrigin(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
