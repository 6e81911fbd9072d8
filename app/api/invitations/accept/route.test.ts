import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as accept from "@/app/api/invitations/accept/route";
import * as member from "@/app/api/teams/[teamId]/members/[userId]/route";
import { SESSION_COOKIE } from "@/auth.config";
import { db } from "@/lib/db";
import { createKey } from "@/lib/keys/mutations";
import { hashInviteToken, previewInvitation } from "@/lib/teams/invitations";
import { createOwner, uniqueEmail } from "@/tests/support/fixtures";
import { auditActions, callTeam, codeOf, person, roleOf, teamWith, type Person } from "@/tests/support/team-api";
import { setupTestEnv } from "@/tests/support/test-env";

// Accepting an invitation: only by the invited address (any case), once, before it expires or is revoked; in
// one transaction; the joined team becomes the dashboard's current one and the audit record is the team's.

setupTestEnv({ APP_URL: "http://localhost:3000" });

/** An invitation row as createInvitation leaves it (sent by `inviter`), with the token the email would carry. */
async function invited(teamId: string, inviter: string | null, email: string, opts: { role?: string; expiresAt?: Date; revoked?: boolean } = {}) {
  const token = randomBytes(32).toString("base64url");
  const row = await db().teamInvitation.create({
    data: {
      teamId,
      email,
      role: opts.role ?? "admin",
      tokenHash: hashInviteToken(token),
      invitedBy: inviter,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
      revokedAt: opts.revoked ? new Date() : null,
    },
    select: { id: true },
  });
  return { token, id: row.id };
}

