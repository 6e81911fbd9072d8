import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDb, pool } from "@/lib/db";
import { stopJobs } from "@/lib/jobs/boss";
import { confirmPendingSignup } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";

// The confirmation keeper starts the job producer before it takes the waitlist row lock (as the owner-side
// keepers do): a producer's first start sets pg-boss up, and waiting for that while holding the line can hang
// against a signup batch that wrote to pgboss.job and waits for the line.

afterAll(async () => {
  await stopJobs();
  await closeDb();
});

/** The key lib/jobs/boss.ts sets queues up under (startWithQueues): another process setting up holds it. */
const QUEUE_SETUP_LOCK = 72_707_370;

describe("confirmPendingSignup", () => {
  it("does not hold the line while the job producer is still starting", async () => {
    const w = await createWaitlist({ doubleOptIn: true });
    const s = await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    if (s.kind !== "created" || !s.pending) throw new Error("expected a pending signup");
    // The producer starts afresh, and its start waits while someone else sets pg-boss up.
    await stopJobs();
    const setup = await pool().connect();
    await setup.query("SELECT pg_advisory_lock($1)", [QUEUE_SETUP_LOCK]);
    const confirming = confirmPendingSignup(w.id, s.id);
    try {
      await vi.waitFor(async () => {
        const { rows } = await pool().query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`,
          [QUEUE_SETUP_LOCK],
        );
        expect(rows).toHaveLength(1);
      }, { timeout: 10_000 });
      // Meanwhile the line is free: a signup batch could take it.
      const probe = await pool().connect();
      try {
        await probe.query("BEGIN");
        const locked = await probe.query(`SELECT 1 FROM waitlists WHERE id = $1 FOR UPDATE NOWAIT`, [w.id]).then(
          () => false,
          (error: { code?: string }) => error.code === "55P03",
        );
        await probe.query("ROLLBACK");
        expect(locked).toBe(false);
      } finally {
        probe.release();
      }
    } finally {
      await setup.query("SELECT pg_advisory_unlock($1)", [QUEUE_SETUP_LOCK]);
      setup.release();
    }
    expect(await confirming).toMatchObject({ kind: "confirmed", position: 1 });
  });
});
