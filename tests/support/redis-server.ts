import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/tests/support/production-server";

// A redis-server of the test's own on a free loopback port, in memory only (no RDB, no AOF), that a fault test
// can stop and start again on the same port. Never the machine's Redis on 6379.

export const REDIS_SERVER_BIN = "/usr/bin/redis-server";
const READY_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5_000;

export type TestRedis = {
  url: string;
  port: number;
  running(): boolean;
  stop(): Promise<void>;
  /** Starts again on the same port (empty: nothing is persisted). */
  start(): Promise<void>;
  /** Stops it if running and deletes its working dir. Safe to call twice. */
  destroy(): Promise<void>;
};

const alive = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(): void {
  for (const child of alive) child.kill("SIGKILL");
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER_BIN)) throw new Error(`${REDIS_SERVER_BIN} is missing (apt-get install redis-server)`);
  if (!exitHookInstalled) {
    process.on("exit", killOnExit);
    exitHookInstalled = true;
  }
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "waitforge-test-redis-"));
  let child: ChildProcess | undefined;

  const spawnServer = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"];
    const started = spawn(REDIS_SERVER_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    started.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    started.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    alive.add(started);
    started.once("exit", () => alive.delete(started));
    child = started;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await ping(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        await stopChild(started);
        child = undefined;
        throw new Error(`redis-server did not answer PING on port ${port}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async () => {
    const current = child;
    child = undefined;
    if (current) await stopChild(current);
  };

  await spawnServer().catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    running: () => child !== undefined,
    stop,
    async start() {
      if (!child) await spawnServer();
    },
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), EXIT_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** One inline PING; true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}
