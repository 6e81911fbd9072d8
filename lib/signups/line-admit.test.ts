import { describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateInvitationSettings } from "@/lib/invitations/settings";
import { confirmPendingSignup, inviteSignups, rebuildBlocks, removeSignup, setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { scoreSql } from "@/lib/signups/position";
import { getSignupStatus } from "@/lib/signups/status";
import { createWaitlist } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { APP, withMailWorld, type MailWorld } from "@/tests/support/mail-world";

// Letting people in through the keeper: positions move, counters stay exact, and each invited person gets the
// "You're in" email once (real worker, pg-boss, Resend SDK against the local fake).

let world: MailWorld;
withMailWorld((w) => (world = w));

async function listWith(count: number, overrides: Parameters<typeof createWaitlist>[0] = {}) {
  const waitlist = await createWaitlist({ title: "Rocket Club", ...overrides });
  const people = [];
  for (let i = 0; i < count; i++) people.push(await world.signup({ waitlistId: waitlist.id, name: `P${i}` }));
  return { waitlist, people };
}

async function rowOf(id: string) {
  return db().signup.findUniqueOrThrow({ where: { id }, select: { status: true, invitedAt: true, joinedAt: true, removedAt: true, inviteCode: true } });
}

async function invitedJobs(signupId: string) {
  const { rows } = await pool().query<{ singleton_key: string }>(
    `SELECT singleton_key FROM ${world.schema}.job WHERE name = 'signup-invited' AND data->>'signupId' = $1`,
    [signupId],
  );
  return rows.map((r) => r.singleton_key);
}

describe("inviting the top N", () => {
  it("takes the first two out of the line, moves everyone up, keeps the counters, queues one job each", async () => {
    const { waitlist, people } = await listWith(5);
    const [a, b, c, d] = people;
    // Two credited referrals put c (seq 3) level with a (seq 1), and ahead (referred up): "top" means line
    // order (score, seq), not seq.
    await pool().query(`UPDATE signups SET referral_count = 2, score = ${scoreSql("seq", "2", "1")} WHERE id = $1`, [c!.id]);
    await rebuildBlocks(pool(), waitlist.id);

    const ids = await inviteSignups(waitlist.id, { top: 2 });
    expect(new Set(ids)).toEqual(new Set([a!.id, c!.id]));
    expect((await rowOf(a!.id)).status).toBe("INVITED");
    expect((await rowOf(a!.id)).invitedAt).toBeInstanceOf(Date);
    expect((await rowOf(a!.id)).inviteCode).toBeNull();
    expect(await getSignupStatus(waitlist.slug, b!.statusToken)).toMatchObject({ position: 1 });
    expect(await getSignupStatus(waitlist.slug, d!.statusToken)).toMatchObject({ position: 2, waiting: 3 });
    expect(await getSignupStatus(waitlist.slug, a!.statusToken)).toMatchObject({ status: "invited", position: null });
    await expectLineMatchesDefinition(waitlist.id, 1);
    expect(await invitedJobs(a!.id)).toEqual([`invited:${a!.id}`]);
    expect(await invitedJobs(b!.id)).toEqual([]);
  });

  it("the top N of fewer than N invites everyone waiting; 0 waiting invites nobody; another owner's id is null", async () => {
    const { waitlist, people } = await listWith(3);
    expect(await inviteSignups(waitlist.id, { top: 10 })).toHaveLength(3);
    expect(await inviteSignups(waitlist.id, { top: 10 })).toEqual([]);
    const other = await createWaitlist();
    expect(await inviteSignups(waitlist.id, { top: 1 }, other.teamId)).toBeNull();
    expect(await inviteSignups(waitlist.id, { signupIds: [people[0]!.id] })).toEqual([]);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("selected people: only those still waiting, on this list", async () => {
    const { waitlist, people } = await listWith(4);
    const elsewhere = await listWith(1);
    const ids = await inviteSignups(waitlist.id, { signupIds: [people[2]!.id, people[3]!.id, elsewhere.people[0]!.id] });
    expect(new Set(ids)).toEqual(new Set([people[2]!.id, people[3]!.id]));
    expect((await rowOf(elsewhere.people[0]!.id)).status).toBe("WAITING");
    await expectLineMatchesDefinition(waitlist.id, 1);
    await expectLineMatchesDefinition(elsewhere.waitlist.id, 1);
  });

  it("issues unique 8-character codes when the list requires them, for a thousand people in one statement", async () => {
    const waitlist = await createWaitlist({ requireInviteCode: true, plan: "PRO" });
    await pool().query(
      `INSERT INTO signups (waitlist_id, email, ref_code, seq, score, status_token_hash)
       SELECT $1, 'bulk' || g || '@example.com', 'R' || lpad(g::text, 7, '0') || substr(md5($1), 1, 4), g, 2 * g, md5($1 || g)
         FROM generate_series(1, 1000) g`,
      [waitlist.id],
    );
    await pool().query(`UPDATE waitlists SET next_seq = 1000, waiting_count = 1000, signup_count = 1000 WHERE id = $1`, [waitlist.id]);
    await rebuildBlocks(pool(), waitlist.id);

    expect(await inviteSignups(waitlist.id, { top: 1000 })).toHaveLength(1000);
    const { rows } = await pool().query<{ invite_code: string }>(`SELECT invite_code FROM signups WHERE waitlist_id = $1`, [waitlist.id]);
    expect(rows.every((r) => /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/.test(r.invite_code))).toBe(true);
    expect(new Set(rows.map((r) => r.invite_code)).size).toBe(1000);
    const { rows: jobs } = await pool().query(
      `SELECT 1 FROM ${world.schema}.job j JOIN signups s ON s.id::text = j.data->>'signupId' WHERE j.name = 'signup-invited' AND s.waitlist_id = $1`,
      [waitlist.id],
    );
    expect(jobs).toHaveLength(1000);
    await expectLineMatchesDefinition(waitlist.id, 1);
    await world.clearQueue();
  });
});

describe("the invitation email", () => {
  it("arrives once with the owner's message (escaped, line breaks kept), link, code and one-click unsubscribe", async () => {
    const { waitlist, people } = await listWith(2);
    await updateInvitationSettings(waitlist.id, {
      invite_url: "https://app.example.com/start",
      invite_message: "Hello <b>friend</b>!\nSecond line & more",
      require_invite_code: true,
    });
    const [a] = people;
    await inviteSignups(waitlist.id, { top: 1 });
    const { inviteCode } = await rowOf(a!.id);
    expect(inviteCode).toMatch(/^[A-Z2-9]{8}$/);
    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(a!.email).filter((m) => m.subject.startsWith("You're in! Your invitation"))).toHaveLength(1), { timeout: 15_000 });
    const mail = world.messagesTo(a!.email).find((m) => m.subject.startsWith("You're in! Your invitation"))!;
    const html = mail.html ?? "";
    const text = mail.text ?? "";
    expect(mail.subject).toBe("You're in! Your invitation to Rocket Club");
    expect(html).not.toContain("<b>friend</b>");
    expect(html).toContain("Hello &lt;b&gt;friend&lt;/b&gt;!\nSecond line &amp; more");
    expect(html).toMatch(/white-space:\s*pre-wrap/);
    expect(text).toContain("Hello <b>friend</b>!\nSecond line & more");
    expect(html).toContain('href="https://app.example.com/start"');
    expect(text).toContain("https://app.example.com/start");
    expect(html).toContain(inviteCode!);
    expect(text).toContain(`Your invite code: ${inviteCode}`);
    expect(mail.headers["List-Unsubscribe"]).toMatch(new RegExp(`^<${APP}/api/public/unsubscribe/[A-Za-z0-9_-]{32}>$`));
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(text).toMatch(new RegExp(`${APP}/w/${waitlist.slug}/status/[A-Za-z0-9_-]{32}`));

    // The one email per event, however often the job runs again.
    const { sendInvitationEmail } = await import("@/lib/signup-email/send-invitation");
    expect(await sendInvitationEmail(a!.id)).toEqual({ sent: false, reason: "already_sent" });
    expect(world.messagesTo(a!.email).filter((m) => m.subject.startsWith("You're in! Your invitation"))).toHaveLength(1);
  });

  it("the single-row invite (PATCH status invited) mails too; put back in line before the job runs, nothing is sent", async () => {
    const { waitlist, people } = await listWith(2);
    const [a, b] = people;
    expect(await setSignupStatus(waitlist.id, a!.id, "INVITED")).toBe(true);
    expect(await setSignupStatus(waitlist.id, b!.id, "INVITED")).toBe(true);
    expect(await setSignupStatus(waitlist.id, b!.id, "WAITING")).toBe(true);
    expect(await invitedJobs(a!.id)).toEqual([`invited:${a!.id}`]);
    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(a!.email).some((m) => m.subject.startsWith("You're in! Your invitation"))).toBe(true), { timeout: 15_000 });
    await vi.waitFor(async () => {
      const { rows } = await pool().query(`SELECT state FROM ${world.schema}.job WHERE name = 'signup-invited' AND data->>'signupId' = $1`, [b!.id]);
      expect(rows).toEqual([{ state: "completed" }]);
    }, { timeout: 15_000 });
    expect(world.messagesTo(b!.email).some((m) => m.subject.startsWith("You're in! Your invitation"))).toBe(false);
    expect((await rowOf(b!.id)).invitedAt).toBeNull();
    await expectLineMatchesDefinition(waitlist.id, 1);
  });
});

