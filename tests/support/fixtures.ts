import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { rowFactories } from "@/tests/support/rows";

// What integration tests build on: rows through the app's own client (lib/db), random client addresses, and
// Requests as Next hands them to route handlers.

export { uniqueEmail, uniqueSlug } from "@/tests/support/rows";
export const { createOwner, createWaitlist, personalTeamId } = rowFactories(db);

/** A random address in TEST-NET-3, so each test gets its own rate-limit bucket. */
export function uniqueIp(): string {
  const b = randomBytes(2);
  return `203.0.${b[0]}.${b[1]}`;
}

type CallOptions = { ip?: string; headers?: Record<string, string>; method?: string };

/** A Request as Next hands it to a route handler, plus the handler's context argument. */
export function routeRequest(
  path: string,
  body: unknown,
  { ip = uniqueIp(), headers = {}, method }: CallOptions = {},
): Request {
  const hasBody = body !== undefined;
  return new Request(`http://localhost${path}`, {
    method: method ?? (hasBody ? "POST" : "GET"),
    headers: {
      "x-forwarded-for": ip,
      ...(hasBody && typeof body !== "string" ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: hasBody ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
  });
}

export function params<T extends Record<string, string>>(p: T): { params: Promise<T> } {
  return { params: Promise.resolve(p) };
}
