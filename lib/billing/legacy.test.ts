import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOwner, createWaitlist, personalTeamId, uniqueSlug } from "@/tests/support/fixtures";
import { setupFakeStripe, subscriptionEvent, testSubscriptionId, type TestSubscription } from "@/tests/support/stripe-webhook";

// A team's other subscriptions (legacy_subscriptions, docs/billing.md): per-list ones from before teams, and one
// the team replaced while it still billed. The team's own ending switches it to one of them that still bills
// instead of dropping it to Free; their own events keep their rows current and never replace the team's own.

const stripeFake = setupFakeStripe();

/** A team on Pro through its own subscription, with two lists; `legacy` are its other subscriptions as the
 *  migration left them (row status) and as Stripe reports them now (status). */
async function proTeam(legacy: { name: string; row: string; status: string }[] = []) {
  const owner = await createOwner();
  const teamId = await personalTeamId(owner.id);
  const first = await createWaitlist({ teamId, slug: uniqueSlug("leg") });
  const second = await createWaitlist({ teamId, slug: uniqueSlug("leg") });
  const own: TestSubscription = { id: testSubscriptionId("own"), customer: "cus_own", metadata: { team_id: teamId } };
  await subscriptionEvent(stripeFake(), "checkout.session.completed", own, "active");
  const others: TestSubscription[] = [];
  for (const l of legacy) {
    const sub = { id: testSubscriptionId(l.name), customer: `cus_${l.name}`, metadata: { waitlist_id: second.id } };
    stripeFake().setSubscription({ ...sub, status: l.status });
    await db().legacySubscription.create({ data: { subscriptionId: sub.id, customerId: sub.customer, teamId, waitlistId: second.id, status: l.row } });
    others.push(sub);
  }
  return { teamId, own, others, lists: [first, second] };
}

const teamOf = (id: string) =>
  db().team.findUniqueOrThrow({ where: { id }, select: { plan: true, stripeSubscriptionId: true, stripeCustomerId: true, subscriptionStatus: true } });
const plansOf = async (teamId: string) => (await db().waitlist.findMany({ where: { teamId }, select: { plan: true } })).map((w) => w.plan);
const legacyOf = async (teamId: string) =>
  Object.fromEntries((await db().legacySubscription.findMany({ where: { teamId }, select: { subscriptionId: true, status: true } })).map((r) => [r.subscriptionId, r.status]));
const retrieved = (id: string) => stripeFake().calls.filter((c) => c.method === "GET" && c.path === `/v1/subscriptions/${id}`).length;

