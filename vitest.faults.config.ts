import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { vitestBase } from "./tests/support/vitest-base";

// Fault suites (tests/faults): each starts the production server (`next start` of the current build) with its
// own PostgreSQL, Redis and fakes, and breaks one of them. They need `npm run build` first; `npm test` runs them
// after the build step, `npm run test:faults` on their own. No shared test database: each suite owns its own.

const base = vitestBase(path.dirname(fileURLToPath(import.meta.url)));

export default defineConfig({
  resolve: base.resolve,
  test: {
    ...base.test,
    include: ["tests/faults/**/*.test.ts"],
    // One suite at a time: each runs a production server (two for Redis) and a load on a shared 2-core machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
