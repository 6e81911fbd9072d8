import { db } from "@/lib/db";
import { generateKey } from "@/lib/keys/secret";
import { params } from "@/tests/support/fixtures";

// The product API of feature waitlists as a product's backend calls it: owner API keys made the way the key
// management stores them (only the hash), and requests with `Authorization: Bearer`.

export type KeyScope = "read" | "write";

/** A key of the user's personal team (`ownerId` is a user id, as the tests' owners are). */
export async function createApiKey(ownerId: string, scope: KeyScope = "write", revoked = false): Promise<string> {
  const key = generateKey();
  const team = await db().team.findUniqueOrThrow({ where: { personalOf: ownerId }, select: { id: true } });
  await db().apiKey.create({
    data: { teamId: team.id, createdBy: ownerId, name: `test ${scope}`, prefix: key.prefix, secretHash: key.hash, scope, revokedAt: revoked ? new Date() : null },
    select: { id: true },
  });
  return key.secret;
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type ApiAnswer = { status: number; type: string; json: Record<string, unknown> | null; headers: Headers };

export async function callWithKey<P extends Record<string, string>>(
  handler: Handler<P>,
  p: P,
  init: { method?: string; key?: string | null; body?: unknown; headers?: Record<string, string>; path?: string } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost:3000${init.path ?? "/api/v1/test"}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const res = await handler(req, params(p));
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", json: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: res.headers };
}
