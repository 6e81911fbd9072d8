import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Rows for integration tests. Every call makes its own owner/slug so test files can share one database.

export function uniqueSlug(prefix = "t"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.com`;
}

/** A random address in TEST-NET-3, so each test gets its own rate-limit bucket. */
export function uniqueIp(): string {
  const b = randomBytes(2);
  return `203.0.${b[0]}.${b[1]}`;
}

export async function createOwner(email = uniqueEmail("owner")) {
  return db().user.create({ data: { email }, select: { id: true, email: true } });
}

export async function createWaitlist(overrides: Partial<Prisma.WaitlistUncheckedCreateInput> = {}) {
  const ownerId = overrides.ownerId ?? (await createOwner()).id;
  return db().waitlist.create({
    data: { slug: uniqueSlug(), title: "Test list", ...overrides, ownerId },
    select: { id: true, slug: true, ownerId: true },
  });
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
