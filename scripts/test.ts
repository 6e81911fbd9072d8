// npm test: every check the project has, in order, streaming each tool's own output, then one summary.
// typecheck → lint → OpenAPI lint → unit/integration (Vitest) → production build → browser tests (Playwright,
// against that build). A failed step does not stop the later ones (one run shows every problem), except that e2e
// needs the build; then the fault suites against that build. The last line is always `N passed, N failed`: test
// cases of Vitest and Playwright, plus typecheck, lint, the OpenAPI lint (both documents, Redocly's recommended
// rules) and build as one check each, with `, N skipped` added when some tests were skipped (e.g. the Redis
// suite without REDIS_URL). A runner that dies without its JSON report counts as a failure, and so does e2e
// when no Chromium can be found or installed.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { ensureChromium, findChromium, NO_CHROMIUM, SYSTEM_CHROMIUM } from "../tests/support/browser";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "node_modules", ".bin");
const bin = (name: string) => path.join(BIN, name);

type Status = "pass" | "fail" | "skipped";
type StepResult = { name: string; status: Status; passed: number; failed: number; skipped: number; ms: number; note?: string };

const results: StepResult[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "waitforge-test-"));

function banner(title: string): void {
  const line = "═".repeat(Math.max(8, 72 - title.length));
  console.log(`\n══ ${title} ${line}\n`);
}

