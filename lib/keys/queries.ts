import "server-only";
import { db } from "@/lib/db";
import type { ApiKeyView } from "@/lib/keys/schemas";

// Owner-side reads of api_keys, always scoped by team id. Revoked keys are left out: they cannot be used again
// and the row only stays for the audit trail.

export const KEY_COLUMNS = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  lastUsedAt: true,
  // Who made it: their keys go when they leave the team (lib/teams/offboarding.ts), so the list says whose they are.
  creator: { select: { email: true } },
} as const;

type Row = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  creator: { email: string } | null;
};

export function toKeyView(row: Row): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope === "write" ? "write" : "read",
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    // null: made before keys recorded their creator, or the creator's account is gone.
    created_by_email: row.creator?.email ?? null,
  };
}

export async function listTeamKeys(teamId: string): Promise<ApiKeyView[]> {
  const rows = await db().apiKey.findMany({
    where: { teamId, revokedAt: null },
    select: KEY_COLUMNS,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toKeyView);
}
