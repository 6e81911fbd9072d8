import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/lib/db";
import { createOwner } from "@/tests/support/fixtures";

// dashboardTeams() for a signed-in person in no team at all (their personal team's membership gone: an account
// being deleted). It used to redirect to /sign-in, which sends a signed-in person back to /dashboard: a loop. Now
// it fails with an error that says what is wrong. Next's redirect() and the session are stood in for; the
// memberships are the real ones.

const state = vi.hoisted(() => ({ owner: null as { id: string; email: string } | null, redirects: [] as string[] }));

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    state.redirects.push(to);
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/auth/session", () => ({ currentOwner: async () => state.owner }));

const { dashboardTeams, NO_TEAM_MESSAGE } = await import("@/lib/dashboard/gate");

beforeEach(() => {
  state.redirects = [];
});
afterAll(async () => {
  await closeDb();
});

describe("dashboardTeams", () => {
  it("opens the person's personal team when they have one", async () => {
    const user = await createOwner();
    state.owner = { id: user.id, email: user.email };
    const { current } = await dashboardTeams();
    expect(current).toMatchObject({ personal: true, role: "owner" });
    expect(state.redirects).toEqual([]);
  });

  it("a signed-in person in no team: an error saying so, not a redirect to sign-in (which came straight back)", async () => {
    const user = await createOwner();
    await db().teamMember.deleteMany({ where: { userId: user.id } });
    state.owner = { id: user.id, email: user.email };
    await expect(dashboardTeams("/dashboard/keys")).rejects.toThrow(NO_TEAM_MESSAGE);
    expect(state.redirects).toEqual([]);
  });

  it("still sends a signed-out visitor to sign in, back to where they were going", async () => {
    state.owner = null;
    await expect(dashboardTeams("/dashboard/team")).rejects.toThrow("NEXT_REDIRECT");
    expect(state.redirects).toEqual([`/sign-in?callbackUrl=${encodeURIComponent("/dashboard/team")}`]);
  });
});
