import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { rowFactories } from "@/tests/support/rows";
import { readRunInfo } from "../run-info";

// Rows for the specs, written into the run's database with the same factories as the integration tests. The
// server under test reads a waitlist through its 30 s config cache, so every spec makes its own under a fresh
// slug instead of editing a shared one.

let client: PrismaClient | undefined;

function prisma(): PrismaClient {
  const connectionString = process.env.E2E_DATABASE_URL ?? readRunInfo().databaseUrl;
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 2 }) });
  return client;
}

export { uniqueEmail, uniqueSlug } from "@/tests/support/rows";
export const { createOwner, createWaitlist } = rowFactories(prisma);

export async function closeTestDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

export async function referralCountOf(slug: string, refCode: string): Promise<number> {
  const row = await prisma().signup.findFirst({ where: { refCode, waitlist: { slug } }, select: { referralCount: true } });
  return row?.referralCount ?? -1;
}

/** A session row for `email`'s user that expired a minute ago: a real token the page gate must still refuse. */
export async function expiredSessionToken(email: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  const user = await prisma().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`no user ${email} to give an expired session`);
  await prisma().session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() - 60_000) } });
  return sessionToken;
}

/** Lets `email`'s user into the team that holds the waitlist, with `role` (the row an accepted invitation leaves). */
export async function addTeamMember(waitlistId: string, email: string, role: "admin" | "viewer"): Promise<void> {
  const [list, user] = await Promise.all([
    prisma().waitlist.findUniqueOrThrow({ where: { id: waitlistId }, select: { teamId: true } }),
    prisma().user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
  ]);
  await prisma().teamMember.create({ data: { teamId: list.teamId, userId: user.id, role }, select: { userId: true } });
}
