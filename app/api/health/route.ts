import { jsonError } from "@/lib/api/respond";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";

// Liveness + readiness in one: load balancers and `npm run dev` users both want "can this instance serve
// requests", which needs the database. A real round trip, bounded so a hung connection fails the probe quickly.

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;
const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      // pool() itself throws when DATABASE_URL is missing or invalid: that is "unavailable" too.
      (async () => pool().query("SELECT 1"))(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return Response.json({ ok: true }, { headers: NO_STORE });
  } catch (error) {
    // The cause (host, port, credentials in a connection error) goes to the server log, never to the caller.
    logger.warn("health check: database unavailable", error);
    return jsonError(new AppError("database_unavailable", "The database is not reachable."));
  } finally {
    clearTimeout(timer);
  }
}
