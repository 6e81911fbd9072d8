import { cp, mkdir, readdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runQuiet } from "@/tests/support/run-quiet";

// The bundle budget compares the hosted page with an empty page of the same build. That page must not ship, so
// it is built only here: a copy of the project under .data/ (git-ignored) with ./page.tsx added as
// app/budget-baseline, built with `next build`. The copy has no lockfile of its own, so Next takes the project
// as the workspace root; its node_modules is a link to the project's.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NOT_COPIED = new Set([
  "node_modules", ".next", ".git", ".data", "package-lock.json", "test-results", "playwright-report", "bench-results",
  "next-env.d.ts", "tsconfig.tsbuildinfo",
]);
const ARTIFACTS = path.join("e2e", "artifacts");

export type BudgetBuild = { dir: string; remove(): Promise<void> };

export async function buildWithBaseline(log: (line: string) => void = console.log): Promise<BudgetBuild> {
  const dir = path.join(ROOT, ".data", "budget-build");
  const remove = () => rm(dir, { recursive: true, force: true });
  await remove();
  await mkdir(dir, { recursive: true });
  try {
    // Entry by entry: the copy lives inside the project, and fs.cp refuses to copy a folder into itself.
    for (const entry of await readdir(ROOT)) {
      if (NOT_COPIED.has(entry)) continue;
      await cp(path.join(ROOT, entry), path.join(dir, entry), {
        recursive: true,
        filter: (src) => path.relative(ROOT, src) !== ARTIFACTS,
      });
    }
    // Relative paths into node_modules (next/font/local's font files) must resolve in the copy too.
    await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    await mkdir(path.join(dir, "app", "budget-baseline"), { recursive: true });
    await cp(path.join(ROOT, "scripts", "budget-baseline", "page.tsx"), path.join(dir, "app", "budget-baseline", "page.tsx"));
    log(`[budget] building the app with the baseline page in ${path.relative(ROOT, dir)} (next build)`);
    await runQuiet(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
