import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { sendConfirmationEmail } from "@/lib/signup-email/send-confirm";
import { resetSignupMailCaps } from "@/lib/signup-email/mail-caps";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { confirmByToken, describeConfirmation } from "@/lib/signups/confirmation";
import { exportCsvStream } from "@/lib/signups/export";
import { eraseSignup } from "@/lib/signups/line-erase";
import { createSignup, type CreateSignupResult } from "@/lib/signups/mutations";
import { scoreOf } from "@/lib/signups/position";
import { signupOfOwnToken } from "@/lib/signups/own-token";
import { listSignups } from "@/lib/signups/queries";
import { exportQuerySchema, listSignupsQuerySchema } from "@/lib/signups/schemas";
import { getSignupStatus } from "@/lib/signups/status";
import { updateWaitlist } from "@/lib/waitlists/mutations";
import { getPublicWaitlist } from "@/lib/waitlists/public";
import { updateWaitlistSchema } from "@/lib/waitlists/schemas";
import { createWaitlist, uniqueEmail, uniqueIp } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { APP, startMailWorld, type MailWorld } from "@/tests/support/mail-world";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { PATCH as PATCH_SIGNUP } from "@/app/api/waitlists/[id]/signups/[signupId]/route";
import { postSignup } from "@/tests/support/public-api";

// Double opt-in against the real PostgreSQL, the real worker and the fake Resend: pending people are stored
// but out of line and uncredited, the confirmation email arrives once per request (within the caps), and
// confirming puts them in line, credits their referrer and sends the welcome.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
  // The caps in memory, at a per-IP allowance the per-IP test reaches quickly.
  delete process.env.REDIS_URL;
  process.env.SIGNUP_MAILS_PER_IP_PER_HOUR = "4";
  resetEnvCache();
  await resetSignupMailCaps();
});
afterEach(async () => {
  await world.stopWorkers();
});
afterAll(async () => {
  await resetSignupMailCaps();
  await world.close();
});

const created = (r: CreateSignupResult) => {
  if (r.kind !== "created") throw new Error(`expected created, got ${r.kind}`);
  return r;
};

async function row(id: string) {
  return db().signup.findUniqueOrThrow({ where: { id }, select: { status: true, referralCount: true, score: true, referredById: true, confirmedAt: true } });
}

async function counters(waitlistId: string) {
  const w = await db().waitlist.findUniqueOrThrow({ where: { id: waitlistId } });
  return { nextSeq: w.nextSeq, waitingCount: w.waitingCount, signupCount: w.signupCount };
}

async function setDoubleOptIn(waitlistId: string, on: boolean) {
  await db().waitlist.update({ where: { id: waitlistId }, data: { doubleOptIn: on } });
}

const CONFIRM_LINK = new RegExp(`${APP}/confirm/([A-Za-z0-9_-]{32})`);

function confirmTokens(email: string): string[] {
  return world.messagesTo(email).map((m) => CONFIRM_LINK.exec(m.text ?? "")?.[1] ?? "missing");
}

async function jobsOf(signupId: string, name: string) {
  const { rows } = await pool().query<{ singleton_key: string }>(
    `SELECT singleton_key FROM ${world.schema}.job WHERE name = $1 AND data->>'signupId' = $2 ORDER BY created_on`,
    [name, signupId],
  );
  return rows.map((r) => r.singleton_key);
}

