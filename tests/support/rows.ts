import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// Rows for tests, written with the Prisma client (so ids and defaults are the app's own). Every call makes its
// own owner and slug, so test files and specs can share one database. No server-only import: Vitest binds
// these to the app's client (tests/support/fixtures.ts), the browser tests to one of their own
// (e2e/support/test-db.ts).

export function uniqueSlug(prefix = "t"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.com`;
}

type RowsClient = Pick<PrismaClient, "user" | "waitlist">;

export function rowFactories(client: () => RowsClient) {
  async function createOwner(email = uniqueEmail("owner")) {
    return client().user.create({ data: { email }, select: { id: true, email: true } });
  }

  async function createWaitlist(overrides: Partial<Prisma.WaitlistUncheckedCreateInput> = {}) {
    const ownerId = overrides.ownerId ?? (await createOwner()).id;
    return client().waitlist.create({
      data: { slug: uniqueSlug(), title: "Test list", ...overrides, ownerId },
      select: { id: true, slug: true, title: true, ownerId: true },
    });
  }

  return { createOwner, createWaitlist };
}
