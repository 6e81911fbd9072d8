import { afterAll, beforeAll } from "vitest";
import { pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createSignup } from "@/lib/signups/mutations";
import { dispatchDue } from "@/lib/webhooks/dispatcher";
import { createEndpoint } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/webhooks/schemas";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";

// The scene of the webhook tests: a local receiver, the fake Resend (the disabled-endpoint email), fast retries,
// and a dispatcher driven by hand with an injected clock, limited to this file's own lists (test files share one
// database and run side by side).

const LOOPBACK = { allowPrivate: true };
type Hook = { type: string; data: { waitlist: { id: string }; signup?: { id: string } } };

export type WebhookWorld = ReturnType<typeof withWebhookWorld>;

export function withWebhookWorld() {
  const saved = { ...process.env };
  const lists: string[] = [];
  const state: { receiver?: WebhookReceiver; resend?: FakeResend } = {};
  beforeAll(async () => {
    state.receiver = await startWebhookReceiver();
    state.resend = await startFakeResend();
    Object.assign(process.env, {
      WEBHOOK_RETRY_BASE_SECONDS: "1",
      WEBHOOK_RETRY_HOURS: "24",
      RESEND_API_KEY: "re_test",
      EMAIL_TRANSPORT: "resend",
      RESEND_BASE_URL: state.resend.url,
      LOG_LEVEL: "silent",
    });
    resetEnvCache();
  });
  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    await state.receiver?.close();
    await state.resend?.close();
  });

  const world = {
    get receiver(): WebhookReceiver {
      return state.receiver!;
    },
    get resend(): FakeResend {
      return state.resend!;
    },
    /** A new list with one endpoint pointing at the receiver. */
    async listWithEndpoint(options: { events?: WebhookEventType[]; doubleOptIn?: boolean; capacity?: number } = {}) {
      const waitlist = await createWaitlist({ doubleOptIn: options.doubleOptIn ?? false, capacity: options.capacity ?? null });
      lists.push(waitlist.id);
      const { endpoint, secret } = await createEndpoint(
        waitlist.teamId,
        waitlist.id,
        { url: world.receiver.url, description: "test", events: options.events ?? [...WEBHOOK_EVENTS], enabled: true },
        LOOPBACK,
      );
      return { waitlist, endpoint, secret };
    },
    async eventsOf(waitlistId: string): Promise<{ type: string; signup: string | null }[]> {
      const { rows } = await pool().query<{ type: string; signup: string | null }>(
        `SELECT type, data->'signup'->>'id' AS signup FROM webhook_events WHERE waitlist_id = $1 ORDER BY created_at, type`,
        [waitlistId],
      );
      return rows;
    },
    async join(waitlistId: string, ref?: string) {
      const r = await createSignup({ waitlistId, email: uniqueEmail("hook"), ref: ref ?? null });
      if (r.kind !== "created") throw new Error(r.kind);
      return r;
    },
    /** Runs the dispatcher over this file's lists until nothing is due at `at`. */
    async drain(at = new Date()) {
      while ((await dispatchDue({ now: () => at, waitlistIds: lists, ...LOOPBACK })) > 0);
    },
    /** What the receiver got since `start` for this waitlist. */
    fromReceiver(start: number, waitlistId: string) {
      return world.receiver.received
        .slice(start)
        .map((h) => ({ ...h, json: JSON.parse(h.body) as Hook }))
        .filter((h) => h.json.data.waitlist.id === waitlistId);
    },
  };
  return world;
}
