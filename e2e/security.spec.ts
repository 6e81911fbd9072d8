import { request as httpRequest } from "node:http";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startProductionServer } from "@/tests/support/production-server";
import type { Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";
import { stubTurnstile } from "./turnstile-stub";

// What the production server promises at the HTTP level: security headers on every kind of answer, a CSP
// whose nonce Next's own scripts carry, JSON (never HTML, never a 500) for hostile posts and unknown API
// paths, a client IP that a direct client cannot choose, and a refusal to start half-configured.

async function demoRefCode(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ref_code: string }>(
      "SELECT s.ref_code FROM signups s JOIN waitlists w ON w.id = s.waitlist_id WHERE w.slug = 'demo' LIMIT 1",
    );
    return rows[0]!.ref_code;
  } finally {
    await client.end();
  }
}

const cspOf = (headers: Record<string, string>) => headers["content-security-policy"] ?? "";

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages get a per-request script nonce that Next's scripts carry, and the page still comes alive", async ({ page, request, browserErrors }) => {
    // The iframe embed: rendered per request, with the signup form and Turnstile like the hosted page.
    const first = await request.get("/w/demo/embed");
    const second = await request.get("/w/demo/embed");
    const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
    const nonce = nonceOf(cspOf(first.headers()));
    expect(nonce).toBeTruthy();
    expect(nonceOf(cspOf(second.headers()))).not.toBe(nonce);
    expect(cspOf(first.headers())).toContain("'strict-dynamic'");
    expect(cspOf(first.headers())).not.toContain("'unsafe-inline' https");
    expect(cspOf(first.headers())).toContain("object-src 'none'");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // Every other page rendered per request has its nonce too, and may not be framed.
    for (const url of ["/sign-in", "/pricing", "/w/demo/status/not-a-token"]) {
      const csp = cspOf((await request.get(url)).headers());
      expect(nonceOf(csp), url).toBeTruthy();
      expect(csp, url).toContain("frame-ancestors 'self'");
    }

    const violations = collectCspViolations(page);
    await stubTurnstile(page);
    await page.goto("/w/demo/embed");
    await waitForHydration(page, "form");
    // The Turnstile script, inserted at run time by a trusted script, is allowed through 'strict-dynamic'.
    await expect.poll(() => page.evaluate(() => typeof (window as { turnstile?: unknown }).turnstile)).toBe("object");
    expect(violations).toEqual([]);
    expect(browserErrors).toEqual([]);
  });

  test("the hosted page, one cached copy for everyone, gets the shared-HTML policy and still comes alive", async ({ page, request, run, browserErrors }) => {
    const ref = await demoRefCode(run.databaseUrl);
    for (const url of ["/w/demo", `/w/demo?ref=${ref}`]) {
      const first = await request.get(url);
      const second = await request.get(url);
      // Served from Next's cache: the same HTML, so no per-request nonce can be in it.
      expect(second.headers()["x-nextjs-cache"], url).toMatch(/^(HIT|STALE)$/);
      const csp = cspOf(first.headers());
      expect(csp, url).toBe(cspOf(second.headers()));
      expect(csp, url).not.toContain("'nonce-");
      expect(csp, url).toContain("script-src 'self' 'unsafe-inline' https://challenges.cloudflare.com;");
      expect(csp, url).not.toContain("'unsafe-eval'");
      // The rest of the policy is the one every page has.
      for (const part of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"]) {
        expect(csp, url).toContain(part);
      }
      expect(await first.text(), url).not.toMatch(/nonce="/);
    }

    const violations = collectCspViolations(page);
    await stubTurnstile(page);
    await page.goto(`/w/demo?ref=${ref}`);
    await waitForHydration(page, "form");
    await expect.poll(() => page.evaluate(() => typeof (window as { turnstile?: unknown }).turnstile)).toBe("object");
    expect(violations).toEqual([]);
    expect(browserErrors).toEqual([]);
  });

  test("the iframe embed may be framed by anyone; nothing else may", async ({ request }) => {
    const embed = await request.get("/w/demo/embed");
    expect(cspOf(embed.headers())).toContain("frame-ancestors *");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    for (const url of ["/w/demo", "/dashboard", "/sign-in", "/", "/api/public/demo/config"]) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.headers()["x-frame-options"], url).toBe("SAMEORIGIN");
    }
  });

  test("nosniff and a referrer policy on pages, APIs and files; the QR SVG keeps its own locked-down CSP", async ({ request, run }) => {
    const ref = await demoRefCode(run.databaseUrl);
    for (const url of ["/", "/w/demo", "/api/public/demo/config", "/api/health", "/embed.js", `/w/demo/qr?ref=${ref}`]) {
      const res = await request.get(url);
      expect(res.headers()["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers()["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    }
    const qr = await request.get(`/w/demo/qr?ref=${ref}`);
    expect(qr.status()).toBe(200);
    expect(cspOf(qr.headers())).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });
});

