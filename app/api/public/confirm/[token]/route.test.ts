import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, pool } from "@/lib/db";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { createSignup } from "@/lib/signups/mutations";
import { getSignupStatus } from "@/lib/signups/status";
import { createWaitlist, params, routeRequest, uniqueEmail, uniqueIp } from "@/tests/support/fixtures";
import { expectDocumented, servedOpenApi, type OpenApiDoc } from "@/tests/support/openapi-check";
import { POST } from "./route";

// The double opt-in confirmation without a login: only POST confirms, once (the link is used up), a browser's
// form post that confirmed lands on a fresh private status page and any other goes back to the confirm page
// with no status link minted, anything else is not_found and changes nothing.

const PATH = "/api/public/confirm/{token}";
let doc: OpenApiDoc;
beforeAll(async () => {
  doc = await servedOpenApi();
});
afterAll(closeDb);

async function post(token: string, headers: Record<string, string> = {}) {
  const res = await POST(routeRequest(`/api/public/confirm/${token}`, "", { method: "POST", headers, ip: uniqueIp() }), params({ token }));
  const json = res.headers.get("content-type")?.includes("json") ? ((await res.json()) as Record<string, unknown>) : null;
  return { res, status: res.status, json };
}

async function pendingSignup() {
  const w = await createWaitlist({ doubleOptIn: true });
  const s = await createSignup({ waitlistId: w.id, email: uniqueEmail() });
  if (s.kind !== "created" || !s.pending) throw new Error("expected a pending signup");
  return { w, s, token: await mintSignupToken(s.id, "confirm") };
}

const statusOf = async (id: string) => (await db().signup.findUniqueOrThrow({ where: { id } })).status;

describe("POST /api/public/confirm/:token", () => {
  it("confirms once; again the used link is not_found and changes nothing", async () => {
    const { w, s, token } = await pendingSignup();
    const first = await post(token);
    expect(first.json).toEqual({ ok: true, confirmed: true, status: "waiting", position: 1 });
    expect(first.res.headers.get("access-control-allow-origin")).toBe("*");
    expectDocumented(doc, PATH, "post", first);
    const again = await post(token);
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ ok: false, error: { code: "not_found" } });
    expectDocumented(doc, PATH, "post", again);
    expect(await db().waitlist.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ waitingCount: 1, signupCount: 1 });
    expect(await statusOf(s.id)).toBe("WAITING");
  });

  it("sends a browser's form post to a fresh private status page", async () => {
    const { w, token } = await pendingSignup();
    const res = (await post(token, { "sec-fetch-mode": "navigate", "content-type": "application/x-www-form-urlencoded" })).res;
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    const match = new RegExp(`^/w/${w.slug}/status/([A-Za-z0-9_-]{32})\\?confirmed=1$`).exec(location);
    expect(match).not.toBeNull();
    expect(await getSignupStatus(w.slug, match![1]!)).toMatchObject({ status: "waiting", position: 1 });
  });

  it("mints no status link for a browser's post that did not confirm: back to the confirm page", async () => {
    const { s, token } = await pendingSignup();
    const navigate = { "sec-fetch-mode": "navigate", "content-type": "application/x-www-form-urlencoded" };
    expect((await post(token, navigate)).status).toBe(303);
    // The same link again (an archived or forwarded email), and one minted as the confirmation committed.
    for (const used of [token, await mintSignupToken(s.id, "confirm")]) {
      const r = await post(used, navigate);
      expect(r.status).toBe(303);
      expect(r.res.headers.get("location")).toBe(`/confirm/${used}`);
    }
    const { rows } = await pool().query(`SELECT 1 FROM signup_tokens WHERE signup_id = $1 AND purpose = 'status'`, [s.id]);
    expect(rows).toHaveLength(1);
  });

  it("is not_found for unknown, malformed and other-purpose tokens, changing nothing", async () => {
    const { s, token } = await pendingSignup();
    for (const bad of [token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), "not-a-token", await mintSignupToken(s.id, "unsubscribe"), s.statusToken]) {
      const r = await post(bad);
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject({ ok: false, error: { code: "not_found" } });
      expectDocumented(doc, PATH, "post", r);
    }
    expect(await statusOf(s.id)).toBe("PENDING");
    const { rows } = await pool().query(`SELECT 1 FROM signup_tokens WHERE signup_id = $1 AND purpose = 'status'`, [s.id]);
    expect(rows).toHaveLength(0);
  });
});