describe("a pending signup", () => {
  it("has no place and credits nobody, and its own code credits nobody either", async () => {
    const w = await createWaitlist({ title: "Rocket Club", referralBoost: 2 });
    const a = created(await createSignup({ waitlistId: w.id, email: uniqueEmail() }));
    created(await createSignup({ waitlistId: w.id, email: uniqueEmail() }));
    await setDoubleOptIn(w.id, true);

    const c = created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: a.refCode }));
    expect(c).toMatchObject({ pending: true, position: 3 });
    expect(await row(c.id)).toMatchObject({ status: "PENDING", referralCount: 0, score: scoreOf(3, 0, 2), referredById: a.id, confirmedAt: null });
    expect(await row(a.id)).toMatchObject({ referralCount: 0, score: scoreOf(1, 0, 2) });

    const d = created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: c.refCode }));
    expect(d).toMatchObject({ pending: true, position: 3 });
    expect(await row(d.id)).toMatchObject({ status: "PENDING", referredById: null });
    expect(await row(c.id)).toMatchObject({ referralCount: 0 });

    // Counted in the list (caps stay exact), not in line.
    expect(await counters(w.id)).toEqual({ nextSeq: 4, waitingCount: 2, signupCount: 4 });
    await expectLineMatchesDefinition(w.id, 2);
    expect(await getSignupStatus(w.slug, c.statusToken)).toMatchObject({ status: "pending", position: null, waiting: 2 });
    // The confirmation job instead of the welcome.
    expect(await jobsOf(c.id, "signup-confirm")).toEqual([`confirm:${c.id}`]);
    expect(await jobsOf(c.id, "signup-welcome")).toEqual([]);
  });
});

