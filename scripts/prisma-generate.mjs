// postinstall: generates the Prisma client into lib/generated/prisma (git-ignored), so a fresh `npm install` or
// `npm ci` leaves a working tree. Plain .mjs because it runs before anything else (tsx included) can be assumed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");

if (!existsSync(prismaBin)) {
  // `npm ci --omit=dev` has no prisma CLI; such an install must bring a pre-generated client itself.
  console.warn("[prisma-generate] prisma CLI not installed (dev dependencies omitted?); skipping client generation");
  process.exit(0);
}

const env = { ...process.env };
// `prisma generate` never uses the schema engine but Prisma 7 downloads it anyway unless this is set, and this
// machine has no network for that. Only set when absent so a machine that has the real engine keeps using it.
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
// Telemetry/update checks would try the network too.
env.CHECKPOINT_DISABLE ??= "1";

const result = spawnSync(prismaBin, ["generate"], { cwd: root, env, stdio: "inherit" });
if (result.error) {
  console.error(`[prisma-generate] could not run prisma: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