async function signedIn(email: string) {
  const user = await createOwner(email);
  const sessionToken = randomBytes(32).toString("hex");
  await db().session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
  return { ...user, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

const post = (cookie: string, token: unknown) => callTeam(accept.POST, { method: "POST", path: "/api/invitations/accept", cookie, body: { token } });
const row = (id: string) => db().teamInvitation.findUniqueOrThrow({ where: { id }, select: { acceptedAt: true, acceptedBy: true } });
const revokedAt = async (id: string) => (await db().teamInvitation.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).revokedAt;
const memberPath = (teamId: string, userId: string) => ({ path: `/api/teams/${teamId}/members/${userId}`, params: { teamId, userId } });

describe("accepting an invitation", () => {
  it("joins the invited address with the invited role (address compared case-insensitively), once", async () => {
    const owner = await person();
    const id = await teamWith("Joinable", [{ id: owner.id, role: "owner" }]);
    const address = uniqueEmail("joiner");
    const { token, id: invitationId } = await invited(id, owner.id, address, { role: "admin" });
    const preview = await previewInvitation(token);
    expect(preview).toEqual({ teamName: "Joinable", inviter: owner.email, role: "admin", email: address, expiresAt: expect.any(String) });

    const joiner = await signedIn(address.toUpperCase());
    const r = await post(joiner.cookie, token);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, team: { id, name: "Joinable" }, role: "admin", already_member: false });
    expect(r.headers.get("set-cookie")).toMatch(new RegExp(`^waitforge_team=${id}; Path=/; .*HttpOnly; SameSite=Lax$`));
    expect(await roleOf(id, joiner.id)).toBe("admin");
    expect(await row(invitationId)).toEqual({ acceptedAt: expect.any(Date), acceptedBy: joiner.id });
    expect(await auditActions(id)).toEqual([expect.objectContaining({ action: "POST /api/invitations/accept", actor_label: joiner.email })]);
    expect(await auditActions((await db().team.findUniqueOrThrow({ where: { personalOf: joiner.id } })).id)).toEqual([]);

    // Used: 410 for the same person, and the link shows nothing any more.
    const again = await post(joiner.cookie, token);
    expect({ status: again.status, code: codeOf(again) }).toEqual({ status: 410, code: "invitation_invalid" });
    expect(await previewInvitation(token)).toBeNull();
  });

  it("refuses another signed-in address with 403 and changes nothing; the right person can still accept", async () => {
    const owner = await person();
    const id = await teamWith("Addressed", [{ id: owner.id, role: "owner" }]);
    const address = uniqueEmail("right");
    const { token, id: invitationId } = await invited(id, owner.id, address);
    const wrong = await person();
    const r = await post(wrong.cookie, token);
    expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 403, code: "invitation_wrong_account" });
    expect((r.json.error as { message: string }).message).toContain(address);
    expect(r.headers.get("set-cookie")).toBeNull();
    expect(await roleOf(id, wrong.id)).toBeNull();
    expect(await row(invitationId)).toEqual({ acceptedAt: null, acceptedBy: null });
    expect(await auditActions(id)).toEqual([]);

    const right = await signedIn(address);
    expect((await post(right.cookie, token)).status).toBe(200);
  });

  it("answers 410 invitation_invalid for expired, revoked, unknown and malformed tokens, and changes nothing", async () => {
    const owner = await person();
    const id = await teamWith("Closed", [{ id: owner.id, role: "owner" }]);
    const address = uniqueEmail("late");
    const joiner = await signedIn(address);
    const expired = await invited(id, owner.id, address, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await invited(id, owner.id, address, { revoked: true });
    for (const [label, token] of [["expired", expired.token], ["revoked", revoked.token], ["unknown", randomBytes(32).toString("base64url")], ["malformed", "abc"]] as const) {
      const r = await post(joiner.cookie, token);
      expect({ label, status: r.status, code: codeOf(r) }).toEqual({ label, status: 410, code: "invitation_invalid" });
      expect(await previewInvitation(token)).toBeNull();
    }
    expect(await roleOf(id, joiner.id)).toBeNull();
    expect(await row(expired.id)).toEqual({ acceptedAt: null, acceptedBy: null });
    // An expired link is invalid for everyone: the wrong account learns nothing more than the right one.
    const other = await person();
    expect(codeOf(await post(other.cookie, expired.token))).toBe("invitation_invalid");
  });

  it("is idempotent for someone already in the team: 200, their role stays, the link is used up", async () => {
    const owner = await person();
    const address = uniqueEmail("member");
    const member = await signedIn(address);
    const id = await teamWith("Already", [{ id: owner.id, role: "owner" }, { id: member.id, role: "viewer" }]);
    const { token, id: invitationId } = await invited(id, owner.id, address, { role: "owner" });
    const r = await post(member.cookie, token);
    expect(r.json).toEqual({ ok: true, team: { id, name: "Already" }, role: "viewer", already_member: true });
    expect(await roleOf(id, member.id)).toBe("viewer");
    expect((await row(invitationId)).acceptedBy).toBe(member.id);
  });

  it("lets one of two simultaneous accepts through", async () => {
    const owner = await person();
    const id = await teamWith("Double click", [{ id: owner.id, role: "owner" }]);
    const address = uniqueEmail("double");
    const joiner = await signedIn(address);
    const { token } = await invited(id, owner.id, address);
    const answers = await Promise.all([post(joiner.cookie, token), post(joiner.cookie, token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    expect(await db().teamMember.count({ where: { teamId: id, userId: joiner.id } })).toBe(1);
  });

  it("needs a signed-in person: 401 without a session, 403 for an API key", async () => {
    const r = await callTeam(accept.POST, { method: "POST", path: "/api/invitations/accept", body: { token: "T".repeat(43) } });
    expect(r.status).toBe(401);
    const owner = await person();
    const key = await createKey(owner.personalTeamId, owner.id, { name: "ci", scope: "write" });
    const k = await callTeam(accept.POST, { method: "POST", path: "/api/invitations/accept", bearer: key.secret, body: { token: "T".repeat(43) } });
    expect({ status: k.status, code: codeOf(k) }).toEqual({ status: 403, code: "forbidden" });
  });
});

describe("an invitation outlives its inviter's power only until checked", () => {
  it("removing an owner revokes the invitations they sent, so they cannot come back through one (their other address)", async () => {
    const [alice, bob] = [await person(), await person()];
    const id = await teamWith("Comeback", [{ id: alice.id, role: "owner" }, { id: bob.id, role: "owner" }]);
    const bobElsewhere = uniqueEmail("bob-alt");
    const back = await invited(id, bob.id, bobElsewhere, { role: "owner" });
    const alices = await invited(id, alice.id, uniqueEmail("kept"));

    const removed = await callTeam(member.DELETE, { method: "DELETE", ...memberPath(id, bob.id), cookie: alice.cookie });
    expect(removed.status).toBe(200);
    expect(await revokedAt(back.id)).toBeInstanceOf(Date);
    expect(await revokedAt(alices.id)).toBeNull();
    expect((await auditActions(id)).at(-1)?.details).toMatchObject({ left: false, invitations_revoked: 1, keys_revoked: 0 });

    const alt = await signedIn(bobElsewhere);
    const r = await post(alt.cookie, back.token);
    expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 410, code: "invitation_invalid" });
    expect(await roleOf(id, alt.id)).toBeNull();
  });

  it("an owner demoted to admin: their pending invitations are revoked; a change of a non-owner's role revokes none", async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const id = await teamWith("Demotions", [{ id: alice.id, role: "owner" }, { id: bob.id, role: "owner" }, { id: carol.id, role: "admin" }]);
    const bobs = await invited(id, bob.id, uniqueEmail("via-bob"));
    const carols = await invited(id, carol.id, uniqueEmail("via-carol"));
    const setRole = (by: Person, userId: string, role: string) => callTeam(member.PATCH, { method: "PATCH", ...memberPath(id, userId), cookie: by.cookie, body: { role } });

    // Carol was no owner: her demotion revokes nothing (an invitation of hers is refused at accepting, below).
    expect((await setRole(alice, carol.id, "viewer")).status).toBe(200);
    expect(await revokedAt(carols.id)).toBeNull();
    expect((await setRole(alice, bob.id, "admin")).json.member).toMatchObject({ role: "admin" });
    expect(await revokedAt(bobs.id)).toBeInstanceOf(Date);
    expect((await auditActions(id)).at(-1)?.details).toMatchObject({ role: "admin", previous_role: "owner", invitations_revoked: 1 });
  });

  it("accepting re-checks the inviter under the team's lock: no longer an owner, removed, or unknown is 410 and nothing is accepted", async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const id = await teamWith("Stale", [{ id: alice.id, role: "owner" }, { id: bob.id, role: "owner" }, { id: carol.id, role: "owner" }]);
    // Rows left from before invitations were revoked with their inviter's power: the roles change underneath them.
    const [fromBob, fromCarol, fromNobody] = [await invited(id, bob.id, uniqueEmail("b")), await invited(id, carol.id, uniqueEmail("c")), await invited(id, null, uniqueEmail("n"))];
    await db().teamMember.update({ where: { teamId_userId: { teamId: id, userId: bob.id } }, data: { role: "admin" }, select: { role: true } });
    await db().teamMember.delete({ where: { teamId_userId: { teamId: id, userId: carol.id } } });

    for (const [label, inv] of [["demoted", fromBob], ["removed", fromCarol], ["no inviter", fromNobody]] as const) {
      const email = (await db().teamInvitation.findUniqueOrThrow({ where: { id: inv.id }, select: { email: true } })).email;
      expect(await previewInvitation(inv.token)).toBeNull();
      const joiner = await signedIn(email);
      const r = await post(joiner.cookie, inv.token);
      expect({ label, status: r.status, code: codeOf(r) }).toEqual({ label, status: 410, code: "invitation_invalid" });
      expect((r.json.error as { message: string }).message).toMatch(/no longer an owner of the team/);
      expect(r.headers.get("set-cookie")).toBeNull();
      expect(await roleOf(id, joiner.id)).toBeNull();
      expect(await row(inv.id)).toEqual({ acceptedAt: null, acceptedBy: null });
    }
    expect(await auditActions(id)).toEqual([]);

    // Made an owner again, Bob's invitation works again (it was never revoked).
    await db().teamMember.update({ where: { teamId_userId: { teamId: id, userId: bob.id } }, data: { role: "owner" }, select: { role: true } });
    const email = (await db().teamInvitation.findUniqueOrThrow({ where: { id: fromBob.id }, select: { email: true } })).email;
    const joiner = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const sessionToken = randomBytes(32).toString("hex");
    await db().session.create({ data: { sessionToken, userId: joiner.id, expires: new Date(Date.now() + 3600_000) } });
    expect((await post(`${SESSION_COOKIE}=${sessionToken}`, fromBob.token)).status).toBe(200);
  });
});
