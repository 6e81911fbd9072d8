import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { createWaitlist } from "@/lib/waitlists/mutations";
import { createOwner, personalTeamId, uniqueSlug } from "@/tests/support/fixtures";

// A new list starts on its team's plan (docs/billing.md). The plan is read under a share lock on the team's row,
// so a plan change under way (the Stripe webhook updates the team's row, then copies the plan onto every list,
// in one transaction) is waited for: the list never starts on the plan the team just left.

const clients: pg.Client[] = [];
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  await closeDb();
});

async function connection() {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  clients.push(client);
  return client;
}

/** Whether a statement reading the team's plan FOR SHARE is waiting on a lock (within `ms`). */
async function shareLockAwaited(probe: pg.Client, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const { rows } = await probe.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FROM teams%FOR SHARE%'`,
    );
    if (rows[0]!.n > 0) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe("creating a waitlist while the team's plan changes", () => {
  it("waits for the change to commit and starts the list on the new plan", async () => {
    const owner = await createOwner();
    const teamId = await personalTeamId(owner.id);
    const webhook = await connection();
    const probe = await connection();

    // The webhook's transaction has locked the team's row (as its UPDATE does) and is changing the plan.
    await webhook.query("BEGIN");
    await webhook.query("SELECT 1 FROM teams WHERE id = $1 FOR UPDATE", [teamId]);
    const creating = createWaitlist(teamId, owner.id, { slug: uniqueSlug("race"), title: "Race", description: "" });
    const waited = await shareLockAwaited(probe, 3_000);
    await webhook.query(`UPDATE teams SET plan = 'PRO' WHERE id = $1`, [teamId]);
    await webhook.query(`UPDATE waitlists SET plan = 'PRO' WHERE team_id = $1`, [teamId]);
    await webhook.query("COMMIT");
    const created = await creating;

    expect(waited).toBe(true);
    expect(created.plan).toBe("PRO");
    expect((await db().waitlist.findUniqueOrThrow({ where: { id: created.id }, select: { plan: true } })).plan).toBe("PRO");
  });
});
