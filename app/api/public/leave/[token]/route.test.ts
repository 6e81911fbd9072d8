import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { describeUnsubscribe } from "@/lib/signup-email/unsubscribe";
import { newStatusToken } from "@/lib/signups/codes";
import { describeLeave } from "@/lib/signups/line-erase";
import { exportMyData } from "@/lib/signups/my-data";
import { getSignupStatus } from "@/lib/signups/status";
import { params, routeRequest, uniqueIp } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { startMailWorld, type MailWorld } from "@/tests/support/mail-world";
import { privacyScene } from "@/tests/support/privacy-scene";
import { POST } from "./route";

// "Leave this waitlist": the confirm page (GET) changes nothing; the POST erases the person through the
// keeper: everyone behind moves up, counters and block counts stay exact, the referrer keeps the credit, the
// people they referred keep their places, and every token of theirs stops working.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
});
afterAll(async () => {
  await world.close();
});

const FORM = { "content-type": "application/x-www-form-urlencoded" };

function leave(token: string, body = "leave=erase", headers: Record<string, string> = FORM) {
  return POST(routeRequest(`/api/public/leave/${token}`, body, { method: "POST", headers, ip: uniqueIp() }), params({ token }));
}

/** Everything the line and the person's traces consist of, to compare before and after. */
async function snapshot(waitlistId: string) {
  const { rows: signups } = await pool().query(
    `SELECT id, seq, score, status, referral_count, referred_by_id FROM signups WHERE waitlist_id = $1 ORDER BY seq`,
    [waitlistId],
  );
  const { rows: counters } = await pool().query(`SELECT next_seq, waiting_count, signup_count FROM waitlists WHERE id = $1`, [waitlistId]);
  const { rows: traces } = await pool().query(
    `SELECT (SELECT COUNT(*)::int FROM signup_tokens t JOIN signups s ON s.id = t.signup_id WHERE s.waitlist_id = $1) AS tokens,
            (SELECT COUNT(*)::int FROM signup_emails e JOIN signups s ON s.id = e.signup_id WHERE s.waitlist_id = $1) AS emails`,
    [waitlistId],
  );
  return { signups, counters, traces };
}

async function positionsOf(slug: string, tokens: Record<string, string>) {
  const out: Record<string, number | null> = {};
  for (const [name, token] of Object.entries(tokens)) out[name] = (await getSignupStatus(slug, token))?.position ?? null;
  return out;
}

