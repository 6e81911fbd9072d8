import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The production server (`next start` of the current build) on a free loopback port, healthy before it is
// handed over. Used by the e2e global setup, the export benchmark and the bundle-budget check.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HEALTH_TIMEOUT_MS = 60_000;

export type ProductionServer = { baseUrl: string; pid: number; child: ChildProcess; stop(): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * `env` gets the server's base URL, for variables that must name it (APP_URL, AUTH_URL). `dir` is the project
 * whose build to serve: this one unless given (the bundle budget serves a copy built with its baseline page).
 */
export async function startProductionServer(options: {
  env: (baseUrl: string) => Record<string, string>;
  logFile?: string;
  dir?: string;
}): Promise<ProductionServer> {
  const dir = options.dir ?? ROOT;
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    throw new Error("No production build (.next/BUILD_ID is missing). Run `npm run build` first; `npm test` builds before e2e.");
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // node_modules/.bin/next itself, not npx: the pid must be the server, or killing it leaves the port held.
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env(baseUrl) },
    stdio: ["ignore", options.logFile ? "pipe" : "ignore", options.logFile ? "pipe" : "inherit"],
  });
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const server: ProductionServer = { baseUrl, pid: child.pid ?? 0, child, stop: () => stopProcess(child) };
  try {
    await waitForHealth(baseUrl, child, options.logFile);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile?: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}.\n${await tail(logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status} ${await res.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS} ms (last: ${last}).\n${await tail(logFile)}`);
}

async function tail(file: string | undefined, lines = 40): Promise<string> {
  if (!file) return "";
  const text = await readFile(file, "utf8").catch(() => "");
  return `--- last lines of ${file} ---\n${text.split("\n").slice(-lines).join("\n")}`;
}
