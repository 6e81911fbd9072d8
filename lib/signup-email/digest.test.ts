import { describe, expect, it, vi } from "vitest";
import { pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { runDigestSweep, startDigestSweeps, sweepDigests } from "@/lib/signup-email/digest-sweep";
import { sendDigestEmail } from "@/lib/signup-email/send-digest";
import { createSignup } from "@/lib/signups/mutations";
import { updateWaitlist } from "@/lib/waitlists/mutations";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { APP, withMailWorld, type MailWorld } from "@/tests/support/mail-world";

// The "friends joined through your link" digest end to end: real signups crediting referrers, the sweep's
// statement, pg-boss, the real worker and Resend SDK against the local fake.

let world: MailWorld;
withMailWorld((w) => (world = w));

const DIGEST = /joined through your link/;
const digestsTo = (email: string) => world.messagesTo(email).filter((m) => DIGEST.test(m.subject));

async function digestJobs(signupId: string) {
  const { rows } = await pool().query<{ state: string; singleton_key: string }>(
    `SELECT state, singleton_key FROM ${world.schema}.job WHERE name = 'signup-digest' AND data->>'signupId' = $1`,
    [signupId],
  );
  return rows;
}

/** A list of `ahead` people, then the referrer, then `friends` people who joined through the referrer's link. */
async function scene(options: { digest: boolean; ahead: number; friends: number; boost?: number }) {
  const w = await createWaitlist({ title: "Rocket Club", referralDigest: options.digest, referralBoost: options.boost ?? 1 });
  for (let i = 0; i < options.ahead; i++) await world.signup({ waitlistId: w.id });
  const referrer = await world.signup({ waitlistId: w.id, name: "Ada" });
  const invite = async (n: number) => {
    for (let i = 0; i < n; i++) await createSignupVia(w.id, referrer.refCode);
  };
  await invite(options.friends);
  return { w, referrer, invite };
}

async function createSignupVia(waitlistId: string, ref: string) {
  const r = await createSignup({ waitlistId, email: uniqueEmail("friend"), ref });
  if (r.kind !== "created") throw new Error(r.kind);
}

describe("the referral digest", () => {
  it("arrives once with the friends and the move in line; sweeps and jobs the same day send nothing more", async () => {
    const { w, referrer, invite } = await scene({ digest: true, ahead: 4, friends: 2, boost: 2 });

    // Two sweeps at once queue one job; two workers send it once.
    await Promise.all([sweepDigests(), sweepDigests()]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await digestJobs(referrer.id)).toEqual([{ state: "created", singleton_key: `digest:${referrer.id}:${today}` }]);
    await Promise.all([world.worker(), world.worker()]);
    await vi.waitFor(() => expect(digestsTo(referrer.email)).toHaveLength(1), { timeout: 15_000 });
    await vi.waitFor(async () => expect(await digestJobs(referrer.id)).toMatchObject([{ state: "completed" }]), { timeout: 10_000 });

    const [mail] = digestsTo(referrer.email);
    // Fifth in line; two friends at two places each: first (level with the first joiner, and referred up).
    expect(mail!.subject).toBe("2 friends joined through your link: you moved up from #5 to #1 on Rocket Club");
    expect(mail!.text).toContain("2 friends joined through your link; you moved up from #5 to #1 on the Rocket Club waitlist.");
    expect(mail!.text).toContain(`${APP}/w/${w.slug}?ref=${referrer.refCode}`);
    expect(mail!.html).toContain(`${APP}/w/${w.slug}?ref=${referrer.refCode}`);
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/waitlist\.example\/api\/public\/unsubscribe\/[A-Za-z0-9_-]{32}>$/);

    // Another friend the same day: the sweep leaves them for tomorrow, and a job for another day is refused
    // by the claim (sent less than 24 hours ago), whoever queued it.
    await invite(1);
    await sweepDigests();
    expect(await digestJobs(referrer.id)).toHaveLength(1);
    expect(await sendDigestEmail(referrer.id, "2099-01-01")).toEqual({ sent: false, reason: "not_applicable" });
    expect(await enqueue("signup-digest", { signupId: referrer.id, day: "2099-01-02" })).not.toBeNull();
    await vi.waitFor(async () => expect((await digestJobs(referrer.id)).every((j) => j.state === "completed")).toBe(true), {
      timeout: 10_000,
    });
    expect(digestsTo(referrer.email)).toHaveLength(1);

    // A day later (the sweep's key would name the next day) the next digest tells the one new friend, from
    // the place the first one told: already first, so no move to tell, only the place.
    await pool().query(`UPDATE signups SET digest_sent_at = now() - interval '25 hours' WHERE id = $1`, [referrer.id]);
    expect(await sendDigestEmail(referrer.id, "2099-01-03")).toMatchObject({ sent: true });
    expect(digestsTo(referrer.email)).toHaveLength(2);
    expect(digestsTo(referrer.email)[1]!.subject).toBe("1 friend joined through your link: you're now #1 on Rocket Club");
    await sweepDigests();
    expect(await digestJobs(referrer.id)).toHaveLength(2);
  });

  it("never mails people on lists with the digest off, unsubscribed people, or past referrals when it is turned on", async () => {
    const off = await scene({ digest: false, ahead: 1, friends: 2 });
    const unsubscribed = await scene({ digest: true, ahead: 1, friends: 2 });
    await pool().query(`UPDATE signups SET unsubscribed_at = now() WHERE id = $1`, [unsubscribed.referrer.id]);
    const turnedOn = await scene({ digest: false, ahead: 1, friends: 3 });
    const owner = (await pool().query<{ team_id: string }>(`SELECT team_id FROM waitlists WHERE id = $1`, [turnedOn.w.id])).rows[0]!;
    expect((await updateWaitlist(owner.team_id, turnedOn.w.id, { referral_digest: true })).referral_digest).toBe(true);

    await sweepDigests();
    for (const s of [off, unsubscribed, turnedOn]) expect(await digestJobs(s.referrer.id)).toEqual([]);
    expect(await sendDigestEmail(off.referrer.id, "2099-01-01")).toEqual({ sent: false, reason: "not_applicable" });
    expect(await sendDigestEmail(unsubscribed.referrer.id, "2099-01-01")).toEqual({ sent: false, reason: "unsubscribed" });

    // After turning it on, a friend who joins now is news.
    await turnedOn.invite(1);
    await sweepDigests();
    await world.worker();
    await vi.waitFor(() => expect(digestsTo(turnedOn.referrer.email)).toHaveLength(1), { timeout: 15_000 });
    expect(digestsTo(turnedOn.referrer.email)[0]!.subject).toMatch(/^1 friend joined through your link: /);
    expect(digestsTo(off.referrer.email)).toEqual([]);
    expect(digestsTo(unsubscribed.referrer.email)).toEqual([]);
  });

  it("the sweep keeps exactly one next run scheduled, however many workers start or sweeps run", async () => {
    process.env.DIGEST_SWEEP_SECONDS = "600";
    resetEnvCache();
    try {
      const sweeps = async () =>
        (
          await pool().query<{ state: string; later: boolean }>(
            `SELECT state, start_after > now() + interval '500 seconds' AS later FROM ${world.schema}.job WHERE name = 'digest-sweep'`,
          )
        ).rows;
      await runDigestSweep();
      await Promise.all([runDigestSweep(), startDigestSweeps(), startDigestSweeps()]);
      expect(await sweeps()).toEqual([{ state: "created", later: true }]);
    } finally {
      process.env.DIGEST_SWEEP_SECONDS = "0";
      resetEnvCache();
      await pool().query(`DELETE FROM ${world.schema}.job WHERE name = 'digest-sweep'`);
    }
  });
});
