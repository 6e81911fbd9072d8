import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import type { Pool } from "pg";
import { SESSION_COOKIE } from "@/auth.config";
import { exportSql } from "@/lib/signups/export";
import { startProductionServer } from "@/tests/support/production-server";
import { benchOwner, loadBigWaitlist } from "./positions";
import { timed } from "./stats";

// The CSV export of a million signups through the real production server (`next start`), against psql's
// \copy of the same SELECT (with the same session settings), plus the server's peak RSS (VmHWM) while it streamed.

const SIZE = Number(process.env.BENCH_SIGNUPS ?? 1_000_000);
const run = promisify(execFile);

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function psqlCopy(url: string, sql: string): Promise<number> {
  const [, t] = await timed(() => run("bash", ["-c", `psql "$URL" -X -q -c "SET jit = off" -c "$SQL" > /dev/null`], {
    env: { ...process.env, URL: url, SQL: sql },
    maxBuffer: 1024 * 1024,
  }));
  return t;
}

export async function benchExport(pool: Pool): Promise<void> {
  console.log(`\n## CSV export of ${SIZE.toLocaleString("en-US")} signups`);
  const ownerId = await benchOwner(pool);
  const waitlistId = await loadBigWaitlist(pool, SIZE, ownerId);
  const token = randomBytes(24).toString("hex");
  await pool.query(`INSERT INTO sessions (id, session_token, user_id, expires, updated_at) VALUES ($1, $2, $3, now() + interval '1 hour', now())`, [
    `bench-${token.slice(0, 8)}`,
    token,
    ownerId,
  ]);

  const client = await pool.connect();
  const copySql = exportSql(client, waitlistId, { status: "all" });
  client.release();
  // The same SELECT, as psql's client-side \copy (one line).
  const select = /^COPY \(([\s\S]*)\) TO STDOUT/.exec(copySql)![1]!.replace(/\s+/g, " ");
  const url = process.env.DATABASE_URL!;

  const server = await startProductionServer({
    env: (baseUrl) => ({
      DATABASE_URL: url,
      APP_URL: baseUrl,
      TURNSTILE_MODE: "enforce",
      TURNSTILE_SITE_KEY: "unused",
      TURNSTILE_SECRET_KEY: "unused",
      DATABASE_POOL_SIZE: "10",
    }),
  });
  try {
    const base = server.baseUrl;
    const rssBefore = peakRssMb(server.pid);
    const results: { psql: number; server: number; bytes: number }[] = [];
    for (let round = 0; round < 2; round++) {
      const psqlMs = await psqlCopy(url, `\\copy (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`);
      const [bytes, serverMs] = await timed(async () => {
        const res = await fetch(`${base}/api/waitlists/${waitlistId}/export.csv`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
        if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
        let n = 0;
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return n;
          n += value.byteLength;
        }
      });
      results.push({ psql: psqlMs, server: serverMs, bytes });
      console.log(
        `round ${round + 1}: psql \\copy ${(psqlMs / 1000).toFixed(2)} s, WaitForge export ${(serverMs / 1000).toFixed(2)} s ` +
          `(${(bytes / 1024 / 1024).toFixed(1)} MB), ratio ${(serverMs / psqlMs).toFixed(2)}x (target <= 1.5x)`,
      );
    }
    const best = { psql: Math.min(...results.map((r) => r.psql)), server: Math.min(...results.map((r) => r.server)) };
    console.log(`best of 2: psql ${(best.psql / 1000).toFixed(2)} s, export ${(best.server / 1000).toFixed(2)} s, ratio ${(best.server / best.psql).toFixed(2)}x`);
    console.log(`server peak RSS: ${peakRssMb(server.pid).toFixed(0)} MB (before the exports: ${rssBefore.toFixed(0)} MB; target < 300 MB)`);
  } finally {
    await server.stop();
    await pool.query(`DELETE FROM waitlists WHERE id = $1`, [waitlistId]);
  }
}
