import { afterAll, beforeAll } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetKeyRateLimiter } from "@/lib/keys/rate-limit";

// The environment a route test file runs its real handlers in: `vars` on top of the run's own for the whole
// file, then everything put back, the per-key limiter emptied and the pool closed (so the file's process exits).

export function setupTestEnv(vars: Record<string, string>): void {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env = { ...saved, ...vars };
    resetEnvCache();
  });
  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    await resetKeyRateLimiter();
    await closeDb();
  });
}
