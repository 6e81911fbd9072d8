import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { generateKey } from "@/lib/keys/secret";
import { readRunInfo } from "../run-info";

// Owner API keys for specs that call the API as a product's backend would, stored as the key management stores
// them (the hash only). Its own small client, like e2e/support/test-db.ts.

let client: PrismaClient | undefined;

export async function createApiKeyFor(ownerEmail: string, scope: "read" | "write"): Promise<string> {
  const connectionString = process.env.E2E_DATABASE_URL ?? readRunInfo().databaseUrl;
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1 }) });
  const owner = await client.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true, personalTeam: { select: { id: true } } } });
  const key = generateKey();
  await client.apiKey.create({ data: { teamId: owner.personalTeam!.id, createdBy: owner.id, name: "e2e", prefix: key.prefix, secretHash: key.hash, scope }, select: { id: true } });
  return key.secret;
}

export async function closeApiKeys(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
