import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { pool } from "@/lib/db";
import { confirmPendingSignup, inviteSignups, removeSignup, setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { updateEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { pruneWebhookEvents } from "@/lib/webhooks/retention";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { withWebhookWorld } from "@/tests/support/webhook-world";

// Events written by the triggers on `signups` for each lifecycle change (in the change's transaction, nothing for
// lists without a subscribed endpoint), and the real dispatcher POSTing them to a local receiver: signatures
// checked with standardwebhooks' own verify, retries with backoff, no redirects. The dispatcher's clock is injected.

const world = withWebhookWorld();

describe("events", () => {
  it("writes one event per lifecycle change, in the change's transaction", async () => {
    const { waitlist } = await world.listWithEndpoint({ doubleOptIn: true });
    const a = await world.join(waitlist.id);
    expect(await confirmPendingSignup(waitlist.id, a.id)).toMatchObject({ kind: "confirmed" });
    // A pending referrer is not credited (lib/signups/line-join.ts); a confirmed one is, when b confirms.
    const b = await world.join(waitlist.id, a.refCode);
    expect(await confirmPendingSignup(waitlist.id, b.id)).toMatchObject({ kind: "confirmed" });
    expect(await inviteSignups(waitlist.id, { signupIds: [a.id] })).toEqual([a.id]);
    expect(await setSignupStatus(waitlist.id, a.id, "JOINED")).toBe(true);
    expect(await setSignupStatus(waitlist.id, b.id, "REMOVED")).toBe(true);
    const of = async (id: string) => (await world.eventsOf(waitlist.id)).filter((e) => e.signup === id).map((e) => e.type).sort();
    expect(await of(b.id)).toEqual(["signup.created", "signup.confirmed", "signup.removed"].sort());
    expect(await removeSignup(waitlist.id, b.id)).toBe(true);

    const events = await world.eventsOf(waitlist.id);
    expect(await of(a.id)).toEqual(
      ["signup.created", "signup.confirmed", "referral.credited", "signup.invited", "signup.joined"].sort(),
    );
    // Deleted means gone from the events too (lib/webhooks/retention.ts): only the deletion itself stays.
    expect(await of(b.id)).toEqual(["signup.deleted"]);
    const { rows } = await pool().query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM webhook_deliveries WHERE waitlist_id = $1`, [waitlist.id]);
    expect(rows[0]!.n).toBe(events.length);
  });

  it("writes nothing when the change rolls back", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["signup.invited"] });
    const s = await world.join(waitlist.id);
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE signups SET status = 'INVITED' WHERE id = $1`, [s.id]);
      const inside = await client.query(`SELECT COUNT(*)::int AS n FROM webhook_events WHERE waitlist_id = $1`, [waitlist.id]);
      expect(inside.rows[0]).toEqual({ n: 1 });
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    expect(await world.eventsOf(waitlist.id)).toEqual([]);
  });

  it("writes nothing for lists without an enabled, subscribed endpoint", async () => {
    const bare = await createWaitlist({});
    await world.join(bare.id);
    expect(await world.eventsOf(bare.id)).toEqual([]);

    const { waitlist, endpoint } = await world.listWithEndpoint({ events: ["signup.invited"] });
    const s = await world.join(waitlist.id);
    expect(await world.eventsOf(waitlist.id)).toEqual([]);
    await updateEndpoint(waitlist.teamId, waitlist.id, endpoint.id, { enabled: false });
    await inviteSignups(waitlist.id, { top: 1 });
    expect(await world.eventsOf(waitlist.id)).toEqual([]);
    await updateEndpoint(waitlist.teamId, waitlist.id, endpoint.id, { enabled: true });
    await setSignupStatus(waitlist.id, s.id, "JOINED");
    expect(await world.eventsOf(waitlist.id)).toEqual([]);
  });

  it("emits waitlist.full once per fill, when a signup is refused", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["waitlist.full"], capacity: 1 });
    await world.join(waitlist.id);
    for (let i = 0; i < 3; i++) expect((await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("late") })).kind).toBe("full");
    expect((await world.eventsOf(waitlist.id)).map((e) => e.type)).toEqual(["waitlist.full"]);
  });
});

