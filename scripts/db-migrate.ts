// npm run db:migrate: applies pending prisma/migrations to DATABASE_URL (Prisma-compatible bookkeeping).
import { migrate } from "@/lib/migrations/runner";
import { redactUrl } from "@/lib/dev/embedded-postgres";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const { applied, skipped } = await migrate(url, { log: (m) => console.log(`[db:migrate] ${m}`) });
  console.log(
    `[db:migrate] ${redactUrl(url)}: ${applied.length ? `applied ${applied.join(", ")}` : "nothing to apply"}` +
      ` (${skipped.length} already applied)`,
  );
}

main().catch((error: unknown) => {
  console.error(`[db:migrate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
