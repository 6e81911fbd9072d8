import { randomBytes } from "node:crypto";
import { SESSION_COOKIE } from "@/auth.config";
import { db } from "@/lib/db";
import { createOwner, params } from "@/tests/support/fixtures";

// A signed-in owner for route tests: a real row in Auth.js's sessions table and its cookie, exactly what the
// magic-link flow leaves behind.

export async function signedInOwner(expires = new Date(Date.now() + 3600_000)) {
  const owner = await createOwner();
  const sessionToken = randomBytes(32).toString("hex");
  await db().session.create({ data: { sessionToken, userId: owner.id, expires } });
  return { ...owner, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export async function callOwner<P extends Record<string, string>>(
  handler: Handler<P>,
  p: P,
  init: { method?: string; cookie?: string; bearer?: string; body?: unknown; origin?: string | null; query?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const method = init.method ?? (init.body !== undefined ? "POST" : "GET");
  if (init.origin !== null && method !== "GET") headers.origin = init.origin ?? "http://localhost:3000";
  const req = new Request(`http://localhost:3000/api/waitlists${init.query ?? ""}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, params(p));
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown>, res };
}
