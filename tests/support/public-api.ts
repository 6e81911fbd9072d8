import { resetEnvCache } from "@/lib/env";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import { params, routeRequest } from "@/tests/support/fixtures";
import { GET as configGET, OPTIONS as configOPTIONS } from "@/app/api/public/[slug]/config/route";
import { POST as signupPOST, OPTIONS as signupOPTIONS } from "@/app/api/public/[slug]/signup/route";

// Drives the real public route handlers the way Next does, with Turnstile enforced against a local fake
// siteverify server speaking Cloudflare's wire format.

export const TEST_TURNSTILE_SECRET = "test-secret";

export async function enforceTurnstileAgainstFake() {
  const fake = await startFakeSiteverify({ secret: TEST_TURNSTILE_SECRET });
  Object.assign(process.env, {
    TURNSTILE_MODE: "enforce",
    TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
    TURNSTILE_SECRET_KEY: TEST_TURNSTILE_SECRET,
    TURNSTILE_VERIFY_URL: fake.url,
    TURNSTILE_TIMEOUT_MS: "1000",
  });
  resetEnvCache();
  return fake;
}

let tokenCounter = 0;
/** A token the fake siteverify accepts once. */
export function passToken(): string {
  tokenCounter += 1;
  return `pass-${process.pid}-${Date.now()}-${tokenCounter}`;
}

type Options = Parameters<typeof routeRequest>[2];

export async function postSignup(slug: string, body: unknown, options?: Options) {
  const res = await signupPOST(routeRequest(`/api/public/${slug}/signup`, body, options), params({ slug }));
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export async function getConfig(slug: string, options?: Options) {
  const res = await configGET(routeRequest(`/api/public/${slug}/config`, undefined, options), params({ slug }));
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export const preflightSignup = () => signupOPTIONS();
export const preflightConfig = () => configOPTIONS();
