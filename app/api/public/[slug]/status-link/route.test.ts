import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetSignupMailCaps, SIGNUP_MAILS_PER_RECIPIENT_PER_DAY } from "@/lib/signup-email/mail-caps";
import { STATUS_LINK_ANSWER } from "@/lib/signup-email/status-link-schema";
import { getSignupStatus } from "@/lib/signups/status";
import { createWaitlist, params, routeRequest, uniqueEmail, uniqueIp, uniqueSlug } from "@/tests/support/fixtures";
import { APP, startMailWorld, type MailWorld } from "@/tests/support/mail-world";
import { enforceTurnstileAgainstFake, passToken } from "@/tests/support/public-api";
import { POST } from "./route";

// "Email me my link": a listed address gets one email per request with a fresh, working status link (even
// after unsubscribing: they asked for it); an unknown address gets the very same answer and no email; the caps
// refuse the fourth request a day for one address, listed or not, and a flood from one IP.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
});
afterEach(async () => {
  await world.stopWorkers();
  await resetSignupMailCaps();
});
afterAll(async () => {
  await world.close();
});

async function ask(slug: string, body: unknown, ip = uniqueIp()) {
  const res = await POST(routeRequest(`/api/public/${slug}/status-link`, body, { ip }), params({ slug }));
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function jobsFor(signupId: string) {
  const { rows } = await pool().query<{ state: string; singleton_key: string }>(
    `SELECT state, singleton_key FROM ${world.schema}.job WHERE name = 'signup-status-link' AND data->>'signupId' = $1`,
    [signupId],
  );
  return rows;
}

async function statusLinkJobCount(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${world.schema}.job WHERE name = 'signup-status-link'`);
  return rows[0]!.n;
}

describe("POST /api/public/:slug/status-link", () => {
  it("mails a listed address its fresh status link once, transactional, even after an unsubscribe", async () => {
    const s = await world.signup();
    const { slug } = await db().waitlist.findUniqueOrThrow({ where: { id: s.waitlistId } });
    await pool().query(`UPDATE signups SET unsubscribed_at = now() WHERE id = $1`, [s.id]);

    const answer = await ask(slug, { email: s.email.toUpperCase() });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, message: STATUS_LINK_ANSWER });
    expect(answer.res.headers.get("cache-control")).toBe("no-store");
    const [job] = await jobsFor(s.id);
    expect(job).toMatchObject({ state: "created", singleton_key: expect.stringMatching(/^status-link:[0-9a-f-]{36}$/) });

    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(s.email).filter((m) => m.subject.includes("Your link"))).toHaveLength(1), {
      timeout: 15_000,
    });
    await vi.waitFor(async () => expect(await jobsFor(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 10_000 });
    const mail = world.messagesTo(s.email).find((m) => m.subject.includes("Your link"))!;
    expect(mail.subject).toBe("Your link to the Rocket Club waitlist");
    // Asked for: no unsubscribe header or link, no mailing footer.
    expect(mail.headers["List-Unsubscribe"]).toBeUndefined();
    expect(mail.text).not.toContain("/unsubscribe/");
    const link = new RegExp(`${APP}/w/${slug}/status/([A-Za-z0-9_-]{32})`).exec(mail.text ?? "");
    expect(link).not.toBeNull();
    expect(mail.html).toContain(link![0]);
    expect(link![1]).not.toBe(s.statusToken);
    expect(await getSignupStatus(slug, link![1]!)).toMatchObject({ position: 1, refCode: s.refCode });
    expect(await db().signupEmail.findMany({ where: { signupId: s.id }, select: { kind: true } })).toEqual([{ kind: "status-link" }]);
  });

  it("answers an unknown address exactly the same and queues and sends nothing", async () => {
    const s = await world.signup();
    const { slug } = await db().waitlist.findUniqueOrThrow({ where: { id: s.waitlistId } });
    const before = await statusLinkJobCount();
    const listed = await ask(slug, { email: s.email });
    const unknown = await ask(slug, { email: uniqueEmail("stranger") });
    expect(unknown.status).toBe(listed.status);
    expect(unknown.json).toEqual(listed.json);
    expect(await statusLinkJobCount()).toBe(before + 1);

    // Someone on another list is unknown here.
    const other = await world.signup();
    expect((await ask(slug, { email: other.email })).json).toEqual(listed.json);
    expect(await jobsFor(other.id)).toEqual([]);
    expect(await statusLinkJobCount()).toBe(before + 1);
  });

  it("caps one address at three a day whether or not it is listed, and one IP per hour", async () => {
    const s = await world.signup();
    const { slug } = await db().waitlist.findUniqueOrThrow({ where: { id: s.waitlistId } });
    const stranger = uniqueEmail("stranger");
    for (const email of [s.email, stranger]) {
      for (let i = 0; i < SIGNUP_MAILS_PER_RECIPIENT_PER_DAY; i += 1) expect((await ask(slug, { email })).status).toBe(200);
      const refused = await ask(slug, { email });
      expect(refused.status).toBe(429);
      expect(refused.json).toMatchObject({ ok: false, error: { code: "rate_limited" } });
      expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(await jobsFor(s.id)).toHaveLength(SIGNUP_MAILS_PER_RECIPIENT_PER_DAY);

    const saved = process.env.SIGNUP_MAILS_PER_IP_PER_HOUR;
    process.env.SIGNUP_MAILS_PER_IP_PER_HOUR = "2";
    resetEnvCache();
    await resetSignupMailCaps();
    try {
      const ip = uniqueIp();
      expect((await ask(slug, { email: uniqueEmail("a") }, ip)).status).toBe(200);
      expect((await ask(slug, { email: uniqueEmail("b") }, ip)).status).toBe(200);
      const victim = await world.signup({ waitlistId: s.waitlistId });
      expect((await ask(slug, { email: victim.email }, ip)).status).toBe(429);
      expect(await jobsFor(victim.id)).toEqual([]);
    } finally {
      process.env.SIGNUP_MAILS_PER_IP_PER_HOUR = saved;
      resetEnvCache();
    }
  });

  it("refuses bad input, an unknown list and a failed captcha, spending no allowance and queueing nothing", async () => {
    const s = await world.signup();
    const { slug } = await db().waitlist.findUniqueOrThrow({ where: { id: s.waitlistId } });
    const before = await statusLinkJobCount();
    expect((await ask(slug, { email: "not-an-email" })).json).toMatchObject({ error: { code: "invalid_email", field: "email" } });
    expect((await ask(slug, {})).json).toMatchObject({ error: { code: "invalid_email" } });
    expect((await ask(slug, "[]")).json).toMatchObject({ error: { code: "invalid_content_type" } });
    expect((await ask(uniqueSlug("none"), { email: s.email })).status).toBe(404);

    const fake = await enforceTurnstileAgainstFake();
    try {
      const ip = uniqueIp();
      for (const turnstile of [undefined, "fail-x"]) {
        const refused = await ask(slug, { email: s.email, turnstile }, ip);
        expect(refused.status).toBe(403);
        expect(refused.json).toMatchObject({ error: { code: "turnstile_failed" } });
      }
      expect(await statusLinkJobCount()).toBe(before);
      // The refusals spent none of the address's three.
      for (let i = 0; i < SIGNUP_MAILS_PER_RECIPIENT_PER_DAY; i += 1) {
        expect((await ask(slug, { email: s.email, turnstile: passToken() }, ip)).status).toBe(200);
      }
    } finally {
      process.env.TURNSTILE_MODE = "off";
      resetEnvCache();
      await fake.close();
    }
  });
});

describe("the status-link job", () => {
  it("sends nothing for someone who left before it ran", async () => {
    const w = await createWaitlist({ title: "Gone club" });
    const s = await world.signup({ waitlistId: w.id });
    expect((await ask(w.slug, { email: s.email })).status).toBe(200);
    await pool().query(`DELETE FROM signups WHERE id = $1`, [s.id]);
    await world.worker();
    await vi.waitFor(async () => expect(await jobsFor(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 15_000 });
    expect(world.messagesTo(s.email).filter((m) => m.subject.includes("Your link"))).toEqual([]);
  });
});
