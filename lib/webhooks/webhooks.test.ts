import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { confirmPendingSignup, inviteSignups, removeSignup, setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { createEndpoint, rotateSecret, sendTestEvent, updateEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries, resendDelivery, resendFailedSince } from "@/lib/webhooks/deliveries";
import { DISABLE_AFTER_MS, dispatchDue } from "@/lib/webhooks/dispatcher";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/schemas";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";

// Outgoing webhooks end to end below HTTP routes: events written by the triggers for each lifecycle change, the
// real dispatcher POSTing to a local receiver, Standard Webhooks signatures checked with the package's own
// verify, retries, replay, rotation, and disabling. The clock of the dispatcher is injected, so retries and the
// three-day rule need no waiting.

let receiver: WebhookReceiver;
let resend: FakeResend;
const saved = { ...process.env };
const LOOPBACK = { allowPrivate: true };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  resend = await startFakeResend();
  Object.assign(process.env, {
    WEBHOOK_RETRY_BASE_SECONDS: "1",
    WEBHOOK_RETRY_HOURS: "24",
    RESEND_API_KEY: "re_test",
    EMAIL_TRANSPORT: "resend",
    RESEND_BASE_URL: resend.url,
    LOG_LEVEL: "silent",
  });
  resetEnvCache();
});

afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await receiver.close();
  await resend.close();
});

async function listWithEndpoint(options: { events?: string[]; doubleOptIn?: boolean; capacity?: number } = {}) {
  const waitlist = await createWaitlist({ doubleOptIn: options.doubleOptIn ?? false, capacity: options.capacity ?? null });
  const { endpoint, secret } = await createEndpoint(
    waitlist.ownerId,
    waitlist.id,
    { url: receiver.url, description: "test", events: (options.events ?? [...WEBHOOK_EVENTS]) as never, enabled: true },
    LOOPBACK,
  );
  return { waitlist, endpoint, secret };
}

async function eventsOf(waitlistId: string): Promise<{ type: string; signup: string | null }[]> {
  const { rows } = await pool().query<{ type: string; signup: string | null }>(
    `SELECT type, data->'signup'->>'id' AS signup FROM webhook_events WHERE waitlist_id = $1 ORDER BY created_at, type`,
    [waitlistId],
  );
  return rows;
}

async function join(waitlistId: string, ref?: string) {
  const r = await createSignup({ waitlistId, email: uniqueEmail("hook"), ref: ref ?? null });
  if (r.kind !== "created") throw new Error(r.kind);
  return r;
}

/** Runs the dispatcher until nothing is due at `at`. */
async function drain(at = new Date()) {
  while ((await dispatchDue({ now: () => at, ...LOOPBACK })) > 0);
}

type Hook = { type: string; data: { waitlist: { id: string }; signup?: { id: string } } };

/** What the receiver got since `start` for this waitlist (drains also deliver earlier tests' leftovers). */
function fromReceiver(start: number, waitlistId: string) {
  return receiver.received
    .slice(start)
    .map((h) => ({ ...h, json: JSON.parse(h.body) as Hook }))
    .filter((h) => h.json.data.waitlist.id === waitlistId);
}