/** `executable` is a path (bin("tsc")) or a command on PATH ("npm"). */
function run(executable: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const command = path.basename(executable);
  return new Promise((resolve) => {
    const child = spawn(executable, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1", ...env },
    });
    child.on("error", (error) => {
      console.error(`[test] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** typecheck, lint, OpenAPI lint, build: one check each. */
async function checkStep(name: string, command: string, args: string[]): Promise<StepResult> {
  banner(name);
  const started = Date.now();
  const code = await run(command, args);
  const ok = code === 0;
  return { name, status: ok ? "pass" : "fail", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ms: Date.now() - started, note: ok ? undefined : `exit ${code}` };
}

/** What a runner's JSON report says; `crashHint` explains a failed exit with no failed test. */
type Counts = { passed: number; failed: number; skipped: number; note?: string; crashHint: string };

/** A test runner that writes a JSON report to the file named by `reportEnv`. */
async function runnerStep(
  name: string,
  [command, ...args]: [string, ...string[]],
  reportEnv: string,
  parse: (report: Record<string, unknown>) => Counts | undefined,
): Promise<StepResult> {
  banner(name);
  const out = path.join(tmp, `${name.replace(/\W+/g, "-")}.json`);
  const started = Date.now();
  const code = await run(command, args, { [reportEnv]: out });
  const ms = Date.now() - started;
  const report = readJson(out);
  const counts = report && typeof report === "object" ? parse(report as Record<string, unknown>) : undefined;
  if (!counts) {
    return { name, status: "fail", passed: 0, failed: 1, skipped: 0, ms, note: `no JSON report (exit ${code}): runner crashed` };
  }
  let { failed, note } = counts;
  // A file that fails to import, a global setup error or an unhandled rejection fails the run with no failed test.
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `exit ${code} with no failed test${counts.crashHint}`;
  }
  return { name, status: failed > 0 ? "fail" : "pass", passed: counts.passed, failed, skipped: counts.skipped, ms, note };
}

const vitestStep = (name = "unit (vitest)", config?: string) =>
  runnerStep(name, [bin("vitest"), "run", ...(config ? ["-c", config] : [])], "VITEST_JSON_OUT", (report) => ({
    passed: num(report.numPassedTests),
    failed: num(report.numFailedTests),
    skipped: num(report.numPendingTests) + num(report.numTodoTests),
    crashHint: " (suite or setup error)",
  }));

const playwrightStep = () =>
  runnerStep("e2e (playwright)", [bin("playwright"), "test"], "PW_JSON_OUT", (report) => {
    const stats = report.stats as Record<string, unknown> | undefined;
    if (!stats) return undefined;
    // With retries 0 nothing is flaky; were retries enabled, a test that needed one is reported, not hidden.
    const flaky = num(stats.flaky);
    const firstError = ((report.errors as unknown[] | undefined)?.[0] as { message?: string } | undefined)?.message?.split("\n")[0];
    return {
      passed: num(stats.expected),
      failed: num(stats.unexpected) + flaky,
      skipped: num(stats.skipped),
      note: flaky > 0 ? `${flaky} flaky counted as failed` : undefined,
      crashHint: firstError ? `: ${firstError}` : " (global setup or config error)",
    };
  });

/** Debian's Chromium or Playwright's own; when neither is there, one try at `playwright install chromium`. */
async function chromiumForE2e(): Promise<string | null> {
  let playwright: string | undefined;
  try {
    playwright = chromium.executablePath();
  } catch {
    playwright = undefined; // no Playwright build of Chromium for this platform
  }
  const find = () => findChromium({ system: SYSTEM_CHROMIUM, playwright });
  return ensureChromium(find, async () => {
    console.log(`[test] no Chromium at ${SYSTEM_CHROMIUM} or ${playwright ?? "Playwright's browser folder"}: trying \`playwright install chromium\``);
    if ((await run(bin("playwright"), ["install", "chromium"])) !== 0) throw new Error("playwright install failed");
  });
}

function skippedStep(name: string, note: string): StepResult {
  console.log(`\n[test] ${name}: skipped (${note})`);
  return { name, status: "skipped", passed: 0, failed: 0, skipped: 0, ms: 0, note };
}

function printSummary(): void {
  const rows = results.map((r) => [
    r.name,
    r.status === "pass" ? "PASS" : r.status === "fail" ? "FAIL" : "SKIP",
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    r.ms ? `${(r.ms / 1000).toFixed(1)}s` : "-",
    (r.note ?? "").length > 100 ? `${(r.note ?? "").slice(0, 99)}…` : (r.note ?? ""),
  ]);
  const header = ["step", "result", "passed", "failed", "skipped", "time", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  banner("summary");
  console.log(format(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of rows) console.log(format(row));
}

/** The last line: `N passed, N failed`, and `, N skipped` only when tests were skipped. */
function verdict(passed: number, failed: number, skipped: number): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

async function main(): Promise<void> {
  results.push(await checkStep("typecheck", bin("tsc"), ["--noEmit"]));
  results.push(await checkStep("lint", bin("eslint"), ["--max-warnings=0", "."]));
  // Writes /api/public/openapi.json's and /api/openapi.json's documents to a temp dir and runs `redocly lint`.
  results.push(await checkStep("openapi lint", bin("tsx"), ["scripts/lint-openapi.ts"]));
  results.push(await vitestStep());

  let buildOk = true;
  if (process.env.SKIP_BUILD === "1") {
    results.push(skippedStep("build", "SKIP_BUILD=1; e2e uses the existing .next build"));
  } else {
    // The same command as `npm run build`: the script embed (public/embed.js), then Next.
    const build = await checkStep("build", "npm", ["run", "build"]);
    results.push(build);
    buildOk = build.status === "pass";
  }

  if (!buildOk) {
    results.push(skippedStep("e2e (playwright)", "the build failed"));
  } else if (!(await chromiumForE2e())) {
    console.log(`\n[test] ${NO_CHROMIUM}`);
    results.push({ name: "e2e (playwright)", status: "fail", passed: 0, failed: 1, skipped: 0, ms: 0, note: "no Chromium (see above)" });
  } else {
    results.push(await playwrightStep());
  }
  // Fault suites (tests/faults, vitest.faults.config.ts) need the build too: they start `next start` themselves.
  const faults = "faults (vitest)";
  results.push(buildOk ? await vitestStep(faults, "vitest.faults.config.ts") : skippedStep(faults, "the build failed"));

  printSummary();
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
  rmSync(tmp, { recursive: true, force: true });
  // Nothing may print after this line: CI and people read the verdict from the last line.
  console.log(`\n${verdict(passed, failed, skipped)}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error("[test] runner error:", error);
  console.log(`\n0 passed, 1 failed`);
  process.exitCode = 1;
});
