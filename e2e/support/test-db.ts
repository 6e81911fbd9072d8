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