describe("events", () => {
  it("writes one event per lifecycle change, in the change's transaction", async () => {
    const { waitlist } = await listWithEndpoint({ doubleOptIn: true });
    const a = await join(waitlist.id);
    expect(await confirmPendingSignup(waitlist.id, a.id)).toMatchObject({ kind: "confirmed" });
    // A pending referrer is not credited (lib/signups/line-join.ts); a confirmed one is, when b confirms.
    const b = await join(waitlist.id, a.refCode);
    expect(await confirmPendingSignup(waitlist.id, b.id)).toMatchObject({ kind: "confirmed" });
    expect(await inviteSignups(waitlist.id, { signupIds: [a.id] })).toEqual([a.id]);
    expect(await setSignupStatus(waitlist.id, a.id, "JOINED")).toBe(true);
    expect(await setSignupStatus(waitlist.id, b.id, "REMOVED")).toBe(true);
    expect(await removeSignup(waitlist.id, b.id)).toBe(true);

    const events = await eventsOf(waitlist.id);
    const of = (id: string) => events.filter((e) => e.signup === id).map((e) => e.type).sort();
    expect(of(a.id)).toEqual(
      ["signup.created", "signup.confirmed", "referral.credited", "signup.invited", "signup.joined"].sort(),
    );
    expect(of(b.id)).toEqual(["signup.created", "signup.confirmed", "signup.removed", "signup.deleted"].sort());
    const { rows } = await pool().query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM webhook_deliveries WHERE waitlist_id = $1`, [waitlist.id]);
    expect(rows[0]!.n).toBe(events.length);
  });

  it("writes nothing for lists without an enabled, subscribed endpoint", async () => {
    const bare = await createWaitlist({});
    await join(bare.id);
    expect(await eventsOf(bare.id)).toEqual([]);

    const { waitlist, endpoint } = await listWithEndpoint({ events: ["signup.invited"] });
    const s = await join(waitlist.id);
    expect(await eventsOf(waitlist.id)).toEqual([]);
    await updateEndpoint(waitlist.ownerId, waitlist.id, endpoint.id, { enabled: false });
    await inviteSignups(waitlist.id, { top: 1 });
    expect(await eventsOf(waitlist.id)).toEqual([]);
    await updateEndpoint(waitlist.ownerId, waitlist.id, endpoint.id, { enabled: true });
    await setSignupStatus(waitlist.id, s.id, "JOINED");
    expect(await eventsOf(waitlist.id)).toEqual([]);
  });

  it("emits waitlist.full once per fill, when a signup is refused", async () => {
    const { waitlist } = await listWithEndpoint({ events: ["waitlist.full"], capacity: 1 });
    await join(waitlist.id);
    for (let i = 0; i < 3; i++) expect((await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("late") })).kind).toBe("full");
    expect((await eventsOf(waitlist.id)).map((e) => e.type)).toEqual(["waitlist.full"]);
  });
});

describe("delivery", () => {
  it("signs every delivery so standardwebhooks' own verify accepts it, and tampering does not", async () => {
    const { waitlist, secret } = await listWithEndpoint({ events: ["signup.created"] });
    const start = receiver.received.length;
    const s = await join(waitlist.id);
    await drain();
    const [hook] = fromReceiver(start, waitlist.id);
    expect(hook!.json).toMatchObject({ type: "signup.created", data: { waitlist: { id: waitlist.id, slug: waitlist.slug }, signup: { id: s.id, ref_code: s.refCode, status: "waiting" } } });
    expect(hook!.headers["webhook-id"]).toMatch(/^msg_/);
    expect(() => new Webhook(secret).verify(hook!.body, hook!.headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(hook!.body.replace("waiting", "invited"), hook!.headers)).toThrow();
  });

  it("retries a failing receiver with backoff until it recovers: every event arrives exactly once as a success", async () => {
    const { waitlist } = await listWithEndpoint({ events: ["signup.created"] });
    const start = receiver.received.length;
    receiver.failNext(4);
    const people = [await join(waitlist.id), await join(waitlist.id), await join(waitlist.id)];
    let clock = Date.now();
    for (let i = 0; i < 8; i++) {
      await drain(new Date(clock));
      clock += 60_000;
    }
    const hooks = fromReceiver(start, waitlist.id);
    const ok = new Map<string, number>();
    // Failed attempts are answered 500 and retried with the same webhook-id; count the accepted ones per signup.
    const { rows } = await pool().query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM webhook_deliveries WHERE waitlist_id = $1`,
      [waitlist.id],
    );
    expect(rows.every((r) => r.status === "succeeded")).toBe(true);
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(3 + 4);
    for (const h of hooks) ok.set(h.json.data.signup!.id, (ok.get(h.json.data.signup!.id) ?? 0) + 1);
    expect([...ok.keys()].sort()).toEqual(people.map((p) => p.id).sort());
    const ids = new Set(hooks.map((h) => h.headers["webhook-id"]));
    expect(ids.size).toBe(3);
    const log = await listDeliveries(waitlist.ownerId, waitlist.id, { limit: 10 });
    const retried = log.deliveries.find((d) => d.attempts > 1)!;
    expect(retried.attempt_log[0]).toMatchObject({ status_code: 204 });
    expect(retried.attempt_log.at(-1)).toMatchObject({ status_code: 500, response_excerpt: "receiver down", error: "HTTP 500" });
  });

  it("schedules retries with doubling delays and fails a delivery after the retry window", async () => {
    const { waitlist } = await listWithEndpoint({ events: ["signup.created"] });
    receiver.answer(() => ({ status: 503 }));
    try {
      await join(waitlist.id);
      const t0 = Date.now();
      await drain(new Date(t0));
      const next = async () => (await pool().query<{ next_attempt_at: Date; status: string }>(`SELECT next_attempt_at, status FROM webhook_deliveries WHERE waitlist_id = $1`, [waitlist.id])).rows[0]!;
      expect((await next()).next_attempt_at.getTime() - t0).toBeGreaterThanOrEqual(900);
      await drain(new Date(t0 + 1500));
      expect((await next()).next_attempt_at.getTime() - (t0 + 1500)).toBeGreaterThanOrEqual(1900);
      await drain(new Date(t0 + 25 * 3600_000));
      expect((await next()).status).toBe("failed");
    } finally {
      receiver.answer(null);
    }
  });

  it("does not follow redirects", async () => {
    const { waitlist } = await listWithEndpoint({ events: ["signup.created"] });
    const start = receiver.received.length;
    receiver.answer((h) => (h.path === "/hooks" ? { status: 307, headers: { location: "/elsewhere" } } : { status: 204 }));
    try {
      await join(waitlist.id);
      await drain();
      expect(fromReceiver(start, waitlist.id).map((h) => h.path)).toEqual(["/hooks"]);
      const log = await listDeliveries(waitlist.ownerId, waitlist.id, { limit: 1 });
      expect(log.deliveries[0]).toMatchObject({ status: "pending", last_status_code: 307 });
    } finally {
      receiver.answer(null);
    }
  });
});

