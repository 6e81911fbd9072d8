import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import type { TestUserConfig } from "vitest/node";

const root = path.dirname(fileURLToPath(import.meta.url));

// VITEST_JSON_OUT (set by scripts/test.ts) adds a machine-readable report next to the usual console output.
const jsonOut = process.env.VITEST_JSON_OUT;
const reporting: Pick<TestUserConfig, "reporters" | "outputFile"> = jsonOut
  ? { reporters: ["default", "json"], outputFile: { json: path.resolve(root, jsonOut) } }
  : {};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The real module throws outside a React Server environment; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts"],
    // Fault suites need a production build and run on their own (vitest.faults.config.ts).
    exclude: [...configDefaults.exclude, "tests/faults/**"],
    environment: "node",
    // Child processes, not threads: pg pools and env changes stay per file, and native handles clean up on exit.
    pool: "forks",
    globalSetup: ["tests/support/vitest-global-setup.ts"],
    setupFiles: ["tests/support/vitest-setup.ts"],
    env: { NODE_ENV: "test" },
    // next-auth imports "next/server" without the .js Node's ESM resolver needs; Vite resolves it when inlined,
    // so the Auth.js route handler can be imported like every other route (tests/access/api-access.test.ts).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...reporting,
  },
});
