import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { TestUserConfig } from "vitest/node";

// Fault suites (tests/faults): each starts the production server (`next start` of the current build) with its
// own PostgreSQL, Redis and fakes, and breaks one of them. They need `npm run build` first; `npm test` runs them
// after the build step, `npm run test:faults` on their own. No shared test database: each suite owns its own.

const root = path.dirname(fileURLToPath(import.meta.url));

const jsonOut = process.env.VITEST_JSON_OUT;
const reporting: Pick<TestUserConfig, "reporters" | "outputFile"> = jsonOut
  ? { reporters: ["default", "json"], outputFile: { json: path.resolve(root, jsonOut) } }
  : {};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // One suite at a time: each runs a production server (two for Redis) and a load on a shared 2-core machine.
    fileParallelism: false,
    env: { NODE_ENV: "test" },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    ...reporting,
  },
});
