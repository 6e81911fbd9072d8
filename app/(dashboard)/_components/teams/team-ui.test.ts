import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { MemberView } from "@/lib/teams/schemas";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";
import { TeamSwitcher } from "./team-switcher";

// What each role is offered on the Team page, as HTML: owners get role selects and Remove, everyone Leave on
// their own row, nobody a button the API would refuse (the last owner leaving, a personal team). The API
// enforces all of it on its own (app/api/teams/**/route.test.ts).

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }), usePathname: () => "/dashboard/team" }));

const html = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(element);
const at = new Date("2026-12-01T00:00:00Z").toISOString();
const member = (over: Partial<MemberView>): MemberView => ({ user_id: "u", email: "x@example.com", name: null, role: "viewer", joined_at: at, you: false, personal: false, ...over });

const alice = member({ user_id: "alice", email: "alice@example.com", role: "owner" });
const bob = member({ user_id: "bob", email: "bob@example.com", role: "admin" });
const carol = member({ user_id: "carol", email: "carol@example.com", role: "viewer" });

describe("the members table", () => {
  it("an owner: a role select and Remove for the others; the sole owner is told why they can't leave", () => {
    const out = html(createElement(MembersTable, { teamId: "t1", teamName: "Crew", yourRole: "owner", members: [{ ...alice, you: true }, bob, carol] }));
    for (const email of ["alice@example.com", "bob@example.com", "carol@example.com"]) expect(out).toContain(`aria-label="Role of ${email}"`);
    expect(out).toContain('aria-label="Remove bob@example.com"');
    expect(out).toContain('aria-label="Remove carol@example.com"');
    expect(out).not.toContain('aria-label="Leave Crew"');
    expect(out).toContain("Last owner: make someone else an owner to leave.");
  });

  it("one of two owners may leave; nobody is offered to leave or be removed from their personal team", () => {
    const out = html(createElement(MembersTable, {
      teamId: "t1",
      teamName: "Crew",
      yourRole: "owner",
      members: [{ ...alice, you: true }, { ...bob, role: "owner", personal: true }],
    }));
    expect(out).toContain('aria-label="Leave Crew"');
    expect(out).not.toContain('aria-label="Remove bob@example.com"');
    expect(out).toContain("Their personal team: they always stay an owner.");
  });

  it("the person whose personal team it is: no role select or Remove for them, for anyone (themselves included)", () => {
    const others = html(createElement(MembersTable, {
      teamId: "t1",
      teamName: "Bob's team",
      yourRole: "owner",
      members: [{ ...alice, you: true }, { ...bob, role: "owner", personal: true }, carol],
    }));
    expect(others).not.toContain('aria-label="Role of bob@example.com"');
    expect(others).not.toContain('aria-label="Remove bob@example.com"');
    expect(others).toContain('aria-label="Role of carol@example.com"');
    expect(others).toContain('aria-label="Remove carol@example.com"');
    expect(others).toMatch(/>bob@example\.com<.*>Owner</s);

    const own = html(createElement(MembersTable, {
      teamId: "t1",
      teamName: "Bob's team",
      yourRole: "owner",
      members: [alice, { ...bob, role: "owner", personal: true, you: true }],
    }));
    expect(own).not.toContain('aria-label="Role of bob@example.com"');
    expect(own).toContain('aria-label="Role of alice@example.com"');
    expect(own).not.toContain('aria-label="Leave Bob&#x27;s team"');
    expect(own).toContain("Your personal team: you always stay its owner.");
  });

  it("a viewer: roles as text, no selects, no Remove; Leave on their own row only", () => {
    const out = html(createElement(MembersTable, { teamId: "t1", teamName: "Crew", yourRole: "viewer", members: [alice, bob, { ...carol, you: true }] }));
    expect(out).not.toContain("<select");
    expect(out).not.toContain("Remove");
    expect(out.match(/aria-label="Leave Crew"/g)).toHaveLength(1);
    expect(out).toContain(">Owner<");
    expect(out).toContain(">Admin<");
  });
});

describe("pending invitations", () => {
  const invitation = { id: "i1", email: "dan@example.com", role: "admin" as const, invited_by: "alice@example.com", created_at: at, expires_at: at };
  it("owners may revoke; admins only see them; none is an empty state", () => {
    expect(html(createElement(PendingInvitations, { teamId: "t1", invitations: [invitation], canRevoke: true }))).toContain('aria-label="Revoke the invitation of dan@example.com"');
    const admin = html(createElement(PendingInvitations, { teamId: "t1", invitations: [invitation], canRevoke: false }));
    expect(admin).toContain("dan@example.com");
    expect(admin).toContain("Invited by alice@example.com");
    expect(admin).not.toContain("Revoke");
    expect(html(createElement(PendingInvitations, { teamId: "t1", invitations: [], canRevoke: true }))).toContain("No pending invitations.");
  });
});

describe("the team switcher", () => {
  it("shows the current team's name on a closed disclosure button", () => {
    const out = html(createElement(TeamSwitcher, {
      currentId: "t2",
      teams: [
        { teamId: "t1", name: "Alice's team", role: "owner", personal: true },
        { teamId: "t2", name: "Launch <crew>", role: "viewer", personal: false },
      ],
    }));
    expect(out).toContain('aria-expanded="false"');
    expect(out).toContain("Launch &lt;crew&gt;");
    expect(out).toContain('aria-label="Team: Launch &lt;crew&gt;. Switch team"');
    expect(out).not.toContain("Alice&#x27;s team");
  });
});
