import pg from "pg";
import { createTestDatabase } from "@/tests/support/database";
import { startRestartablePostgres } from "@/tests/support/restartable-postgres";
import { checkBundleBudget, formatBundleReport, withServer } from "../check-bundle-budget";
import { benchDbSignups } from "./db-signups";
import { benchExport } from "./export";
import { benchFields } from "./fields";
import { benchHttpInstances } from "./http-instances";
import { benchHttpSignups } from "./http-signups";
import { benchPositions } from "./positions";
import { benchSideBySide } from "./side-by-side";

// `npm run bench [-- <name>...]`: each benchmark on a fresh database (DATABASE_URL's server when set,
// otherwise an embedded PostgreSQL of its own with production durability: fsync and synchronous_commit on, so a
// signup's figure includes its commit's flush). Figures are printed, never asserted: machines are noisy.

const BENCHES: Record<string, (pool: pg.Pool) => Promise<unknown>> = {
  positions: benchPositions,
  signups: benchDbSignups,
  export: benchExport,
  http: benchHttpSignups,
  fields: benchFields,
  "side-by-side": benchSideBySide,
  instances: benchHttpInstances,
  bundle: async () => {
    console.log("");
    console.log(formatBundleReport(await withServer((baseUrl) => checkBundleBudget({ baseUrl }))));
  },
};

async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return createTestDatabase({ log: (m) => console.log(`[bench] ${m}`) });
  const server = await startRestartablePostgres();
  console.log(`[bench] embedded PostgreSQL (durable) on port ${server.port}`);
  return { url: server.url, drop: server.destroy };
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const n of names) if (!BENCHES[n]) throw new Error(`unknown benchmark "${n}" (have: ${Object.keys(BENCHES).join(", ")})`);

  const database = await benchDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.TURNSTILE_MODE = "off";
  process.env.DATABASE_POOL_SIZE = "70";
  const { closeDb } = await import("@/lib/db");
  // Its own pool, not the app's: loading a million rows in one statement takes longer than the app lets a
  // request's statement run (DB_QUERY_TIMEOUT_MS in lib/db.ts). Idle connections close quickly so that its
  // peak and the app pool's (createSignup in the positions bench) do not add up.
  const pool = new pg.Pool({ connectionString: database.url, max: 70, idleTimeoutMillis: 1_000 });
  try {
    for (const n of names) await BENCHES[n]!(pool);
  } finally {
    await pool.end();
    await closeDb();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
