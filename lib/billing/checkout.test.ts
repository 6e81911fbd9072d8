import { describe, expect, it } from "vitest";
import { POST as upgradePOST } from "@/app/api/waitlists/[id]/upgrade/route";
import { db } from "@/lib/db";
import { createWaitlist, personalTeamId, uniqueSlug } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { setupFakeStripe } from "@/tests/support/stripe-webhook";

// One Stripe customer per team (docs/billing.md): the first upgrade creates it before any Checkout session and
// stores it only if the team has none yet (the loser of a race deletes its own), so owners upgrading at the same
// time share it (and Stripe's portal shows every subscription of the team in one place).

const stripeFake = setupFakeStripe();

async function teamWithTwoOwners() {
  const owner = await signedInOwner();
  const teamId = await personalTeamId(owner.id);
  const coOwner = await signedInOwner();
  await db().teamMember.create({ data: { teamId, userId: coOwner.id, role: "owner" } });
  const waitlist = await createWaitlist({ teamId, slug: uniqueSlug("cust") });
  return { owner, coOwner, teamId, waitlist };
}

const callsSince = (from: number, path: string) => stripeFake().calls.slice(from).filter((c) => c.method === "POST" && c.path === path);

describe("the team's Stripe customer", () => {
  it("is one customer when two owners upgrade at the same time: the race's loser deletes its own, both sessions name the kept one", async () => {
    const { owner, coOwner, teamId, waitlist } = await teamWithTwoOwners();
    const from = stripeFake().calls.length;
    // Stripe is slow to create the customer: both upgrades are in flight together.
    stripeFake().setLatency("POST /v1/customers", 300);
    try {
      const answers = await Promise.all(
        [owner, coOwner].map((person) => callOwner(upgradePOST, { id: waitlist.id }, { cookie: person.cookie, method: "POST" })),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
    } finally {
      stripeFake().setLatency("POST /v1/customers", 0);
    }

    const created = callsSince(from, "/v1/customers");
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created[0]!.params).toMatchObject({ "metadata[team_id]": teamId });
    expect([owner.email, coOwner.email]).toContain(created[0]!.params.email);
    // Whatever the race made, one customer of the team is left at Stripe, and it is the stored one.
    const left = stripeFake().customers.filter((c) => c.metadata.team_id === teamId);
    expect(left).toHaveLength(1);
    const customer = left[0]!.id;
    expect((await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { stripeCustomerId: true } })).stripeCustomerId).toBe(customer);

    const sessions = callsSince(from, "/v1/checkout/sessions");
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session.params.customer).toBe(customer);
      expect(session.params.customer_email).toBeUndefined();
    }
  });

  it("is reused when the team already has one (an earlier upgrade, or a customer from before teams)", async () => {
    const { owner, teamId, waitlist } = await teamWithTwoOwners();
    await db().team.update({ where: { id: teamId }, data: { stripeCustomerId: "cus_from_before" } });
    const from = stripeFake().calls.length;
    expect((await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(200);
    expect(callsSince(from, "/v1/customers")).toHaveLength(0);
    expect(callsSince(from, "/v1/checkout/sessions")[0]!.params.customer).toBe("cus_from_before");
  });

  it("is not created for a team already on Pro (409, nothing sent to Stripe)", async () => {
    const { owner, teamId, waitlist } = await teamWithTwoOwners();
    await db().team.update({ where: { id: teamId }, data: { plan: "PRO" } });
    const from = stripeFake().calls.length;
    const r = await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" });
    expect(r.status).toBe(409);
    expect(stripeFake().calls.length).toBe(from);
    expect((await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { stripeCustomerId: true } })).stripeCustomerId).toBeNull();
  });
});
