import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashInviteToken } from "@/lib/teams/invitations";
import { createOwner, uniqueEmail } from "@/tests/support/fixtures";

// The team part of the access table's world (tests/support/access-world.ts): a viewer member of A's team the
// member routes act on, and a pending invitation the revoke route acts on. Ids only: the rows are the table's.

export async function teamScene(teamId: string, inviterId: string): Promise<{ teamId: string; userId: string; invitationId: string }> {
  const member = await createOwner(uniqueEmail("teammate"));
  await db().teamMember.create({ data: { teamId, userId: member.id, role: "viewer" }, select: { userId: true } });
  const invitation = await db().teamInvitation.create({
    data: {
      teamId,
      email: uniqueEmail("invitee"),
      role: "viewer",
      tokenHash: hashInviteToken(randomBytes(32).toString("base64url")),
      invitedBy: inviterId,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
    select: { id: true },
  });
  return { teamId, userId: member.id, invitationId: invitation.id };
}