describe("the confirmation", () => {
  it("arrives once with the link; confirming puts them in line at their place, credits the referrer, and welcomes them", async () => {
    const w = await createWaitlist({ title: "Rocket Club", referralBoost: 2 });
    const a = created(await createSignup({ waitlistId: w.id, email: uniqueEmail() }));
    await setDoubleOptIn(w.id, true);
    const email = uniqueEmail("pending");
    const p = created(await createSignup({ waitlistId: w.id, email, name: "Ada", ref: a.refCode }));
    // Someone who joins later without confirmation (the owner turned it off meanwhile) stays behind them.
    await setDoubleOptIn(w.id, false);
    const later = created(await createSignup({ waitlistId: w.id, email: uniqueEmail() }));
    expect(later).toMatchObject({ pending: false, position: 2 });

    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(email)).toHaveLength(1), { timeout: 15_000 });
    const [mail] = world.messagesTo(email);
    expect(mail!.subject).toBe("Confirm your spot on Rocket Club");
    // Transactional: asked for by signing up, so no unsubscribe link or headers.
    expect(mail!.headers["List-Unsubscribe"]).toBeUndefined();
    expect(mail!.text).not.toContain("/unsubscribe/");
    const [token] = confirmTokens(email);
    expect(mail!.html).toContain(`${APP}/confirm/${token}`);
    // Stored hashed only.
    const stored = await pool().query(`SELECT 1 FROM signup_tokens WHERE token_hash = $1`, [token]);
    expect(stored.rowCount).toBe(0);
    expect(await sendConfirmationEmail(p.id)).toEqual({ sent: false, reason: "already_sent" });

    // Looking changes nothing.
    expect(await describeConfirmation(token!)).toEqual({ status: "PENDING", slug: w.slug, waitlistTitle: "Rocket Club" });
    expect(await row(p.id)).toMatchObject({ status: "PENDING" });

    const done = await confirmByToken(token!, { statusLink: true });
    // Their seq (2) is ahead of the later one's (3); the referrer moved up by the boost.
    expect(done.outcome).toEqual({ kind: "confirmed", position: 2 });
    expect(await getSignupStatus(w.slug, done.statusToken!)).toMatchObject({ status: "waiting", position: 2 });
    expect(await row(p.id)).toMatchObject({ status: "WAITING", confirmedAt: expect.any(Date) });
    expect(await row(a.id)).toMatchObject({ referralCount: 1, score: scoreOf(1, 1, 2) });
    expect(await getSignupStatus(w.slug, later.statusToken)).toMatchObject({ position: 3 });
    expect(await counters(w.id)).toEqual({ nextSeq: 3, waitingCount: 3, signupCount: 3 });
    await expectLineMatchesDefinition(w.id, 2);

    await vi.waitFor(() => expect(world.messagesTo(email)).toHaveLength(2), { timeout: 15_000 });
    expect(world.messagesTo(email)[1]!.subject).toBe("You're #2 on the Rocket Club waitlist");

    // Twice is harmless: the link was used up, nothing moves, no second welcome.
    await expect(confirmByToken(token!, { statusLink: false })).rejects.toMatchObject({ code: "not_found" });
    expect(await row(a.id)).toMatchObject({ referralCount: 1 });
    expect(await jobsOf(p.id, "signup-welcome")).toEqual([`welcome:${p.id}`]);
    await expectLineMatchesDefinition(w.id, 2);
    expect(await sendConfirmationEmail(p.id, "late")).toEqual({ sent: false, reason: "not_applicable" });
  });

  it("refuses an unknown token, or one minted for something else", async () => {
    await expect(confirmByToken("x".repeat(32), { statusLink: false })).rejects.toMatchObject({ code: "not_found" });
    await expect(confirmByToken("../../etc", { statusLink: false })).rejects.toMatchObject({ code: "not_found" });
    const s = await world.signup();
    await expect(confirmByToken(s.statusToken, { statusLink: false })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("confirming, as a key to the person", () => {
  const tokensOf = async (signupId: string, purpose: string) =>
    (await pool().query(`SELECT 1 FROM signup_tokens WHERE signup_id = $1 AND purpose = $2`, [signupId, purpose])).rowCount;

  it("locks out whoever held the status token from before, and leaves no confirm link that reads or mints", async () => {
    const w = await createWaitlist({ doubleOptIn: true });
    // Whoever typed the address in: the status token stored at signup is one they could have been given.
    const p = created(await createSignup({ waitlistId: w.id, email: uniqueEmail("victim") }));
    const [link, otherLink] = [await mintSignupToken(p.id, "confirm"), await mintSignupToken(p.id, "confirm")];
    expect(await getSignupStatus(w.slug, p.statusToken)).toMatchObject({ status: "pending" });

    const done = await confirmByToken(link, { statusLink: true });
    expect(done.outcome).toMatchObject({ kind: "confirmed" });
    expect(await getSignupStatus(w.slug, done.statusToken!)).toMatchObject({ status: "waiting", position: 1 });
    // The token from before confirmation reads nothing, exports nothing and erases nobody.
    expect(await getSignupStatus(w.slug, p.statusToken)).toBeNull();
    expect(await signupOfOwnToken(p.statusToken, ["status", "leave"])).toBeNull();
    expect(await eraseSignup(p.statusToken)).toBeNull();
    expect(await row(p.id)).toMatchObject({ status: "WAITING" });

    // Every confirm link of theirs is used up.
    expect(await tokensOf(p.id, "confirm")).toBe(0);
    expect(await describeConfirmation(link)).toBeNull();
    await expect(confirmByToken(otherLink, { statusLink: true })).rejects.toMatchObject({ code: "not_found" });
    // One minted as the confirmation committed (a confirmation email racing it) confirms nothing and mints nothing.
    const late = await confirmByToken(await mintSignupToken(p.id, "confirm"), { statusLink: true });
    expect(late).toMatchObject({ outcome: { kind: "already", status: "WAITING" }, statusToken: null });
    expect(await tokensOf(p.id, "status")).toBe(1);
  });
});

describe("confirmation emails through the public signup", () => {
  it("re-sends to a pending person who signs up again, and refuses the 4th of a day to one recipient", async () => {
    const w = await createWaitlist({ title: "Capped", doubleOptIn: true });
    const email = uniqueEmail("again");
    const first = await postSignup(w.slug, { email }, { ip: uniqueIp() });
    expect(first.json).toMatchObject({ ok: true, position: 1, status: "pending" });
    expect(first.json).not.toHaveProperty("status_token");
    for (let i = 0; i < 2; i++) {
      const again = await postSignup(w.slug, { email }, { ip: uniqueIp() });
      expect(again.json).toEqual({ ok: true, duplicate: true, position: 1, ref_code: first.json.ref_code, status: "pending" });
    }
    const refused = await postSignup(w.slug, { email }, { ip: uniqueIp() });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ ok: false, error: { code: "too_many_emails", field: "email" } });
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThan(0);

    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(email)).toHaveLength(3), { timeout: 15_000 });
    const tokens = confirmTokens(email);
    expect(new Set(tokens).size).toBe(3);
    // Every link that reached the inbox works; any of them confirms.
    for (const t of tokens) expect(await describeConfirmation(t)).toMatchObject({ status: "PENDING" });
    expect((await confirmByToken(tokens[0]!, { statusLink: false })).outcome).toMatchObject({ kind: "confirmed", position: 1 });
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(1);
  });

  it("caps one network across addresses, storing nothing when refused", async () => {
    const w = await createWaitlist({ title: "Capped", doubleOptIn: true });
    const ip = uniqueIp();
    for (let i = 0; i < 4; i++) expect((await postSignup(w.slug, { email: uniqueEmail() }, { ip })).status).toBe(200);
    const victim = uniqueEmail("victim");
    const refused = await postSignup(w.slug, { email: victim }, { ip });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: "too_many_emails" } });
    expect(await db().signup.count({ where: { waitlistId: w.id, email: victim } })).toBe(0);
    expect(await counters(w.id)).toEqual({ nextSeq: 4, waitingCount: 0, signupCount: 4 });
    // A list without double opt-in mails nobody at signup, so the cap does not apply there.
    const open = await createWaitlist();
    expect((await postSignup(open.slug, { email: uniqueEmail() }, { ip })).json).toMatchObject({ ok: true, position: 1 });
  });
});

