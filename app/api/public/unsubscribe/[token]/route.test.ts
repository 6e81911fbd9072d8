import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pool } from "@/lib/db";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { describeUnsubscribe } from "@/lib/signup-email/unsubscribe";
import { getSignupStatus } from "@/lib/signups/status";
import { newStatusToken } from "@/lib/signups/codes";
import { params, routeRequest, uniqueIp } from "@/tests/support/fixtures";
import { startMailWorld, type MailWorld } from "@/tests/support/mail-world";
import { GET, POST } from "./route";

// One-click unsubscribe (RFC 8058) without a login: POST List-Unsubscribe=One-Click unsubscribes, GET never
// does, bad input changes nothing, and an unsubscribed person keeps their place and gets no further mail.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
});
afterAll(async () => {
  await world.close();
});

const ONE_CLICK = "List-Unsubscribe=One-Click";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

function post(token: string, body: string | undefined, headers: Record<string, string> = FORM) {
  return POST(routeRequest(`/api/public/unsubscribe/${token}`, body, { method: "POST", headers, ip: uniqueIp() }), params({ token }));
}

async function unsubscribedAt(signupId: string): Promise<Date | null> {
  const { rows } = await pool().query<{ unsubscribed_at: Date | null }>(`SELECT unsubscribed_at FROM signups WHERE id = $1`, [signupId]);
  return rows[0]!.unsubscribed_at;
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
}

describe("POST /api/public/unsubscribe/:token", () => {
  it("unsubscribes with the RFC 8058 body, idempotently, and the person keeps their place", async () => {
    const first = await world.signup();
    const s = await world.signup({ waitlistId: first.waitlistId });
    const token = await mintSignupToken(s.id, "unsubscribe");
    expect(await describeUnsubscribe(token)).toEqual({ waitlistTitle: "Rocket Club", unsubscribed: false });

    const res = await post(token, ONE_CLICK);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, unsubscribed: true });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const at = await unsubscribedAt(s.id);
    expect(at).toBeInstanceOf(Date);

    // Again (a second click, a mail client retrying): still fine, the first time is kept.
    expect((await post(token, ONE_CLICK)).status).toBe(200);
    expect(await unsubscribedAt(s.id)).toEqual(at);
    expect(await describeUnsubscribe(token)).toEqual({ waitlistTitle: "Rocket Club", unsubscribed: true });

    const waitlist = await pool().query<{ slug: string }>(`SELECT slug FROM waitlists WHERE id = $1`, [s.waitlistId]);
    expect(await getSignupStatus(waitlist.rows[0]!.slug, s.statusToken)).toMatchObject({ position: 2, status: "waiting" });
  });

  it("accepts multipart bodies, and sends a person who pressed the page's button back to the page", async () => {
    const s = await world.signup();
    const token = await mintSignupToken(s.id, "unsubscribe");
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const multipart = new Request("http://localhost/x", { method: "POST", body: form });
    const body = await multipart.text();
    const res = await post(token, body, {
      "content-type": multipart.headers.get("content-type")!,
      "sec-fetch-mode": "navigate",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/unsubscribe/${token}?done=1`);
    expect(await unsubscribedAt(s.id)).toBeInstanceOf(Date);
  });

  it("refuses a missing or wrong body, another content type, and unknown or other-purpose tokens, changing nothing", async () => {
    const s = await world.signup();
    const token = await mintSignupToken(s.id, "unsubscribe");
    const statusToken = await mintSignupToken(s.id, "status");

    await expectError(await post(token, ""), 400, "invalid_input");
    await expectError(await post(token, "List-Unsubscribe=Yes"), 400, "invalid_input");
    await expectError(await post(token, JSON.stringify({ "List-Unsubscribe": "One-Click" }), { "content-type": "application/json" }), 400, "invalid_content_type");
    await expectError(await post(token, "x".repeat(5000), FORM), 400, "payload_too_large");
    await expectError(await post(newStatusToken().token, ONE_CLICK), 404, "not_found");
    await expectError(await post("not-a-token", ONE_CLICK), 404, "not_found");
    await expectError(await post(statusToken, ONE_CLICK), 404, "not_found");
    await expectError(await post(s.statusToken, ONE_CLICK), 404, "not_found");
    expect(await unsubscribedAt(s.id)).toBeNull();
  });
});

describe("GET /api/public/unsubscribe/:token", () => {
  it("never unsubscribes (mail scanners open links): it sends the browser to the confirm page", async () => {
    const s = await world.signup();
    const token = await mintSignupToken(s.id, "unsubscribe");
    const res = await GET(routeRequest(`/api/public/unsubscribe/${token}`, undefined, { ip: uniqueIp() }), params({ token }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect(await unsubscribedAt(s.id)).toBeNull();
  });
});

describe("after unsubscribing", () => {
  it("the worker sends nothing, even for a job queued before the unsubscribe", async () => {
    const s = await world.signup();
    const token = await mintSignupToken(s.id, "unsubscribe");
    expect((await post(token, ONE_CLICK)).status).toBe(200);
    expect(await world.jobOf(s.id)).toMatchObject([{ state: "created" }]);

    await world.worker();
    await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 15_000 });
    expect(world.messagesTo(s.email)).toHaveLength(0);
    await world.stopWorkers();
  });
});