describe("replay", () => {
  it("resends one delivery with the same webhook-id, and every failed one since a time", async () => {
    const { waitlist } = await listWithEndpoint({ events: ["signup.created"] });
    await join(waitlist.id);
    await drain();
    const [first] = (await listDeliveries(waitlist.ownerId, waitlist.id, { limit: 5 })).deliveries;
    const start = receiver.received.length;
    await resendDelivery(waitlist.ownerId, waitlist.id, first!.id);
    await drain();
    expect(fromReceiver(start, waitlist.id).map((h) => h.headers["webhook-id"])).toEqual([`msg_${first!.id}`]);

    // Two deliveries fail for good (window over), then the receiver is fixed and both are resent.
    receiver.answer(() => ({ status: 500 }));
    const before = new Date(Date.now() - 1000);
    await join(waitlist.id);
    await join(waitlist.id);
    await drain(new Date(Date.now() + 25 * 3600_000));
    receiver.answer(null);
    expect((await listDeliveries(waitlist.ownerId, waitlist.id, { status: "failed", limit: 5 })).deliveries).toHaveLength(2);
    expect(await resendFailedSince(waitlist.ownerId, waitlist.id, new Date(Date.now() + 60_000))).toBe(0);
    const start2 = receiver.received.length;
    expect(await resendFailedSince(waitlist.ownerId, waitlist.id, before)).toBe(2);
    await drain();
    expect(fromReceiver(start2, waitlist.id)).toHaveLength(2);
    expect((await listDeliveries(waitlist.ownerId, waitlist.id, { status: "succeeded", limit: 5 })).deliveries).toHaveLength(3);
  });

  it("keeps another owner out", async () => {
    const { waitlist } = await listWithEndpoint({ events: ["signup.created"] });
    await join(waitlist.id);
    const [d] = (await listDeliveries(waitlist.ownerId, waitlist.id, { limit: 1 })).deliveries;
    const other = await createWaitlist({});
    await expect(resendDelivery(other.ownerId, waitlist.id, d!.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listDeliveries(other.ownerId, waitlist.id, { limit: 5 })).deliveries).toEqual([]);
  });
});

