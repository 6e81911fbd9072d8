import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Pool } from "pg";

// CPU time of a process and its descendants from /proc (Linux), for per-signup costs: take a snapshot before and
// after a run, and the difference counts each process alive at the end (a process that exited in between, e.g.
// an idle pool connection's backend, took its time with it and is left out of both).

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Stat = { pid: number; ppid: number; cpuMs: number };

function readStats(): Stat[] {
  const stats: Stat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command (which may contain spaces) start at the last ')'.
      const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.push({ pid: Number(name), ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      // gone meanwhile
    }
  }
  return stats;
}

/** CPU ms used so far by `root` and each process under it, by pid. */
export function treeCpu(root: number): Map<number, number> {
  const stats = readStats();
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const used = new Map<number, number>();
  const queue = stats.filter((s) => s.pid === root);
  while (queue.length > 0) {
    const s = queue.pop()!;
    used.set(s.pid, s.cpuMs);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return used;
}

/** CPU ms between two snapshots of the same trees. */
export function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The postmaster's pid of the server `pool` talks to (only meaningful when it runs on this machine). */
export async function postmasterPid(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
  return Number(readFileSync(path.join(rows[0]!.setting, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** Busy CPU ms of the whole machine so far (all cores, from /proc/stat: everything but idle and iowait). */
export function machineBusyMs(): number {
  const first = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = first;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}
