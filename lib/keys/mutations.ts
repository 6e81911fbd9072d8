import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateKey } from "@/lib/keys/secret";
import { KEY_COLUMNS, toKeyView } from "@/lib/keys/queries";
import { MAX_ACTIVE_KEYS, type ApiKeyView, type CreateKeyInput } from "@/lib/keys/schemas";

// Creating and revoking a team's API keys. The secret exists in plain text only in createKey's answer; the table
// keeps its sha256 (lib/keys/secret.ts).

export async function createKey(teamId: string, createdBy: string | null, input: CreateKeyInput): Promise<{ key: ApiKeyView; secret: string }> {
  const { secret, prefix, hash } = generateKey();
  return db().$transaction(async (tx) => {
    // The team's row lock serialises concurrent creations, so two at once cannot both slip under the cap; and
    // the one who asks must still be an admin or owner under it (a removal or demotion committed while this
    // request waited revoked their keys: a key made after it would outlive it).
    await tx.$queryRaw`SELECT 1 FROM teams WHERE id = ${teamId} FOR UPDATE`;
    if (createdBy !== null) {
      const member = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: createdBy } }, select: { role: true } });
      if (member?.role !== "owner" && member?.role !== "admin") {
        throw new AppError("forbidden", "Your role in this team changed a moment ago: creating API keys needs an admin or owner.");
      }
    }
    const active = await tx.apiKey.count({ where: { teamId, revokedAt: null } });
    if (active >= MAX_ACTIVE_KEYS) {
      throw new AppError(
        "conflict",
        `You have ${MAX_ACTIVE_KEYS} active API keys, the most a team can hold. Revoke one you no longer use first.`,
      );
    }
    const row = await tx.apiKey.create({
      data: { teamId, createdBy, name: input.name, scope: input.scope, prefix, secretHash: hash },
      select: KEY_COLUMNS,
    });
    return { key: toKeyView(row), secret };
  });
}

/**
 * Revokes one of the team's keys at once (the next request with it is a 401); unknown or revoked: 404. Answers
 * what named the key, for the audit log.
 */
export async function revokeKey(teamId: string, keyId: string): Promise<{ name: string; scope: string; prefix: string }> {
  const [revoked] = await db().apiKey.updateManyAndReturn({
    where: { id: keyId, teamId, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { name: true, scope: true, prefix: true },
  });
  if (!revoked) throw new AppError("not_found", "No such API key in this team.");
  return revoked;
}
