// Lints both OpenAPI documents with Redocly's `recommended` rules: writes them to a temporary folder (as the
// routes serve them) and runs `redocly lint` offline. Exit code 1 on any error (warnings are printed only).
// Run by `npm test` (scripts/test.ts) and on its own: `npx tsx scripts/lint-openapi.ts`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../lib/api/openapi";
import { ownerOpenApiDocument } from "../lib/api/owner-openapi/document";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), "waitforge-openapi-"));
const files = [
  ["public-openapi.json", openApiDocument],
  ["owner-openapi.json", ownerOpenApiDocument()],
] as const;
for (const [name, doc] of files) writeFileSync(path.join(dir, name), JSON.stringify(doc, null, 2));

const result = spawnSync(
  path.join(ROOT, "node_modules", ".bin", "redocly"),
  ["lint", "--extends=recommended", "--format=stylish", ...files.map(([name]) => path.join(dir, name))],
  {
    cwd: dir, // no redocly.yaml here: the built-in recommended ruleset, nothing else
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_UPDATE_NOTIFIER: "1" },
  },
);
rmSync(dir, { recursive: true, force: true });
if (result.error) console.error(`[lint-openapi] could not run redocly: ${result.error.message}`);
process.exitCode = result.status ?? 1;
