import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import {
  MAGIC_LINKS_PER_MINUTE,
  magicLinkLimitersReady,
  resetMagicLinkLimiters,
} from "@/lib/auth/magic-link-limit";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { uniqueEmail } from "@/tests/support/fixtures";

// Auth.js's own routes, called as a browser or an attacker would: the sign-in link must always point at the
// configured origin (never at a Host/X-Forwarded-Host the request names), and the send limits hold on this
// path too, not only in the sign-in form's server action.

const APP = "http://app.waitforge.test:3000";
const PER_IP = 5;
let resend: FakeResend;
const saved = { ...process.env };

beforeAll(async () => {
  resend = await startFakeResend();
});
beforeEach(async () => {
  process.env = { ...saved, APP_URL: APP, AUTH_SECRET: "a".repeat(32), RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url, SIGN_IN_LINKS_PER_IP_PER_MINUTE: String(PER_IP) };
  delete process.env.AUTH_URL;
  resetEnvCache();
  await resetMagicLinkLimiters();
  // With REDIS_URL (CI) the limits count in Redis; until it is connected they count in memory instead.
  expect(await magicLinkLimitersReady()).toBe(true);
});
afterAll(async () => {
  await resend.close();
  process.env = saved;
  resetEnvCache();
  await resetMagicLinkLimiters();
  await closeDb();
});

// Random, not counted: with a shared Redis, another run's counts for the same address live on for a minute.
const octet = () => Math.floor(Math.random() * 254) + 1;
const freshIp = () => `10.${octet()}.${octet()}.${octet()}`;

/** GET the CSRF token as a browser would, then POST the email form with the given headers. */
async function requestLink(email: string, headers: Record<string, string> = {}) {
  const base = headers.host ? `http://${headers.host}` : APP;
  const csrf = await GET(new NextRequest(`${base}/api/auth/csrf`, { headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" });
  return POST(
    new NextRequest(`${base}/api/auth/signin/email`, {
      method: "POST",
      body,
      headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    }),
  );
}

const mailTo = (email: string) => resend.messages.filter((m) => m.to.includes(email));

describe("magic links through Auth.js's own route", () => {
  it("links to the configured origin even when the request names another host", async () => {
    const email = uniqueEmail("victim");
    const res = await requestLink(email, {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      origin: "https://evil.example",
      "x-forwarded-for": freshIp(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(new RegExp(`^${APP}/`));
    const [mail] = mailTo(email);
    expect(mail).toBeDefined();
    const links = [...(mail!.html ?? "").matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).origin).toBe(APP);
    expect(mail!.text).not.toContain("evil.example");
  });

  it("sends Auth.js's own error redirects to the configured origin", async () => {
    const res = await GET(
      new NextRequest("http://evil.example/api/auth/error?error=Verification", {
        headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
      }),
    );
    expect([302, 303, 307]).toContain(res.status);
    expect(res.headers.get("location")).toMatch(new RegExp(`^${APP}/sign-in\\?error=Verification`));
  });

  it(`sends at most ${MAGIC_LINKS_PER_MINUTE} links a minute to one address`, async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < MAGIC_LINKS_PER_MINUTE + 3; i++) await requestLink(email, { "x-forwarded-for": freshIp() });
    expect(mailTo(email)).toHaveLength(MAGIC_LINKS_PER_MINUTE);
  });

  it("sends at most SIGN_IN_LINKS_PER_IP_PER_MINUTE links a minute for one client IP, whatever the addresses", async () => {
    const ip = freshIp();
    const emails = Array.from({ length: PER_IP + 2 }, () => uniqueEmail("spray"));
    for (const email of emails) await requestLink(email, { "x-forwarded-for": ip });
    expect(emails.filter((e) => mailTo(e).length > 0)).toHaveLength(PER_IP);
  });
});
