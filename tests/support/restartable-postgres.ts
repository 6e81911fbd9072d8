import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
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

  const stop = async () => {
    const current = server;
    server = undefined;
    await current?.stop();
  };
  const destroy = async () => {
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
      const pid = Number.parseInt((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0] ?? "", 10);
      if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
      process.kill(pid, "SIGQUIT");
      if (!(await waitForExit(pid))) throw new Error(`PostgreSQL (pid ${pid}) did not exit after SIGQUIT`);
      // The library's own handle only needs forgetting now (its child has exited).
      await stop();
    },
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