/** A raw request, so the path reaches the server exactly as written (no URL normalisation). */
function raw(baseURL: string, method: string, rawPath: string, headers: Record<string, string>, body = "") {
  const url = new URL(baseURL);
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const sized = { ...headers, "content-length": String(Buffer.byteLength(body)) };
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: rawPath, headers: sized }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

test.describe("hostile requests get JSON, never a 500 or the HTML 404 page", () => {
  const multipart = { "content-type": "multipart/form-data; boundary=x" };

  test("a malformed multipart POST to a page is refused before Next's action handler", async ({ run }) => {
    for (const target of ["/", "/w/demo", "/sign-in", "/pricing"]) {
      const res = await raw(run.baseURL, "POST", target, multipart, "garbage");
      expect(res.status, target).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
    const wellFormed = "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b.co\r\n--x--\r\n";
    const notAnAction = await raw(run.baseURL, "POST", "/sign-in", multipart, wellFormed);
    expect(notAnAction.status).toBe(400);
    expect(JSON.parse(notAnAction.body).error.message).toMatch(/does not accept form posts/);
  });

  test("unknown /api/ paths answer the JSON not_found shape for every method", async ({ run }) => {
    for (const [method, target] of [
      ["GET", "/api/nope"],
      ["POST", "/api/public/%2e%2e/signup"],
      ["DELETE", "/api/waitlists/x/y/z"],
      ["PUT", "/api/public"],
    ] as const) {
      const res = await raw(run.baseURL, method, target, multipart, "garbage");
      expect(res.status, `${method} ${target}`).toBe(404);
      expect(res.type).toContain("application/json");
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
  });
});

test("with TRUSTED_PROXY_HOPS=0 a client's own X-Forwarded-For does not give it a fresh rate-limit bucket", async ({ run }) => {
  const remaining = async (ip: string) => {
    const res = await fetch(`${run.baseURL}/api/public/demo/config`, { headers: { "x-forwarded-for": ip } });
    return Number(res.headers.get("ratelimit-remaining"));
  };
  const a = await remaining("203.0.113.1");
  const b = await remaining("198.51.100.77");
  const c = await remaining("192.0.2.200");
  // One bucket (the socket's address) counting down; spoofed addresses would each start near the limit.
  expect(b).toBeLessThan(a);
  expect(c).toBeLessThan(b);
});

test.describe("start-up", () => {
  test.describe.configure({ timeout: 60_000 });

  test("production refuses to start without a client-IP decision or an email transport, naming both", async ({ run }) => {
    const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), "wf-startup-")), "server.log");
    const attempt = startProductionServer({
      logFile,
      env: (baseUrl) => ({
        DATABASE_URL: run.databaseUrl,
        APP_URL: baseUrl,
        AUTH_SECRET: "x".repeat(32),
        TRUSTED_PROXY_HOPS: "",
        EMAIL_TRANSPORT: "",
        RESEND_API_KEY: "",
      }),
    });
    const error = await attempt.then(
      async (server) => {
        await server.stop();
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/exited with code 1/);
    expect(error?.message).toMatch(/TRUSTED_PROXY_HOPS: say how the client IP is found/);
    expect(error?.message).toMatch(/RESEND_API_KEY: required in production/);
  });

  test("a server whose public URL is https sends HSTS on its pages", async ({ run }) => {
    const server = await startProductionServer({
      env: () => ({ DATABASE_URL: run.databaseUrl, APP_URL: "https://waitlist.example", AUTH_SECRET: "x".repeat(32) }),
    });
    try {
      const res = await fetch(`${server.baseUrl}/w/demo`);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      await server.stop();
    }
    const plain = await fetch(`${run.baseURL}/w/demo`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});
