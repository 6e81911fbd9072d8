import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetSignupMailCaps } from "@/lib/signup-email/mail-caps";
import { createWaitlist, uniqueEmail, uniqueIp } from "@/tests/support/fixtures";
import { expectDocumented, servedOpenApi, type OpenApiDoc } from "@/tests/support/openapi-check";
import { enforceTurnstileAgainstFake, passToken, postSignup } from "@/tests/support/public-api";

// POST /api/public/:slug/signup on a list with double opt-in, through the real handler with Turnstile
// enforced: the contract's answer plus status "pending" (without a status token), checked against the served OpenAPI document, and
// confirmation emails only after the captcha passed and within the caps.

const PATH = "/api/public/{slug}/signup";
let doc: OpenApiDoc;
let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
  delete process.env.REDIS_URL;
  resetEnvCache();
  await resetSignupMailCaps();
  doc = await servedOpenApi();
});
afterAll(async () => {
  await fake.close();
  await resetSignupMailCaps();
  await closeDb();
});

async function confirmJobs(waitlistId: string): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM pgboss.job j JOIN signups s ON s.id::text = j.data->>'signupId'
      WHERE j.name = 'signup-confirm' AND s.waitlist_id = $1`,
    [waitlistId],
  );
  return rows[0]!.n;
}

describe("POST /api/public/:slug/signup with double opt-in", () => {
  it("answers the contract plus status pending, for the new signup and for a duplicate, as documented", async () => {
    const w = await createWaitlist({ doubleOptIn: true });
    const email = uniqueEmail();
    const created = await postSignup(w.slug, { email, turnstile: passToken() });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      ok: true,
      position: 1,
      ref_code: expect.any(String),
      share_path: `/w/${w.slug}?ref=${created.json.ref_code}`,
      // No status_token: whoever typed the address in may not be its owner.
      status: "pending",
    });
    expectDocumented(doc, PATH, "post", created);

    const again = await postSignup(w.slug, { email: email.toUpperCase(), turnstile: passToken() });
    expect(again.json).toEqual({ ok: true, duplicate: true, position: 1, ref_code: created.json.ref_code, status: "pending" });
    expectDocumented(doc, PATH, "post", again);
    expect(await confirmJobs(w.id)).toBe(2);

    // Lists without double opt-in answer exactly as before.
    const plain = await createWaitlist();
    const r = await postSignup(plain.slug, { email: uniqueEmail(), turnstile: passToken() });
    expect(r.json).not.toHaveProperty("status");
    expectDocumented(doc, PATH, "post", r);
  });

  it("sends nothing and spends no allowance before the captcha passed", async () => {
    const w = await createWaitlist({ doubleOptIn: true });
    const email = uniqueEmail();
    for (let i = 0; i < 4; i++) {
      const failed = await postSignup(w.slug, { email, turnstile: `fail-${i}` }, { ip: uniqueIp() });
      expect(failed.status).toBe(403);
    }
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(0);
    // The three a day are all still there.
    for (let i = 0; i < 3; i++) {
      expect((await postSignup(w.slug, { email, turnstile: passToken() }, { ip: uniqueIp() })).status).toBe(200);
    }
    const refused = await postSignup(w.slug, { email, turnstile: passToken() }, { ip: uniqueIp() });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ ok: false, error: { code: "too_many_emails", field: "email" } });
    expect(refused.res.headers.get("access-control-allow-origin")).toBe("*");
    expectDocumented(doc, PATH, "post", refused);
    expect(await confirmJobs(w.id)).toBe(3);
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(1);
  });
});
