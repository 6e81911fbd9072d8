import type { TestProject } from "vitest/node";
import { redactUrl } from "@/lib/dev/embedded-postgres";
import { createTestDatabase } from "@/tests/support/database";

// Runs once per `vitest run` in the main process: one fresh migrated database shared by every test file.
// Tests therefore never assume an empty table; each creates its own owners/waitlists under random slugs.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  if (process.env.VITEST_QUIET_DB !== "1") {
    console.log(`[vitest] test database ready in ${Date.now() - started} ms: ${redactUrl(database.url)}`);
  }
  return async () => {
    await database.drop();
  };
}