describe("group commit with double opt-in", () => {
  it("keeps batches on both kinds of list exact: pending, full and duplicates on one, positions on the other", async () => {
    const optIn = await createWaitlist({ plan: "PRO", capacity: 12, referralBoost: 1 });
    const plain = await createWaitlist({ plan: "PRO" });
    const seed = created(await createSignup({ waitlistId: optIn.id, email: uniqueEmail() }));
    created(await createSignup({ waitlistId: optIn.id, email: uniqueEmail() }));
    await setDoubleOptIn(optIn.id, true);

    const twice = uniqueEmail();
    const optInEmails = [twice, ...Array.from({ length: 13 }, () => uniqueEmail()), twice];
    const [optInAnswers, plainAnswers] = await Promise.all([
      Promise.all(optInEmails.map((email, i) => createSignup({ waitlistId: optIn.id, email, ref: i % 2 ? seed.refCode : null }))),
      Promise.all(Array.from({ length: 20 }, () => createSignup({ waitlistId: plain.id, email: uniqueEmail() }))),
    ]);

    // Ten fit (12 - 2): pending, each at the place they'd have on confirming (behind the 2 waiting).
    const admitted = optInAnswers.slice(0, 10).map(created);
    for (const a of admitted) expect(a).toMatchObject({ pending: true, position: 3 });
    expect(optInAnswers.slice(10, 14)).toEqual(Array.from({ length: 4 }, () => ({ kind: "full" })));
    expect(optInAnswers[14]).toEqual({ kind: "duplicate", position: 3, refCode: admitted[0]!.refCode, status: "PENDING" });
    expect(await counters(optIn.id)).toEqual({ nextSeq: 12, waitingCount: 2, signupCount: 12 });
    expect(await row(seed.id)).toMatchObject({ referralCount: 0 });
    await expectLineMatchesDefinition(optIn.id, 1);

    expect(plainAnswers.map((a) => created(a).position).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(plainAnswers.every((a) => created(a).pending === false)).toBe(true);
    await expectLineMatchesDefinition(plain.id, 1);

    // Confirming the referred ones (odd arrivals) credits the seed once each, in line order.
    // Confirm links minted as the email mints them, without waiting for the worker.
    const tokens = await Promise.all(admitted.map((a) => mintSignupToken(a.id, "confirm")));
    for (const t of tokens) await confirmByToken(t, { statusLink: false });
    expect(await row(seed.id)).toMatchObject({ referralCount: 5, score: scoreOf(1, 5, 1) });
    expect(await counters(optIn.id)).toEqual({ nextSeq: 12, waitingCount: 12, signupCount: 12 });
    await expectLineMatchesDefinition(optIn.id, 1);
  });
});

describe("the owner's views of pending people", () => {
  it("lists them with a pending status and filter, and exports them only when asked", async () => {
    const w = await createWaitlist();
    const waiting = created(await createSignup({ waitlistId: w.id, email: "waiting@example.com" }));
    await setDoubleOptIn(w.id, true);
    const pending = created(await createSignup({ waitlistId: w.id, email: "pending@example.com" }));

    const all = await listSignups(w.id, listSignupsQuerySchema.parse({}));
    expect(all.signups.map((s) => [s.email, s.status, s.position])).toEqual([
      ["waiting@example.com", "waiting", 1],
      ["pending@example.com", "pending", null],
    ]);
    const only = await listSignups(w.id, listSignupsQuerySchema.parse({ status: "pending" }));
    expect(only.signups.map((s) => s.id)).toEqual([pending.id]);

    const csv = async (query: Record<string, string>) => {
      const text = await new Response(await exportCsvStream(w.id, exportQuerySchema.parse(query))).text();
      return text.trim().split("\n").slice(1).map((line) => line.split(",").slice(0, 2).join(",") + "," + line.split(",")[8]);
    };
    expect(await csv({})).toEqual(["1,waiting@example.com,waiting"]);
    expect(await csv({ include_pending: "1" })).toEqual(["1,waiting@example.com,waiting", ",pending@example.com,pending"]);
    expect(await csv({ status: "pending" })).toEqual([",pending@example.com,pending"]);
    expect(exportQuerySchema.safeParse({ include_pending: "yes" }).success).toBe(false);
    expect(waiting.pending).toBe(false);
  });
});

describe("the owner's switch", () => {
  it("is off for new lists, and once switched on the very next signup is pending", async () => {
    const w = await createWaitlist();
    expect((await getPublicWaitlist(w.slug))?.doubleOptIn).toBe(false);
    const owned = await updateWaitlist(w.teamId, w.id, updateWaitlistSchema.parse({ double_opt_in: true }));
    expect(owned.double_opt_in).toBe(true);
    expect((await getPublicWaitlist(w.slug))?.doubleOptIn).toBe(true);
    expect(created(await createSignup({ waitlistId: w.id, email: uniqueEmail() })).pending).toBe(true);
    expect(updateWaitlistSchema.safeParse({ double_opt_in: "yes" }).success).toBe(false);
  });
});

describe("PATCH /api/waitlists/:id/signups/:signupId on a pending person", () => {
  it("refuses to let them in by hand with 409 conflict, changing nothing", async () => {
    const owner = await signedInOwner();
    const w = await createWaitlist({ ownerId: owner.id, doubleOptIn: true });
    const p = created(await createSignup({ waitlistId: w.id, email: uniqueEmail() }));
    for (const status of ["invited", "waiting"]) {
      const r = await callOwner(PATCH_SIGNUP, { id: w.id, signupId: p.id }, { method: "PATCH", cookie: owner.cookie, body: { status } });
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ ok: false, error: { code: "conflict" } });
    }
    expect(await row(p.id)).toMatchObject({ status: "PENDING" });
    expect(await counters(w.id)).toEqual({ nextSeq: 1, waitingCount: 0, signupCount: 1 });
    await expectLineMatchesDefinition(w.id, 1);
  });
});
