import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accept from "@/app/api/invitations/accept/route";
import { SESSION_COOKIE } from "@/auth.config";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createKey } from "@/lib/keys/mutations";
import { resetKeyRateLimiter } from "@/lib/keys/rate-limit";
import { hashInviteToken, previewInvitation } from "@/lib/teams/invitations";
import { createOwner, uniqueEmail } from "@/tests/support/fixtures";
import { auditActions, callTeam, codeOf, person, roleOf, teamWith } from "@/tests/support/team-api";

// Accepting an invitation: only by the invited address (any case), once, before it expires or is revoked; in
// one transaction; the joined team becomes the dashboard's current one and the audit record is the team's.

const saved = { ...process.env };
beforeAll(() => {
  process.env = { ...saved, APP_URL: "http://localhost:3000" };
  resetEnvCache();
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await resetKeyRateLimiter();
  await closeDb();
});

/** An invitation row as createInvitation leaves it, with the token the email would carry. */
async function invited(teamId: string, email: string, opts: { role?: string; expiresAt?: Date; revoked?: boolean; inviter?: string } = {}) {
  const token = randomBytes(32).toString("base64url");
  const row = await db().teamInvitation.create({
    data: {
      teamId,
      email,
      role: opts.role ?? "admin",
      tokenHash: hashInviteToken(token),
      invitedBy: opts.inviter ?? null,
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

describe("accepting an invitation", () => {
  it("joins the invited address with the invited role (address compared case-insensitively), once", async () => {
    const owner = await person();
    const id = await teamWith("Joinable", [{ id: owner.id, role: "owner" }]);
    const address = uniqueEmail("joiner");
    const { token, id: invitationId } = await invited(id, address, { role: "admin", inviter: owner.id });
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
    const { token, id: invitationId } = await invited(id, address);
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
    const expired = await invited(id, address, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await invited(id, address, { revoked: true });
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
    const { token, id: invitationId } = await invited(id, address, { role: "owner" });
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
    const { token } = await invited(id, address);
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
