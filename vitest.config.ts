import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import { vitestBase } from "./tests/support/vitest-base";

const base = vitestBase(path.dirname(fileURLToPath(import.meta.url)));

export default defineConfig({
  resolve: base.resolve,
  test: {
    ...base.test,
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts"],
    // Fault suites need a production build and run on their own (vitest.faults.config.ts).
    exclude: [...configDefaults.exclude, "tests/faults/**"],
    globalSetup: ["tests/support/vitest-global-setup.ts"],
    setupFiles: ["tests/support/vitest-setup.ts"],
    // next-auth imports "next/server" without the .js Node's ESM resolver needs; Vite resolves it when inlined,
    // so the Auth.js route handler can be imported like every other route (tests/access/api-access.test.ts).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
