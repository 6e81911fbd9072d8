import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { pool } from "@/lib/db";
import { rotateSecret, sendTestEvent, updateEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries, resendDelivery, resendFailedSince } from "@/lib/webhooks/deliveries";
import { DISABLE_AFTER_MS } from "@/lib/webhooks/dispatcher";
import { createWaitlist } from "@/tests/support/fixtures";
import { withWebhookWorld } from "@/tests/support/webhook-world";

// Replay (resend one, resend failed since), secret rotation with its overlap, sealed secrets, and endpoints that
// fail for three days being disabled with an email to the owner. The dispatcher's clock is injected.

const world = withWebhookWorld();

describe("replay", () => {
  it("resends one delivery with the same webhook-id, and every failed one since a time", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["signup.created"] });
    await world.join(waitlist.id);
    await world.drain();
    const [first] = (await listDeliveries(waitlist.teamId, waitlist.id, { limit: 5 })).deliveries;
    const start = world.receiver.received.length;
    await resendDelivery(waitlist.teamId, waitlist.id, first!.id);
    await world.drain();
    expect(world.fromReceiver(start, waitlist.id).map((h) => h.headers["webhook-id"])).toEqual([`msg_${first!.id}`]);

    // Two deliveries fail for good (window over), then the receiver is fixed and both are resent.
    world.receiver.answer(() => ({ status: 500 }));
    const before = new Date(Date.now() - 1000);
    await world.join(waitlist.id);
    await world.join(waitlist.id);
    await world.drain(new Date(Date.now() + 25 * 3600_000));
    world.receiver.answer(null);
    expect((await listDeliveries(waitlist.teamId, waitlist.id, { status: "failed", limit: 5 })).deliveries).toHaveLength(2);
    expect(await resendFailedSince(waitlist.teamId, waitlist.id, new Date(Date.now() + 60_000))).toBe(0);
    const start2 = world.receiver.received.length;
    expect(await resendFailedSince(waitlist.teamId, waitlist.id, before)).toBe(2);
    await world.drain();
    expect(world.fromReceiver(start2, waitlist.id)).toHaveLength(2);
    expect((await listDeliveries(waitlist.teamId, waitlist.id, { status: "succeeded", limit: 5 })).deliveries).toHaveLength(3);
  });

  it("keeps another owner out", async () => {
    const { waitlist } = await world.listWithEndpoint({ events: ["signup.created"] });
    await world.join(waitlist.id);
    const [d] = (await listDeliveries(waitlist.teamId, waitlist.id, { limit: 1 })).deliveries;
    const other = await createWaitlist({});
    await expect(resendDelivery(other.teamId, waitlist.id, d!.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listDeliveries(other.teamId, waitlist.id, { limit: 5 })).deliveries).toEqual([]);
  });
});

describe("secrets", () => {
  it("signs with both secrets during a rotation's overlap, then with the new one only", async () => {
    const { waitlist, endpoint, secret: oldSecret } = await world.listWithEndpoint({ events: ["signup.created"] });
    const { secret: newSecret } = await rotateSecret(waitlist.teamId, waitlist.id, endpoint.id);
    expect(newSecret).not.toBe(oldSecret);
    const start = world.receiver.received.length;
    await world.join(waitlist.id);
    await world.drain();
    const [during] = world.fromReceiver(start, waitlist.id);
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(during!.body, during!.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(during!.body, during!.headers)).not.toThrow();

    await pool().query(`UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [endpoint.id]);
    await world.join(waitlist.id);
    await world.drain();
    const [, after] = world.fromReceiver(start, waitlist.id);
    expect(() => new Webhook(newSecret).verify(after!.body, after!.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(after!.body, after!.headers)).toThrow();
  });

  it("stores secrets sealed, never in the clear", async () => {
    const { endpoint, secret } = await world.listWithEndpoint({ events: ["signup.created"] });
    const { rows } = await pool().query<{ secret_enc: string }>(`SELECT secret_enc FROM webhook_endpoints WHERE id = $1`, [endpoint.id]);
    expect(rows[0]!.secret_enc).not.toContain(secret.slice(6, 20));
    expect(JSON.stringify(endpoint)).not.toContain(secret);
  });
});

describe("failing endpoints", () => {
  it("disables an endpoint after three days of failures, tells the owner once, and sends a test event when asked", async () => {
    const { waitlist, endpoint } = await world.listWithEndpoint({ events: ["signup.created"] });
    world.receiver.answer(() => ({ status: 500 }));
    try {
      await world.join(waitlist.id);
      const t0 = Date.now();
      await world.drain(new Date(t0));
      await world.join(waitlist.id);
      await world.drain(new Date(t0 + DISABLE_AFTER_MS - 60_000));
      let row = (await pool().query<{ enabled: boolean }>(`SELECT enabled FROM webhook_endpoints WHERE id = $1`, [endpoint.id])).rows[0]!;
      expect(row.enabled).toBe(true);
      await sendTestEvent(waitlist.teamId, waitlist.id, endpoint.id);
      await world.drain(new Date(t0 + DISABLE_AFTER_MS + 1000));
      row = (await pool().query<{ enabled: boolean; disabled_reason: string }>(`SELECT enabled, disabled_reason FROM webhook_endpoints WHERE id = $1`, [endpoint.id])).rows[0]!;
      expect(row).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("3 days") });
      const owner = (await pool().query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [waitlist.ownerId])).rows[0]!;
      const mails = world.resend.messages.filter((m) => m.to.includes(owner.email));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain("disabled");
      expect(mails[0]!.text).toContain(world.receiver.url);
    } finally {
      world.receiver.answer(null);
    }
    // Enabled again by the owner: the streak starts over, and a test event goes out.
    await updateEndpoint(waitlist.teamId, waitlist.id, endpoint.id, { enabled: true });
    const start = world.receiver.received.length;
    await sendTestEvent(waitlist.teamId, waitlist.id, endpoint.id);
    await world.drain();
    expect(world.fromReceiver(start, waitlist.id).map((h) => h.json.type)).toEqual(["webhook.test"]);
  });
});