describe("leaving a waitlist", () => {
  it("the confirm page's lookup changes nothing, for a leave or a status token", async () => {
    const { waitlist, pat, footer } = await privacyScene(world);
    const before = await snapshot(waitlist.id);
    expect(await describeLeave(footer.leave)).toEqual({ waitlistTitle: "Privacy club", slug: waitlist.slug });
    expect(await describeLeave(pat.statusToken)).toEqual({ waitlistTitle: "Privacy club", slug: waitlist.slug });
    expect(await describeLeave(footer.data)).toEqual({ waitlistTitle: "Privacy club", slug: waitlist.slug });
    expect(await describeLeave(await mintSignupToken(pat.id, "unsubscribe"))).toBeNull();
    expect(await describeLeave(newStatusToken().token)).toBeNull();
    expect(await snapshot(waitlist.id)).toEqual({ ...before, traces: [{ ...before.traces[0], tokens: before.traces[0].tokens + 1 }] });
  });

  it("erases the person from the email footer's link: the line moves up exactly, credits and referrals stay", async () => {
    const { waitlist, ann, rex, pat, quin, zed, footer } = await privacyScene(world);
    const unsubscribe = await mintSignupToken(pat.id, "unsubscribe");
    const tokens = { ann: ann.statusToken, rex: rex.statusToken, quin: quin.statusToken, zed: zed.statusToken };
    expect(await positionsOf(waitlist.slug, { ...tokens, pat: pat.statusToken })).toEqual({ rex: 1, pat: 2, ann: 3, quin: 4, zed: 5 });
    const rexBefore = await db().signup.findUniqueOrThrow({ where: { id: rex.id } });
    const quinBefore = await db().signup.findUniqueOrThrow({ where: { id: quin.id } });
    expect(quinBefore.referredById).toBe(pat.id);
    expect(await world.jobOf(pat.id)).toHaveLength(1); // the welcome job the signup queued

    // Pressing the page's button: erased, and back to the page, which now says so.
    const res = await leave(footer.leave, "leave=erase", { ...FORM, "sec-fetch-mode": "navigate" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/leave/${footer.leave}?left=${waitlist.slug}`);

    expect(await db().signup.findUnique({ where: { id: pat.id } })).toBeNull();
    expect(await positionsOf(waitlist.slug, tokens)).toEqual({ rex: 1, ann: 2, quin: 3, zed: 4 });
    await expectLineMatchesDefinition(waitlist.id, 2);
    expect(await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id } })).toMatchObject({ signupCount: 4, waitingCount: 4, nextSeq: 5 });

    // The credit Pat gave Rex is a count, and stays; Quin keeps their place, no longer pointing at anyone.
    expect(await db().signup.findUniqueOrThrow({ where: { id: rex.id } })).toMatchObject({
      referralCount: rexBefore.referralCount,
      score: rexBefore.score,
    });
    expect(await db().signup.findUniqueOrThrow({ where: { id: quin.id } })).toMatchObject({ referredById: null, score: quinBefore.score });

    // Every key of theirs is dead, their email ledger and queued jobs gone.
    expect(await db().signupToken.count({ where: { signupId: pat.id } })).toBe(0);
    expect(await db().signupEmail.count({ where: { signupId: pat.id } })).toBe(0);
    expect(await world.jobOf(pat.id)).toEqual([]);
    expect(await getSignupStatus(waitlist.slug, pat.statusToken)).toBeNull();
    expect(await exportMyData(footer.data)).toBeNull();
    expect(await exportMyData(pat.statusToken)).toBeNull();
    expect(await describeLeave(footer.leave)).toBeNull();
    expect(await describeUnsubscribe(unsubscribe)).toBeNull();
    const again = await leave(footer.leave);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("erases with the status token too (the status page's link), answering JSON to a non-browser client", async () => {
    const { waitlist, pat } = await privacyScene(world);
    const res = await leave(pat.statusToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, left: true });
    expect(await db().signup.findUnique({ where: { id: pat.id } })).toBeNull();
    await expectLineMatchesDefinition(waitlist.id, 2);
  });

  it("erases a let-in person without touching the waiting count", async () => {
    const { waitlist, pat, footer } = await privacyScene(world);
    await pool().query(`UPDATE signups SET status = 'INVITED' WHERE id = $1`, [pat.id]);
    await pool().query(`UPDATE waitlists SET waiting_count = waiting_count - 1 WHERE id = $1`, [waitlist.id]);
    await pool().query(`UPDATE signup_blocks SET waiting = waiting - 1 WHERE waitlist_id = $1 AND block = 0`, [waitlist.id]);
    await expectLineMatchesDefinition(waitlist.id, 2);
    expect((await leave(footer.leave)).status).toBe(200);
    await expectLineMatchesDefinition(waitlist.id, 2);
    expect(await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id } })).toMatchObject({ signupCount: 4, waitingCount: 4 });
  });

  it("refuses a missing confirmation, another content type and tokens that are not leave or status tokens, changing nothing", async () => {
    const { waitlist, pat, footer } = await privacyScene(world);
    const unsubscribe = await mintSignupToken(pat.id, "unsubscribe");
    const before = await snapshot(waitlist.id);
    const cases: [Response, number, string][] = [
      [await leave(footer.leave, ""), 400, "invalid_input"],
      [await leave(footer.leave, "leave=yes"), 400, "invalid_input"],
      [await leave(footer.leave, JSON.stringify({ leave: "erase" }), { "content-type": "application/json" }), 400, "invalid_content_type"],
      [await leave(footer.leave, `leave=erase&x=${"y".repeat(2000)}`), 400, "payload_too_large"],
      [await leave(unsubscribe), 404, "not_found"],
      [await leave(newStatusToken().token), 404, "not_found"],
      [await leave("not-a-token"), 404, "not_found"],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    }
    expect(await snapshot(waitlist.id)).toEqual(before);
  });
});
