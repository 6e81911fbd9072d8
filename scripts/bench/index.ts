import pg from "pg";
import { createTestDatabase } from "@/tests/support/database";
import { checkBundleBudget, formatBundleReport, withServer } from "../check-bundle-budget";
import { benchExport } from "./export";
import { benchHttpSignups } from "./http-signups";
import { benchPositions } from "./positions";

// `npm run bench [-- <name>...]`: each benchmark on a fresh database (DATABASE_URL's server when set,
// otherwise a throwaway embedded PostgreSQL). Figures are printed, never asserted: machines are noisy.

const BENCHES: Record<string, (pool: pg.Pool) => Promise<void>> = {
  positions: benchPositions,
  export: benchExport,
  http: benchHttpSignups,
  bundle: async () => {
    console.log("");
    console.log(formatBundleReport(await withServer((baseUrl) => checkBundleBudget({ baseUrl }))));
  },
};

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const n of names) if (!BENCHES[n]) throw new Error(`unknown benchmark "${n}" (have: ${Object.keys(BENCHES).join(", ")})`);

  const database = await createTestDatabase({ log: (m) => console.log(`[bench] ${m}`) });
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