describe("delivery", () => {
  it("signs every delivery so standardwebhooks' own verify accepts it, and tampering does not", async () => {
    const { waitlist, secret } = await world.listWithEndpoint({ events: ["signup.created"] });
    const start = world.receiver.received.length;
    const s = await world.join(waitlist.id);
    await world.drain();
    const [hook] = world.fromReceiver(start, waitlist.id);
    expect(hook!.json).toMatchObject({ type: "signup.created", data: { waitlist: { id: waitlist.id, slug: waitlist.slug }, signup: { id: s.id, ref_code: s.refCode, status: "waiting" } } });
    expect(hook!.headers["webhook-id"]).toMatch(/^msg_/);
    expect(() => new Webhook(secret).verify(hook!.body, hook!.headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(hook!.body.replace("waiting", "invited"), hook!.headers)).toThrow();
  });

  it("retries a failing receiver with backoff until it recovers: every event arrives exactly once as a success", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["signup.created"] });
    const start = world.receiver.received.length;
    world.receiver.failNext(4);
    const people = [await world.join(waitlist.id), await world.join(waitlist.id), await world.join(waitlist.id)];
    let clock = Date.now();
    for (let i = 0; i < 8; i++) {
      await world.drain(new Date(clock));
      clock += 60_000;
    }
    const hooks = world.fromReceiver(start, waitlist.id);
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
    const log = await listDeliveries(waitlist.teamId, waitlist.id, { limit: 10 });
    const retried = log.deliveries.find((d) => d.attempts > 1)!;
    expect(retried.attempt_log[0]).toMatchObject({ status_code: 204 });
    expect(retried.attempt_log.at(-1)).toMatchObject({ status_code: 500, response_excerpt: "receiver down", error: "HTTP 500" });
  });

  it("schedules retries with doubling delays and fails a delivery after the retry window", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["signup.created"] });
    world.receiver.answer(() => ({ status: 503 }));
    try {
      await world.join(waitlist.id);
      const t0 = Date.now();
      await world.drain(new Date(t0));
      const next = async () => (await pool().query<{ next_attempt_at: Date; status: string }>(`SELECT next_attempt_at, status FROM webhook_deliveries WHERE waitlist_id = $1`, [waitlist.id])).rows[0]!;
      expect((await next()).next_attempt_at.getTime() - t0).toBeGreaterThanOrEqual(900);
      await world.drain(new Date(t0 + 1500));
      expect((await next()).next_attempt_at.getTime() - (t0 + 1500)).toBeGreaterThanOrEqual(1900);
      await world.drain(new Date(t0 + 25 * 3600_000));
      expect((await next()).status).toBe("failed");
    } finally {
      world.receiver.answer(null);
    }
  });

  it("does not follow redirects", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["signup.created"] });
    const start = world.receiver.received.length;
    world.receiver.answer((h) => (h.path === "/hooks" ? { status: 307, headers: { location: "/elsewhere" } } : { status: 204 }));
    try {
      await world.join(waitlist.id);
      await world.drain();
      expect(world.fromReceiver(start, waitlist.id).map((h) => h.path)).toEqual(["/hooks"]);
      const log = await listDeliveries(waitlist.teamId, waitlist.id, { limit: 1 });
      expect(log.deliveries[0]).toMatchObject({ status: "pending", last_status_code: 307 });
    } finally {
      world.receiver.answer(null);
    }
  });
});


describe("retention", () => {
  it("prunes events past WEBHOOK_RETENTION_DAYS once nothing of them is pending, and keeps the rest", async () => {
    const { waitlist } = await world.listWithEndpoint();
    const a = await world.join(waitlist.id);
    const b = await world.join(waitlist.id);
    const events = await world.eventsOf(waitlist.id);
    expect(events.length).toBeGreaterThanOrEqual(2);
    // a's event is old and delivered; b's is old and still pending.
    await pool().query(`UPDATE webhook_events SET created_at = now() - interval '40 days' WHERE waitlist_id = $1`, [waitlist.id]);
    await pool().query(
      `UPDATE webhook_deliveries d SET status = CASE WHEN e.data -> 'signup' ->> 'id' = $2 THEN 'succeeded' ELSE 'pending' END
         FROM webhook_events e WHERE e.id = d.event_id AND e.waitlist_id = $1`,
      [waitlist.id, a.id],
    );
    expect(await pruneWebhookEvents()).toBeGreaterThanOrEqual(1);
    const left = await world.eventsOf(waitlist.id);
    expect(left.some((e) => e.signup === a.id)).toBe(false);
    expect(left.some((e) => e.signup === b.id)).toBe(true);
  });
});
