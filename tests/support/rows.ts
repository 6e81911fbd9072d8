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

type RowsClient = Pick<PrismaClient, "user" | "waitlist" | "team">;

/** A waitlist's overrides; `ownerId` (a user) puts it in that user's personal team, as the migration did. */
type WaitlistOverrides = Partial<Omit<Prisma.WaitlistUncheckedCreateInput, "teamId">> & { ownerId?: string; teamId?: string };

export function rowFactories(client: () => RowsClient) {
  async function createOwner(email = uniqueEmail("owner")) {
    return client().user.create({ data: { email }, select: { id: true, email: true } });
  }

  /** The personal team every user gets from the `users` trigger. */
  async function personalTeamId(userId: string): Promise<string> {
    const team = await client().team.findUniqueOrThrow({ where: { personalOf: userId }, select: { id: true } });
    return team.id;
  }

  async function createWaitlist(overrides: WaitlistOverrides = {}) {
    const { ownerId: given, teamId: givenTeam, ...rest } = overrides;
    const ownerId = given ?? (givenTeam ? undefined : (await createOwner()).id);
    const teamId = givenTeam ?? (await personalTeamId(ownerId!));
    const row = await client().waitlist.create({
      data: { slug: uniqueSlug(), title: "Test list", ...rest, teamId, createdBy: ownerId ?? null },
      select: { id: true, slug: true, title: true, teamId: true, createdBy: true },
    });
    return { ...row, ownerId: row.createdBy ?? "" };
  }

  return { createOwner, createWaitlist, personalTeamId };
}
