import "server-only";
import type { PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { pool } from "@/lib/db";
import type { FieldDefinition } from "@/lib/fields/definitions";
import { answerColumnsSql } from "@/lib/fields/csv";
import { getFieldDefinitions } from "@/lib/fields/mutations";
import { guardCellSql } from "@/lib/signups/csv-guard";
import { CSV_COLUMNS, type ExportQuery } from "@/lib/signups/schemas";

// The CSV export streams straight out of PostgreSQL: COPY ... TO STDOUT (FORMAT csv) writes RFC 4180 quoting
// and UTF-8, and its bytes go to the response with back-pressure, so memory stays flat at a million rows.
// Positions are the same definition as everywhere (lib/signups/position.ts): rank by (score, seq) among the
// waiting. COPY takes no bind parameters, so the few values it needs (a waitlist id from our own database,
// ISO dates already validated by zod) are quoted with pg's escapeLiteral.

export function exportSql(
  client: Pick<PoolClient, "escapeLiteral" | "escapeIdentifier">,
  waitlistId: string,
  q: ExportQuery,
  fields: readonly FieldDefinition[] = [],
): string {
  const id = client.escapeLiteral(waitlistId);
  // Text cells a spreadsheet could read as a formula get a leading ' (OWASP; the rule is in csv-guard.ts).
  const safe = (col: string) => guardCellSql(col, (v) => client.escapeLiteral(v));
  const filters: string[] = [];
  if (q.joined_after) filters.push(`x.created_at >= ${client.escapeLiteral(q.joined_after)}::timestamptz`);
  if (q.joined_before) filters.push(`x.created_at < ${client.escapeLiteral(q.joined_before)}::timestamptz`);
  const where = filters.length > 0 ? `WHERE ${filters.join(" AND ")}` : "";
  const referrer = `(SELECT r.email FROM signups r WHERE r.id = s.referred_by_id) AS referrer_email`;
  const branches: string[] = [];
  if (q.status === "all" || q.status === "waiting") {
    branches.push(`(SELECT s.*, ${referrer}, row_number() OVER (ORDER BY s.score, s.seq) AS position
        FROM signups s WHERE s.waitlist_id = ${id} AND s.status = 'WAITING' ORDER BY s.score, s.seq)`);
  }
  if (q.status !== "waiting" && q.status !== "pending") {
    // Out of line: invited, joined and removed people (constants, never request text), by join order.
    const statuses = q.status === "all" ? "'INVITED', 'JOINED', 'REMOVED'" : `'${q.status.toUpperCase()}'`;
    branches.push(`(SELECT s.*, ${referrer}, NULL::bigint AS position
        FROM signups s WHERE s.waitlist_id = ${id} AND s.status IN (${statuses}) ORDER BY s.seq)`);
  }
  // Not confirmed (double opt-in): not exported unless asked for, since they may never have signed up at all.
  if (q.status === "pending" || (q.status === "all" && q.include_pending)) {
    branches.push(`(SELECT s.*, ${referrer}, NULL::bigint AS position
        FROM signups s WHERE s.waitlist_id = ${id} AND s.status = 'PENDING' ORDER BY s.seq)`);
  }
  // The rows first (a CTE used once is inlined: same plan as a subquery), so the start of the statement, all
  // that pg_stat_activity keeps of it, names the waitlist.
  return `COPY (
    WITH x AS (${branches.join(" UNION ALL ")})
    SELECT x.position, ${safe("x.email")} AS email, ${safe("x.name")} AS name, ${safe("x.company")} AS company,
           ${safe("x.twitter")} AS twitter, x.ref_code,
           ${safe("x.referrer_email")} AS referred_by,
           x.referral_count AS referrals, lower(x.status::text) AS status,
           to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS joined_at,
           ${safe("x.external_id")} AS external_id
           ${answerColumnsSql(client, fields, CSV_COLUMNS)}
      FROM x ${where}
  ) TO STDOUT WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`;
}

/**
 * A byte stream of the CSV. Cancelling it (the client went away) destroys the COPY and the connection it
 * ran on, so the database stops working on it at once.
 */
export async function exportCsvStream(waitlistId: string, q: ExportQuery): Promise<ReadableStream<Uint8Array>> {
  const fields = await getFieldDefinitions(waitlistId);
  const client = await pool().connect();
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  try {
    // Append must run its branches in order (waiting by position, then the rest): no parallel plans.
    await client.query("BEGIN READ ONLY");
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
    // The per-row subquery inflates the cost estimate past JIT's threshold; compiling costs ~0.5 s per export
    // and buys nothing for a streaming scan.
    await client.query("SET LOCAL jit = off");
  } catch (error) {
    release(error as Error);
    throw error;
  }
  const copy = client.query(copyTo(exportSql(client, waitlistId, q, fields)));
  const iterator = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) {
          await client.query("COMMIT");
          release();
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        }
      } catch (error) {
        release(error as Error);
        controller.error(error);
      }
    },
    async cancel() {
      copy.destroy();
      // Releasing with an error closes the connection: the server ends the COPY when its socket goes.
      release(new Error("export cancelled by the client"));
    },
  }, { highWaterMark: 4 });
}

export function exportFileName(slug: string, now = new Date()): string {
  return `${slug}-signups-${now.toISOString().slice(0, 10)}.csv`;
}
