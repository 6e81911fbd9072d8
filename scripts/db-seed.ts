// npm run db:seed: adds the demo owner, the /demo waitlist and a few signups to DATABASE_URL (idempotent).
import { closeDb } from "@/lib/db";
import { DEMO_OWNER_EMAIL, seedDemo } from "@/lib/dev/seed";
import { env } from "@/lib/env";
import { redactUrl } from "@/lib/dev/embedded-postgres";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set (npm run dev sets up a local database and seeds it by itself)");
  }
  const url = env().DATABASE_URL;
  const result = await seedDemo();
  console.log(
    `[db:seed] ${redactUrl(url)}: waitlist /${result.slug} ${result.createdWaitlist ? "created" : "already there"}` +
      ` (owner ${DEMO_OWNER_EMAIL}), ${result.addedSignups} signup(s) added`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(`[db:seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