describe("secrets", () => {
  it("signs with both secrets during a rotation's overlap, then with the new one only", async () => {
    const { waitlist, endpoint, secret: oldSecret } = await listWithEndpoint({ events: ["signup.created"] });
    const { secret: newSecret } = await rotateSecret(waitlist.ownerId, waitlist.id, endpoint.id);
    expect(newSecret).not.toBe(oldSecret);
    const start = receiver.received.length;
    await join(waitlist.id);
    await drain();
    const [during] = fromReceiver(start, waitlist.id);
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(during!.body, during!.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(during!.body, during!.headers)).not.toThrow();

    await pool().query(`UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [endpoint.id]);
    await join(waitlist.id);
    await drain();
    const [, after] = fromReceiver(start, waitlist.id);
    expect(() => new Webhook(newSecret).verify(after!.body, after!.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(after!.body, after!.headers)).toThrow();
  });

  it("stores secrets sealed, never in the clear", async () => {
    const { endpoint, secret } = await listWithEndpoint({ events: ["signup.created"] });
    const { rows } = await pool().query<{ secret_enc: string }>(`SELECT secret_enc FROM webhook_endpoints WHERE id = $1`, [endpoint.id]);
    expect(rows[0]!.secret_enc).not.toContain(secret.slice(6, 20));
    expect(JSON.stringify(endpoint)).not.toContain(secret);
  });
});

describe("failing endpoints", () => {
  it("disables an endpoint after three days of failures, tells the owner once, and sends a test event when asked", async () => {
    const { waitlist, endpoint } = await listWithEndpoint({ events: ["signup.created"] });
    receiver.answer(() => ({ status: 500 }));
    try {
      await join(waitlist.id);
      const t0 = Date.now();
      await drain(new Date(t0));
      await join(waitlist.id);
      await drain(new Date(t0 + DISABLE_AFTER_MS - 60_000));
      let row = (await pool().query<{ enabled: boolean }>(`SELECT enabled FROM webhook_endpoints WHERE id = $1`, [endpoint.id])).rows[0]!;
      expect(row.enabled).toBe(true);
      await sendTestEvent(waitlist.ownerId, waitlist.id, endpoint.id);
      await drain(new Date(t0 + DISABLE_AFTER_MS + 1000));
      row = (await pool().query<{ enabled: boolean; disabled_reason: string }>(`SELECT enabled, disabled_reason FROM webhook_endpoints WHERE id = $1`, [endpoint.id])).rows[0]!;
      expect(row).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("3 days") });
      const owner = (await pool().query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [waitlist.ownerId])).rows[0]!;
      const mails = resend.messages.filter((m) => m.to.includes(owner.email));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain("disabled");
      expect(mails[0]!.text).toContain(receiver.url);
    } finally {
      receiver.answer(null);
    }
    // Enabled again by the owner: the streak starts over, and a test event goes out.
    await updateEndpoint(waitlist.ownerId, waitlist.id, endpoint.id, { enabled: true });
    const start = receiver.received.length;
    await sendTestEvent(waitlist.ownerId, waitlist.id, endpoint.id);
    await drain();
    expect(fromReceiver(start, waitlist.id).map((h) => h.json.type)).toEqual(["webhook.test"]);
  });
});
