import "server-only";
import { db } from "@/lib/db";
import { hashKey, KEY_PATTERN } from "@/lib/keys/secret";

// `Authorization: Bearer wf_live_…` → the key's team and scope, or null (unknown, malformed or revoked).
// last_used_at is written at most once a minute per key so a busy integration does not write on every call.

export type KeyScope = "read" | "write";
/** A key acts for its team; `label` names it in the audit log ("name (wf_live_abcd…)"). */
export type KeyActor = { keyId: string; scope: KeyScope; teamId: string; teamName: string; label: string };

const TOUCH_EVERY_MS = 60_000;

/** The bearer token of a request, when it sends one (any scheme other than Bearer is not ours). */
export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  // Another scheme (Basic from a proxy in front of the dashboard) is not ours to judge: no key sent.
  if (!/^Bearer(\s|$)/i.test(header)) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

export async function authenticateKey(secret: string): Promise<KeyActor | null> {
  if (!KEY_PATTERN.test(secret)) return null;
  const key = await db().apiKey.findUnique({
    where: { secretHash: hashKey(secret) },
    select: {
      id: true, name: true, prefix: true, scope: true, revokedAt: true, lastUsedAt: true,
      team: { select: { id: true, name: true } },
    },
  });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  }
  return {
    keyId: key.id,
    scope: key.scope === "write" ? "write" : "read",
    teamId: key.team.id,
    teamName: key.team.name,
    label: `API key “${key.name}” (${key.prefix}…)`,
  };
}
