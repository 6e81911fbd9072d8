import path from "node:path";
import type { ViteUserConfig } from "vitest/config";
import type { TestUserConfig } from "vitest/node";

// What both Vitest configs share (vitest.config.ts: unit and integration; vitest.faults.config.ts: the fault
// suites against the production build): the import aliases, the Node test environment, and the JSON report
// that scripts/test.ts asks for with VITEST_JSON_OUT.

export function vitestBase(root: string): { resolve: ViteUserConfig["resolve"]; test: TestUserConfig } {
  const jsonOut = process.env.VITEST_JSON_OUT;
  return {
    resolve: {
      alias: [
        { find: /^@\//, replacement: `${root}/` },
        // The real module throws outside a React Server environment; tests are server code.
        { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
      ],
    },
    test: {
      environment: "node",
      // Child processes, not threads: pg pools and env changes stay per file, and native handles clean up on exit.
      pool: "forks",
      env: { NODE_ENV: "test" },
      ...(jsonOut ? { reporters: ["default", "json"], outputFile: { json: path.resolve(root, jsonOut) } } : {}),
    },
  };
}