describe("when the team's own subscription ends", () => {
  it("switches the team to another of its subscriptions that Stripe says still bills, instead of Free", async () => {
    const { teamId, own, others, lists } = await proTeam([
      { name: "stale", row: "active", status: "canceled" },
      { name: "billing", row: "past_due", status: "active" },
      { name: "ended", row: "canceled", status: "canceled" },
    ]);
    const [stale, billing, ended] = others as [TestSubscription, TestSubscription, TestSubscription];

    await subscriptionEvent(stripeFake(), "customer.subscription.deleted", own, "canceled");
    expect(await teamOf(teamId)).toEqual({ plan: "PRO", stripeSubscriptionId: billing.id, stripeCustomerId: billing.customer, subscriptionStatus: "active" });
    expect(await plansOf(teamId)).toEqual(["PRO", "PRO"]);
    // The one it took leaves the table, the others' rows now say what Stripe said; the ended own one is not kept.
    expect(await legacyOf(teamId)).toEqual({ [stale.id]: "canceled", [ended.id]: "canceled" });
    // Stripe was asked about the ones that might bill, not about one already ended.
    expect([retrieved(stale.id), retrieved(billing.id), retrieved(ended.id)]).toEqual([1, 1, 0]);
    for (const list of lists) expect((await db().waitlist.findUniqueOrThrow({ where: { id: list.id } })).plan).toBe("PRO");

    const audit = await db().auditLog.findFirstOrThrow({ where: { teamId, action: "billing.plan_changed" }, orderBy: { id: "desc" } });
    expect(audit.details).toEqual({ plan: "PRO", status: "active", subscription: billing.id, replaced: own.id, from: "legacy_subscriptions" });
  });

  it("finds a second subscription of the team that turned active while the team was Pro (a second checkout) and switches to it", async () => {
    const { teamId, own } = await proTeam();
    const second: TestSubscription = { id: testSubscriptionId("second"), customer: "cus_own", metadata: { team_id: teamId } };
    // Its checkout completed while it was still incomplete (3-D Secure), then Stripe reports it active.
    await subscriptionEvent(stripeFake(), "customer.subscription.updated", second, "active");
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: own.id });
    expect(await legacyOf(teamId)).toEqual({ [second.id]: "active" });
    await subscriptionEvent(stripeFake(), "customer.subscription.deleted", own, "canceled");
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: second.id, subscriptionStatus: "active" });
  });

  it("drops the team to Free when none of its others bills any more, and records their states", async () => {
    const { teamId, own, others } = await proTeam([{ name: "gone", row: "active", status: "canceled" }]);
    await subscriptionEvent(stripeFake(), "customer.subscription.deleted", own, "canceled");
    expect(await teamOf(teamId)).toMatchObject({ plan: "FREE", stripeSubscriptionId: own.id, subscriptionStatus: "canceled" });
    expect(await plansOf(teamId)).toEqual(["FREE", "FREE"]);
    expect(await legacyOf(teamId)).toEqual({ [others[0]!.id]: "canceled" });
  });

  it("falls back on the subscription a later checkout replaced, when that one still bills", async () => {
    const { teamId, own } = await proTeam();
    const second: TestSubscription = { id: testSubscriptionId("second"), customer: "cus_own", metadata: { team_id: teamId } };
    await subscriptionEvent(stripeFake(), "checkout.session.completed", second, "active");
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: second.id });
    expect(await legacyOf(teamId)).toEqual({ [own.id]: "active" });

    await subscriptionEvent(stripeFake(), "customer.subscription.deleted", second, "canceled");
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: own.id, subscriptionStatus: "active" });
    expect(await legacyOf(teamId)).toEqual({});
  });
});

describe("an event for one of the team's other subscriptions", () => {
  it("updates that subscription's row and leaves the team's own in place while the team is Pro", async () => {
    const { teamId, own, others } = await proTeam([{ name: "renews", row: "active", status: "active" }]);
    const other = others[0]!;
    await subscriptionEvent(stripeFake(), "customer.subscription.updated", other, "past_due");
    expect(await legacyOf(teamId)).toEqual({ [other.id]: "past_due" });
    await subscriptionEvent(stripeFake(), "customer.subscription.updated", other, "active");
    expect(await legacyOf(teamId)).toEqual({ [other.id]: "active" });
    expect(await teamOf(teamId)).toEqual({ plan: "PRO", stripeSubscriptionId: own.id, stripeCustomerId: "cus_own", subscriptionStatus: "active" });

    // Its list deleted and its metadata gone, the event still finds its row.
    await db().legacySubscription.update({ where: { subscriptionId: other.id }, data: { waitlistId: null } });
    await subscriptionEvent(stripeFake(), "customer.subscription.deleted", { ...other, metadata: {} }, "canceled");
    expect(await legacyOf(teamId)).toEqual({ [other.id]: "canceled" });
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: own.id });
  });

  it("gives a Free team that subscription when it bills again, and takes it out of the others", async () => {
    const { teamId, own, others } = await proTeam([{ name: "unpaid", row: "unpaid", status: "unpaid" }]);
    await subscriptionEvent(stripeFake(), "customer.subscription.deleted", own, "canceled");
    expect((await teamOf(teamId)).plan).toBe("FREE");

    const other = others[0]!;
    await subscriptionEvent(stripeFake(), "customer.subscription.updated", other, "active");
    expect(await teamOf(teamId)).toEqual({ plan: "PRO", stripeSubscriptionId: other.id, stripeCustomerId: other.customer, subscriptionStatus: "active" });
    expect(await plansOf(teamId)).toEqual(["PRO", "PRO"]);
    expect(await legacyOf(teamId)).toEqual({});
  });
});
