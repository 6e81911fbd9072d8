import { randomBytes } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { migrate } from "@/lib/migrations/runner";
import { CLUSTER_PREFIX, sweepAbandonedClusters } from "@/tests/support/database";

// An embedded PostgreSQL of its own that a fault test can take away and bring back on the same data dir and
// port. Never the machine's server: only what this process started is stopped. Durable settings (fsync and
// synchronous_commit on, as in production), because the point is that an acknowledged commit survives.

export type RestartablePostgres = {
  /** Connection string of the migrated database. */
  url: string;
  port: number;
  dataDir: string;
  running(): boolean;
  /** Fast shutdown (SIGINT): open transactions roll back, connections are closed. */
  stop(): Promise<void>;
  /** Immediate shutdown (SIGQUIT): no checkpoint, so the next start runs crash recovery from the WAL. */
  crash(): Promise<void>;
  /** SIGSTOP on the server and its backends: connections stay open, nothing answers (a hung database). */
  freeze(): Promise<void>;
  /** SIGCONT: everything carries on where it stopped. */
  thaw(): void;
  /** Starts again on the same data dir and port. */
  start(): Promise<void>;
  /** Stops the server if running and deletes the data dir. Safe to call twice. */
  destroy(): Promise<void>;
};

const DB_NAME = "waitforge";
const EXIT_TIMEOUT_MS = 15_000;

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const root = os.tmpdir();
  await sweepAbandonedClusters(root);
  const dataDir = path.join(root, `${CLUSTER_PREFIX}${process.pid}-fault-${randomBytes(4).toString("hex")}`);
  let server: EmbeddedPostgres | undefined = await startEmbeddedPostgres({ dataDir, persistent: true });
  const port = server.port;
  const url = server.connectionString(DB_NAME);
  const frozen: number[] = [];
  const postmasterPid = async () => {
    const pid = Number.parseInt((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0] ?? "", 10);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
    return pid;
  };
  const thaw = () => {
    for (const pid of frozen.splice(0)) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        // already gone
      }
    }
  };

  const stop = async () => {
    thaw(); // a stopped process would never act on the shutdown signal
    const current = server;
    server = undefined;
    await current?.stop();
  };
  // A test process dying while the server is frozen must not leave it stopped for good (the library's own exit
  // hook sends SIGINT, which a stopped process never acts on).
  process.on("exit", thaw);
  const destroy = async () => {
    process.removeListener("exit", thaw);
    await stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await ensureDatabase(server.connectionString("postgres"), DB_NAME);
    await migrate(url);
  } catch (error) {
    await destroy();
    throw error;
  }

  return {
    url,
    port,
    dataDir,
    running: () => server !== undefined,
    stop,
    async crash() {
      if (!server) return;
      thaw();
      const pid = await postmasterPid();
      process.kill(pid, "SIGQUIT");
      if (!(await waitForExit(pid))) throw new Error(`PostgreSQL (pid ${pid}) did not exit after SIGQUIT`);
      // The library's own handle only needs forgetting now (its child has exited).
      await stop();
    },
    async freeze() {
      if (!server || frozen.length > 0) return;
      const pid = await postmasterPid();
      // The postmaster first, so it forks no backend between the listing and the stopping.
      process.kill(pid, "SIGSTOP");
      frozen.push(pid);
      for (const child of await childrenOf(pid)) {
        process.kill(child, "SIGSTOP");
        frozen.push(child);
      }
    },
    thaw,
    async start() {
      if (server) return;
      server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    },
    destroy,
  };
}

async function waitForExit(pid: number): Promise<boolean> {
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Direct children of `pid`, from /proc (PostgreSQL's backends and auxiliary processes). */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // "pid (comm) state ppid ...": comm may contain spaces, so split after the last ')'.
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? "", 10);
    if (ppid === pid) children.push(Number(entry));
  }
  return children;
}