describe("joined, removed, back in line", () => {
  it("every move keeps waiting_count, signup_count and the blocks exact; removing frees room like a delete", async () => {
    const { waitlist, people } = await listWith(4, { capacity: 4 });
    const [a, b, c, d] = people;
    expect(await createSignup({ waitlistId: waitlist.id, email: "late@example.com" })).toEqual({ kind: "full" });

    expect(await setSignupStatus(waitlist.id, a!.id, "JOINED")).toBe(true); // straight from waiting
    expect(await rowOf(a!.id)).toMatchObject({ status: "JOINED", invitedAt: null });
    expect((await rowOf(a!.id)).joinedAt).toBeInstanceOf(Date);
    await inviteSignups(waitlist.id, { top: 1 });
    expect(await setSignupStatus(waitlist.id, b!.id, "JOINED")).toBe(true); // from invited
    expect(await setSignupStatus(waitlist.id, b!.id, "JOINED")).toBe(false);
    await expectLineMatchesDefinition(waitlist.id, 1);

    expect(await setSignupStatus(waitlist.id, c!.id, "REMOVED")).toBe(true);
    expect((await rowOf(c!.id)).removedAt).toBeInstanceOf(Date);
    await expectLineMatchesDefinition(waitlist.id, 1);
    expect(await getSignupStatus(waitlist.slug, d!.statusToken)).toMatchObject({ position: 1, waiting: 1 });
    const late = await createSignup({ waitlistId: waitlist.id, email: "late@example.com" });
    expect(late.kind).toBe("created");

    // No room to come back now; after a delete there is, and the removed person returns to their old place.
    await expect(setSignupStatus(waitlist.id, c!.id, "WAITING")).rejects.toMatchObject({ code: "waitlist_full" });
    expect(await removeSignup(waitlist.id, a!.id)).toBe(true);
    expect(await setSignupStatus(waitlist.id, c!.id, "WAITING")).toBe(true);
    expect(await getSignupStatus(waitlist.slug, c!.statusToken)).toMatchObject({ status: "waiting", position: 1 });
    expect(await rowOf(c!.id)).toMatchObject({ removedAt: null, invitedAt: null });
    await expectLineMatchesDefinition(waitlist.id, 1);

    // Deleting a removed person does not count them twice.
    expect(await setSignupStatus(waitlist.id, d!.id, "REMOVED")).toBe(true);
    expect(await removeSignup(waitlist.id, d!.id)).toBe(true);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("refuses changes that make no sense, changing nothing", async () => {
    const { waitlist, people } = await listWith(2);
    const [a] = people;
    await setSignupStatus(waitlist.id, a!.id, "REMOVED");
    const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(AppError);
    await refused(setSignupStatus(waitlist.id, a!.id, "INVITED"));
    await refused(setSignupStatus(waitlist.id, a!.id, "JOINED"));
    await pool().query(`UPDATE signups SET status = 'PENDING', removed_at = NULL WHERE id = $1`, [a!.id]);
    await pool().query(`UPDATE waitlists SET signup_count = signup_count + 1 WHERE id = $1`, [waitlist.id]);
    await refused(setSignupStatus(waitlist.id, a!.id, "JOINED"));
    expect(await setSignupStatus(waitlist.id, a!.id, "REMOVED")).toBe(true);
    expect(await setSignupStatus(waitlist.id, "00000000-0000-4000-8000-000000000000", "JOINED")).toBe(false);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("never puts a person removed while pending (double opt-in, never confirmed) in line; a removed confirmed one returns", async () => {
    const waitlist = await createWaitlist({ title: "Opt-in Club", doubleOptIn: true });
    const a = await createSignup({ waitlistId: waitlist.id, email: "opt-a@example.com" });
    const p = await createSignup({ waitlistId: waitlist.id, email: "opt-p@example.com", ref: a.kind === "created" ? a.refCode : null });
    if (a.kind !== "created" || p.kind !== "created") throw new Error("not created");
    expect(await confirmPendingSignup(waitlist.id, a.id)).toMatchObject({ kind: "confirmed" });

    expect(await setSignupStatus(waitlist.id, p.id, "REMOVED")).toBe(true);
    await expect(setSignupStatus(waitlist.id, p.id, "WAITING")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/never confirmed their email/),
    });
    expect(await rowOf(p.id)).toMatchObject({ status: "REMOVED" });
    const referrerRow = await db().signup.findUniqueOrThrow({ where: { id: a.id }, select: { referralCount: true } });
    expect(referrerRow.referralCount).toBe(0);
    await expectLineMatchesDefinition(waitlist.id, 1);

    // A confirmed person removed from the line can still be put back.
    expect(await setSignupStatus(waitlist.id, a.id, "REMOVED")).toBe(true);
    expect(await setSignupStatus(waitlist.id, a.id, "WAITING")).toBe(true);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });
});
