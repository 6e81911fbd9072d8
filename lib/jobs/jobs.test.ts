import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { pool, withTransaction } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startBoss } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { JOB_NAMES } from "@/lib/jobs/queues";
import { createSignup } from "@/lib/signups/mutations";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { startMailWorld, type MailWorld } from "@/tests/support/mail-world";

// The queue's guarantees, with the real worker, pg-boss, PostgreSQL and the Resend SDK against the local fake:
// the job commits with the signup (or not at all), failures are retried with backoff, a worker that dies
// mid-job is covered by another, and two workers never mail one event twice.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
});
afterEach(async () => {
  world.resend.failWith(null);
  world.resend.release({ drop: true });
  await world.stopWorkers();
  await world.clearQueue();
});
afterAll(async () => {
  await world.close();
});

async function jobCount(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${world.schema}.job WHERE name = 'signup-welcome'`);
  return rows[0]!.n;
}

describe("the welcome job and its signup commit together", () => {
  it("a committed signup has its job before any worker runs, and a worker started later sends it", async () => {
    const s = await world.signup();
    // The process that committed could die right here: the job is already in the database.
    expect(await world.jobOf(s.id)).toEqual([{ state: "created", retry_count: 0, singleton_key: `welcome:${s.id}` }]);
    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(s.email)).toHaveLength(1), { timeout: 15_000 });
  });

  it("a signup that fails at COMMIT leaves neither a person nor a job; a duplicate queues nothing", async () => {
    const { id: waitlistId } = await createWaitlist();
    // A deferred constraint trigger fails this one signup at COMMIT, after the statement and the enqueue ran.
    await pool().query(`
      CREATE OR REPLACE FUNCTION wf_test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'crash at commit'; END $$;
      CREATE CONSTRAINT TRIGGER wf_test_fail_commit AFTER INSERT ON signups DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.email LIKE '%@fail-at-commit.test') EXECUTE FUNCTION wf_test_fail_commit();`);
    try {
      const before = await jobCount();
      await expect(createSignup({ waitlistId, email: "doomed@fail-at-commit.test" })).rejects.toThrow(/crash at commit/);
      expect(await jobCount()).toBe(before);
      const { rows } = await pool().query(`SELECT 1 FROM signups WHERE waitlist_id = $1`, [waitlistId]);
      expect(rows).toHaveLength(0);
    } finally {
      await pool().query(`DROP TRIGGER wf_test_fail_commit ON signups; DROP FUNCTION wf_test_fail_commit();`);
    }

    const email = uniqueEmail();
    const created = await createSignup({ waitlistId, email });
    const countAfterCreate = await jobCount();
    expect((await createSignup({ waitlistId, email })).kind).toBe("duplicate");
    expect(await jobCount()).toBe(countAfterCreate);
    expect(created.kind).toBe("created");
  });

  it("enqueue inside a transaction that rolls back leaves no job", async () => {
    const before = await jobCount();
    await expect(
      withTransaction(async (client) => {
        const id = await enqueue("signup-welcome", { signupId: randomUUID() }, { client });
        expect(id).not.toBeNull();
        throw new Error("the change failed after queueing");
      }),
    ).rejects.toThrow(/after queueing/);
    expect(await jobCount()).toBe(before);
  });
});

describe("the job written inside the signup statement (lib/jobs/in-statement.ts)", () => {
  it("is the row pg-boss's own send() writes for the same event", async () => {
    const s = await world.signup();
    const sentId = await enqueue("signup-welcome", { signupId: randomUUID() });
    const columns = `name, priority, state, retry_limit, retry_count, retry_delay, retry_backoff, expire_in::text,
      singleton_on, dead_letter, policy, start_after <= now() AS started, keep_until - created_on > interval '13 days' AS kept,
      created_on <= now() AS created, jsonb_object_keys(data) AS data_keys, singleton_key LIKE 'welcome:%' AS keyed`;
    const { rows: ours } = await pool().query(`SELECT ${columns} FROM ${world.schema}.job WHERE data->>'signupId' = $1`, [s.id]);
    const { rows: theirs } = await pool().query(`SELECT ${columns} FROM ${world.schema}.job WHERE id = $1`, [sentId]);
    expect(ours).toHaveLength(1);
    expect(ours).toEqual(theirs);
    expect(ours[0]).toMatchObject({ retry_limit: 6, retry_delay: 1, retry_backoff: true, policy: "short" });
  });
});

describe("retries", () => {
  it("while Resend answers 500 the job is retried with backoff, and the email arrives once it is back", async () => {
    world.resend.failWith(500);
    const s = await world.signup();
    await world.worker();
    await vi.waitFor(async () => expect((await world.jobOf(s.id))[0]!.retry_count).toBeGreaterThanOrEqual(2), {
      timeout: 20_000,
      interval: 200,
    });
    expect(world.resend.refused()).toBeGreaterThanOrEqual(2);
    expect(world.messagesTo(s.email)).toHaveLength(0);
    world.resend.failWith(null);
    await vi.waitFor(() => expect(world.messagesTo(s.email)).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 10_000 });
    const [job] = await world.jobOf(s.id);
    expect(job!.retry_count).toBeGreaterThanOrEqual(2);
    expect(world.messagesTo(s.email)).toHaveLength(1);
  });

  it("a worker stopped mid-send without finishing (its request cut off) leaves the job to another worker", async () => {
    const s = await world.signup();
    const held = world.resend.hold(1);
    const doomed = await world.worker();
    await held; // the worker is inside the send
    expect(await world.jobOf(s.id)).toMatchObject([{ state: "active" }]);
    await doomed.abandon();
    world.resend.release({ drop: true });
    expect(world.messagesTo(s.email)).toHaveLength(0);

    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo(s.email)).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 10_000 });
    expect((await world.jobOf(s.id))[0]!.retry_count).toBeGreaterThanOrEqual(1);
  });
});

describe("set-up", () => {
  it("eight processes' worth of pg-boss starting at once on a new schema all come up with the queue", async () => {
    const schema = `pgboss_race${randomUUID().slice(0, 8)}`;
    process.env.JOB_SCHEMA = schema;
    resetEnvCache();
    try {
      const bosses = await Promise.all(Array.from({ length: 8 }, () => startBoss({ supervise: false })));
      const { rows } = await pool().query(`SELECT name, policy FROM ${schema}.queue ORDER BY name`);
      expect(rows).toEqual([...JOB_NAMES].sort().map((name) => ({ name, policy: "short" })));
      await Promise.all(bosses.map((b) => b.stop({ close: false, graceful: false })));
    } finally {
      process.env.JOB_SCHEMA = world.schema;
      resetEnvCache();
      await pool().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
});

describe("dedupe", () => {
  it("two workers at once send each signup's welcome exactly once", async () => {
    const { id: waitlistId } = await createWaitlist({ title: "Two workers" });
    const signups = [];
    for (let i = 0; i < 12; i++) signups.push(await world.signup({ waitlistId }));
    await Promise.all([world.worker(), world.worker()]);
    for (const s of signups) {
      await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 30_000 });
    }
    expect(signups.map((s) => world.messagesTo(s.email).length)).toEqual(signups.map(() => 1));
  });

  it("queueing the same event again while it waits is dropped (singletonKey welcome:<signupId>)", async () => {
    const s = await world.signup();
    expect(await enqueue("signup-welcome", { signupId: s.id })).toBeNull();
    expect(await world.jobOf(s.id)).toHaveLength(1);
  });
});
