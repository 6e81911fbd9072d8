import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import { joinLine, type JoinInput } from "@/lib/signups/line";
import { createSignup, type CreateSignupResult } from "@/lib/signups/mutations";
import { blockOf, positionOf, scoreOf } from "@/lib/signups/position";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";

// Group commit (lib/signups/line-join.ts): signups started in the same tick land in one batch, written by one
// statement. Each guarantee of a single signup must hold for a batch, against a real PostgreSQL.

afterAll(closeDb);

const created = (r: CreateSignupResult) => {
  if (r.kind !== "created") throw new Error(`expected created, got ${r.kind}`);
  return r;
};

function joinInput(waitlistId: string, overrides: Partial<JoinInput> = {}): JoinInput {
  return {
    waitlistId, email: uniqueEmail(), name: null, company: null, twitter: null,
    refCode: newRefCode(), statusTokenHash: newStatusToken().hash, referrerCode: null, ...overrides,
  };
}

async function counters(waitlistId: string) {
  const w = await db().waitlist.findUniqueOrThrow({ where: { id: waitlistId } });
  return { nextSeq: w.nextSeq, waitingCount: w.waitingCount, signupCount: w.signupCount };
}

describe("group commit", () => {
  it("a burst of 600 at once gets positions exactly 1..600, seqs 1..600 and matching counters", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    const answers = (await Promise.all(Array.from({ length: 600 }, () => createSignup({ waitlistId: w.id, email: uniqueEmail() })))).map(created);
    expect(answers.map((a) => a.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const { rows } = await pool().query<{ seq: number }>(`SELECT seq FROM signups WHERE waitlist_id = $1 ORDER BY seq`, [w.id]);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    expect(await counters(w.id)).toEqual({ nextSeq: 600, waitingCount: 600, signupCount: 600 });
    await expectLineMatchesDefinition(w.id, 1);
  });

  it("answers an email twice in one batch, and one already stored, as duplicates with the stored place and code", async () => {
    const w = await createWaitlist();
    const stored = created(await createSignup({ waitlistId: w.id, email: uniqueEmail() }));
    const storedEmail = (await db().signup.findUniqueOrThrow({ where: { id: stored.id } })).email;
    const twice = uniqueEmail();
    const answers = await Promise.all(
      [twice, storedEmail, uniqueEmail(), twice, twice].map((email) => createSignup({ waitlistId: w.id, email })),
    );
    const first = created(answers[0]!);
    expect(first.position).toBe(2);
    expect(answers[1]).toEqual({ kind: "duplicate", position: 1, refCode: stored.refCode, status: "WAITING" });
    expect(created(answers[2]!).position).toBe(3);
    for (const again of [answers[3], answers[4]]) {
      expect(again).toEqual({ kind: "duplicate", position: 2, refCode: first.refCode, status: "WAITING" });
    }
    expect(await db().signup.count({ where: { waitlistId: w.id, email: twice } })).toBe(1);
    expect(await counters(w.id)).toEqual({ nextSeq: 3, waitingCount: 3, signupCount: 3 });
  });

  it("admits a batch crossing the capacity in arrival order; the rest are full, duplicates still answered", async () => {
    const w = await createWaitlist({ capacity: 6, plan: "PRO" });
    const early = created(await createSignup({ waitlistId: w.id, email: "early@example.com" }));
    for (let i = 0; i < 3; i++) await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    const emails = Array.from({ length: 7 }, () => uniqueEmail());
    const answers = await Promise.all(
      [...emails, "early@example.com", emails[0]!].map((email) => createSignup({ waitlistId: w.id, email })),
    );
    expect(answers.slice(0, 2).map((a) => created(a).position)).toEqual([5, 6]);
    expect(answers.slice(2, 7)).toEqual(Array.from({ length: 5 }, () => ({ kind: "full" })));
    expect(answers[7]).toEqual({ kind: "duplicate", position: 1, refCode: early.refCode, status: "WAITING" });
    expect(answers[8]).toMatchObject({ kind: "duplicate", position: 5 });
    const stored = await db().signup.findMany({ where: { waitlistId: w.id }, select: { email: true } });
    expect(stored.map((s) => s.email)).toEqual(expect.arrayContaining(emails.slice(0, 2)));
    expect(stored).toHaveLength(6);
    expect(await counters(w.id)).toEqual({ nextSeq: 6, waitingCount: 6, signupCount: 6 });
  });

  it("stops at the Free plan's cap inside a batch", async () => {
    process.env.FREE_SIGNUP_CAP = "4";
    resetEnvCache();
    try {
      const w = await createWaitlist({ plan: "FREE" });
      const answers = await Promise.all(Array.from({ length: 9 }, () => createSignup({ waitlistId: w.id, email: uniqueEmail() })));
      expect(answers.map((a) => a.kind)).toEqual([...Array(4).fill("created"), ...Array(5).fill("full")]);
      expect(answers.slice(0, 4).map((a) => created(a).position)).toEqual([1, 2, 3, 4]);
      expect(await counters(w.id)).toEqual({ nextSeq: 4, waitingCount: 4, signupCount: 4 });
    } finally {
      delete process.env.FREE_SIGNUP_CAP;
      resetEnvCache();
    }
  });

  it("credits referrers in the batch: a stored one referred twice while retrying, and a newcomer earlier in it", async () => {
    const boost = 3;
    const w = await createWaitlist({ plan: "PRO", referralBoost: boost });
    const people = [];
    for (let i = 0; i < 8; i++) people.push(created(await createSignup({ waitlistId: w.id, email: `p${i}-${uniqueEmail()}` })));
    const referrer = people[6]!;
    const referrerEmail = (await db().signup.findUniqueOrThrow({ where: { id: referrer.id } })).email;
    const newcomer = joinInput(w.id);
    const batch = await Promise.all([
      joinLine(joinInput(w.id, { email: referrerEmail })),
      joinLine(joinInput(w.id, { referrerCode: referrer.refCode })),
      joinLine(newcomer),
      joinLine(joinInput(w.id, { referrerCode: referrer.refCode })),
      joinLine(joinInput(w.id, { referrerCode: newcomer.refCode })),
    ]);
    expect(batch.map((r) => r.outcome)).toEqual(["duplicate", "joined", "joined", "joined", "joined"]);
    expect(await db().signup.findUniqueOrThrow({ where: { id: referrer.id } })).toMatchObject({ referralCount: 2, score: scoreOf(7, 2, boost) });
    const stored = await db().signup.findUniqueOrThrow({ where: { refCode: newcomer.refCode } });
    expect(stored).toMatchObject({ referralCount: 1, seq: 10, score: scoreOf(10, 1, boost) });
    const referred = await db().signup.findMany({ where: { waitlistId: w.id, seq: { gt: 8 } }, orderBy: { seq: "asc" } });
    expect(referred.map((r) => r.referredById)).toEqual([referrer.id, null, referrer.id, stored.id]);
    // Every newcomer's answer is its place by the definition right after the batch.
    for (const [i, r] of batch.entries()) {
      if (r.outcome !== "joined") continue;
      const row = await db().signup.findUniqueOrThrow({ where: { id: r.id } });
      expect({ i, position: r.position }).toEqual({ i, position: await positionOf(pool(), w.id, row.score, row.seq) });
    }
    await expectLineMatchesDefinition(w.id, boost);
  });

  it("answers every caller of a batch with the error when its statement fails, and stores none of it", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    const before = await counters(w.id);
    // A trigger the test database holds for this test only: one bad row fails the whole statement.
    await pool().query(`
      CREATE OR REPLACE FUNCTION wf_test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email LIKE 'boom-%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
        RETURN NEW;
      END $$`);
    await pool().query(`CREATE TRIGGER wf_test_refuse_boom BEFORE INSERT ON signups FOR EACH ROW EXECUTE FUNCTION wf_test_refuse_boom()`);
    try {
      const emails = [uniqueEmail(), uniqueEmail(), `boom-${uniqueEmail()}`, uniqueEmail()];
      const settled = await Promise.allSettled(emails.map((email) => createSignup({ waitlistId: w.id, email })));
      expect(settled.map((s) => (s.status === "rejected" ? String(s.reason) : s.value.kind))).toEqual(
        Array(4).fill("error: refused by test trigger"),
      );
    } finally {
      await pool().query(`DROP TRIGGER wf_test_refuse_boom ON signups`);
      await pool().query(`DROP FUNCTION wf_test_refuse_boom()`);
    }
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(1);
    expect(await counters(w.id)).toEqual(before);
    expect(created(await createSignup({ waitlistId: w.id, email: uniqueEmail() })).position).toBe(2);
    await expectLineMatchesDefinition(w.id, 1);
  });

  it("fails the whole batch with the unique violation createSignup retries on when two codes collide", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    const code = newRefCode();
    const settled = await Promise.allSettled([
      joinLine(joinInput(w.id)),
      joinLine(joinInput(w.id, { refCode: code })),
      joinLine(joinInput(w.id, { refCode: code })),
    ]);
    expect(settled.map((s) => s.status === "rejected" && (s.reason as { code?: string }).code)).toEqual(["23505", "23505", "23505"]);
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(0);
    expect(await counters(w.id)).toEqual({ nextSeq: 0, waitingCount: 0, signupCount: 0 });
  });

  it("runs a batch again itself when another instance stored one of its emails after the statement's snapshot", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    const raced = uniqueEmail();
    // The other instance: its transaction holds the list's row lock and has stored `raced`, not yet committed.
    const other = await pool().connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM waitlists WHERE id = $1 FOR UPDATE`, [w.id]);
      await other.query(
        `INSERT INTO signups (id, waitlist_id, email, ref_code, seq, score, status_token_hash)
         VALUES (gen_random_uuid(), $1, $2, $3, 1, 2, $4)`,
        [w.id, raced, newRefCode(), newStatusToken().hash],
      );
      await other.query(`UPDATE waitlists SET next_seq = 1, waiting_count = 1, signup_count = 1 WHERE id = $1`, [w.id]);
      await other.query(`INSERT INTO signup_blocks (waitlist_id, block, waiting) VALUES ($1, $2, 1)`, [w.id, blockOf(scoreOf(1, 0, 1))]);
      // This instance's batch (the raced email among others) starts its statement and waits for the lock...
      const batch = Promise.allSettled([joinLine(joinInput(w.id)), joinLine(joinInput(w.id, { email: raced })), joinLine(joinInput(w.id))]);
      await expect.poll(async () => {
        const { rows } = await pool().query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%WITH lock AS%'`,
        );
        return rows[0]!.n;
      }).toBe(1);
      // ...and its snapshot, taken before this commit, does not show the raced email.
      await other.query("COMMIT");
      const settled = await batch;
      expect(settled.map((s) => (s.status === "fulfilled" ? s.value.outcome : `rejected ${(s.reason as { code?: string }).code}`))).toEqual([
        "joined",
        "duplicate",
        "joined",
      ]);
      expect(settled.map((s) => s.status === "fulfilled" && s.value.outcome === "joined" && s.value.position)).toEqual([2, false, 3]);
    } finally {
      other.release();
    }
    expect(await db().signup.count({ where: { waitlistId: w.id, email: raced } })).toBe(1);
    expect(await counters(w.id)).toEqual({ nextSeq: 3, waitingCount: 3, signupCount: 3 });
    await expectLineMatchesDefinition(w.id, 1);
  });

  it("refuses a batch on a closed list, still recognising who is already in", async () => {
    const w = await createWaitlist();
    const inLine = created(await createSignup({ waitlistId: w.id, email: "in@example.com" }));
    await db().waitlist.update({ where: { id: w.id }, data: { isOpen: false } });
    const answers = await Promise.all(
      ["in@example.com", uniqueEmail()].map((email) => createSignup({ waitlistId: w.id, email })),
    );
    expect(answers).toEqual([{ kind: "duplicate", position: 1, refCode: inLine.refCode, status: "WAITING" }, { kind: "closed" }]);
  });
});
