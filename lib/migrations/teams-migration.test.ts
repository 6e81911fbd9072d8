import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseBefore, type StagedDatabase } from "@/tests/support/migration-stages";

// The teams migration moves per-list Pro subscriptions onto the owner's personal team (docs/billing.md): the team
// takes the best one (a billing status first, then the newest list), every list takes the team's plan, and every
// other per-list subscription is kept in legacy_subscriptions before the per-list columns are dropped.

const TEAMS = "20261203090000_teams";
let stage: StagedDatabase;

type ListRow = { id: string; owner: string; created: string; updated: string; plan: "FREE" | "PRO"; sub?: string; status?: string; customer?: string };

// Owner A: the newest-edited Pro list holds a canceled subscription (its plan still says PRO), a past_due one was
// edited after the active one, and a Free list has none. Owner B: two active subscriptions, the older list
// edited last. Owner C: only a canceled one. Owner D: no lists.
const LISTS: ListRow[] = [
  { id: "wl_a1", owner: "u_a", created: "2026-01-01", updated: "2026-01-02", plan: "PRO", sub: "sub_a_active", status: "active", customer: "cus_a" },
  { id: "wl_a2", owner: "u_a", created: "2026-03-01", updated: "2026-06-01", plan: "PRO", sub: "sub_a_canceled", status: "canceled", customer: "cus_a" },
  { id: "wl_a3", owner: "u_a", created: "2026-02-01", updated: "2026-05-01", plan: "PRO", sub: "sub_a_past_due", status: "past_due", customer: "cus_a2" },
  { id: "wl_a4", owner: "u_a", created: "2026-04-01", updated: "2026-04-01", plan: "FREE" },
  { id: "wl_b1", owner: "u_b", created: "2026-01-01", updated: "2026-09-01", plan: "PRO", sub: "sub_b_older", status: "active", customer: "cus_b" },
  { id: "wl_b2", owner: "u_b", created: "2026-02-01", updated: "2026-02-01", plan: "PRO", sub: "sub_b_newer", status: "active", customer: "cus_b" },
  { id: "wl_c1", owner: "u_c", created: "2026-01-01", updated: "2026-08-01", plan: "FREE", sub: "sub_c_canceled", status: "canceled", customer: "cus_c" },
  { id: "wl_c2", owner: "u_c", created: "2026-02-01", updated: "2026-02-01", plan: "FREE" },
];

beforeAll(async () => {
  stage = await databaseBefore(inject("databaseUrl"), TEAMS);
  for (const user of ["u_a", "u_b", "u_c", "u_d"]) {
    await stage.query(`INSERT INTO users (id, email, updated_at) VALUES ($1, $2, now())`, [user, `${user}@example.com`]);
  }
  for (const l of LISTS) {
    await stage.query(
      `INSERT INTO waitlists (id, owner_id, slug, title, plan, stripe_subscription_id, subscription_status, stripe_customer_id, created_at, updated_at)
       VALUES ($1, $2, $3, $3, $4::"Plan", $5, $6, $7, $8, $9)`,
      [l.id, l.owner, l.id.replace("_", "-"), l.plan, l.sub ?? null, l.status ?? null, l.customer ?? null, l.created, l.updated],
    );
  }
  expect(await stage.applyThrough(TEAMS)).toEqual([TEAMS]);
});

afterAll(async () => {
  await stage?.drop();
});

type TeamRow = { id: string; plan: string; stripe_subscription_id: string | null; subscription_status: string | null; stripe_customer_id: string | null };
const teamOf = async (user: string) =>
  (await stage.query<TeamRow>(`SELECT id, plan::text, stripe_subscription_id, subscription_status, stripe_customer_id FROM teams WHERE personal_of = $1`, [user]))[0]!;
const plansOf = async (user: string) =>
  (await stage.query<{ plan: string }>(`SELECT w.plan::text FROM waitlists w JOIN teams t ON t.id = w.team_id WHERE t.personal_of = $1`, [user])).map((r) => r.plan);
type LegacyRow = { subscription_id: string; customer_id: string | null; team_id: string; waitlist_id: string | null; status: string | null };
const legacyOf = (teamId: string) =>
  stage.query<LegacyRow>(
    `SELECT subscription_id, customer_id, team_id, waitlist_id, status FROM legacy_subscriptions WHERE team_id = $1 ORDER BY subscription_id`,
    [teamId],
  );

describe("the teams migration's billing", () => {
  it("gives the team the billing subscription, not the list edited last (a canceled or past_due one)", async () => {
    const a = await teamOf("u_a");
    expect(a).toMatchObject({ plan: "PRO", stripe_subscription_id: "sub_a_active", subscription_status: "active", stripe_customer_id: "cus_a" });
    expect(await plansOf("u_a")).toEqual(["PRO", "PRO", "PRO", "PRO"]);
  });

  it("breaks a tie between equally good subscriptions by the newer list (created_at), not by a settings edit", async () => {
    expect(await teamOf("u_b")).toMatchObject({ plan: "PRO", stripe_subscription_id: "sub_b_newer", subscription_status: "active" });
    expect(await plansOf("u_b")).toEqual(["PRO", "PRO"]);
  });

  it("keeps every other per-list subscription in legacy_subscriptions, with its list, customer and status", async () => {
    const a = await teamOf("u_a");
    expect(await legacyOf(a.id)).toEqual([
      { subscription_id: "sub_a_canceled", customer_id: "cus_a", team_id: a.id, waitlist_id: "wl_a2", status: "canceled" },
      { subscription_id: "sub_a_past_due", customer_id: "cus_a2", team_id: a.id, waitlist_id: "wl_a3", status: "past_due" },
    ]);
    const b = await teamOf("u_b");
    expect(await legacyOf(b.id)).toEqual([{ subscription_id: "sub_b_older", customer_id: "cus_b", team_id: b.id, waitlist_id: "wl_b1", status: "active" }]);
    // Nothing is both the team's and legacy, and nothing was lost: 6 subscriptions before, 3 teams' + 3 legacy.
    const all = await stage.query<{ n: number }>(`SELECT count(*)::int AS n FROM legacy_subscriptions`);
    expect(all[0]!.n).toBe(3);
    const held = await stage.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM teams t JOIN legacy_subscriptions l ON l.subscription_id = t.stripe_subscription_id`,
    );
    expect(held[0]!.n).toBe(0);
  });

  it("leaves a team whose only subscription ended on Free, holding that subscription, and a team without lists alone", async () => {
    const c = await teamOf("u_c");
    expect(c).toMatchObject({ plan: "FREE", stripe_subscription_id: "sub_c_canceled", subscription_status: "canceled", stripe_customer_id: "cus_c" });
    expect(await plansOf("u_c")).toEqual(["FREE", "FREE"]);
    expect(await legacyOf(c.id)).toEqual([]);
    expect(await teamOf("u_d")).toMatchObject({ plan: "FREE", stripe_subscription_id: null, stripe_customer_id: null });
  });

  it("drops the per-list billing columns only after that", async () => {
    const cols = await stage.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'waitlists' AND column_name LIKE ANY (ARRAY['stripe%', 'subscription%'])`,
    );
    expect(cols).toEqual([]);
  });
});
