import "server-only";
import type { PoolClient } from "pg";
import { effectiveCap, plans } from "@/lib/billing/plans";
import { withSavepoint, withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import type { ImportIssue, ImportRow } from "@/lib/signups/import-parse";
import { addDelta, applyBlockDeltas, blockOf } from "@/lib/signups/position";

// Phase two of a CSV import: rows (already validated, in join order) go in batches under the waitlist row lock
// like any signup, appended to the back of the line in order. All batches share one transaction, so a failure
// in any of them leaves the list as it was ("a bad file changes nothing"); progress is reported per batch.

export const IMPORT_BATCH_SIZE = 1000;
const UNIQUE_VIOLATION = "23505";

export type ImportProgress = { imported: number; skipped: number; processed: number; total: number };

export async function importRows(
  waitlistId: string,
  rows: ImportRow[],
  onProgress: (p: ImportProgress) => void | Promise<void>,
): Promise<{ imported: number; issues: ImportIssue[] }> {
  return withTransaction(async (client) => {
    const issues: ImportIssue[] = [];
    let imported = 0;
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
      const batch = rows.slice(start, start + IMPORT_BATCH_SIZE);
      const result = await insertBatchWithRetry(client, waitlistId, batch);
      imported += result.inserted.size;
      for (const row of batch) {
        if (result.inserted.has(row.email)) continue;
        issues.push({
          line: row.line,
          email: row.email,
          reason: result.full.has(row.email) ? "The waitlist is full." : "Already on this waitlist.",
        });
      }
      await onProgress({ imported, skipped: issues.length, processed: start + batch.length, total: rows.length });
    }
    return { imported, issues };
  });
}

async function insertBatchWithRetry(tx: PoolClient, waitlistId: string, batch: ImportRow[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertBatch(tx, waitlistId, batch);
    } catch (error) {
      // A random referral code collided with an existing one: the batch rolled back to its savepoint; new codes.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 5) throw error;
    }
  }
}

async function insertBatch(tx: PoolClient, waitlistId: string, batch: ImportRow[]) {
  return withSavepoint(tx, async (client) => {
    const { rows: locked } = await client.query<{ next_seq: number; signup_count: number; capacity: number | null; plan: "FREE" | "PRO" }>(
      `SELECT next_seq, signup_count, capacity, plan FROM waitlists WHERE id = $1 FOR UPDATE`,
      [waitlistId],
    );
    const w = locked[0];
    if (!w) throw new Error("waitlist vanished during import");
    const cap = effectiveCap(plans(env().FREE_SIGNUP_CAP)[w.plan], w.capacity);
    const room = cap === null ? batch.length : Math.max(0, cap - w.signup_count);

    // Rows already on the list are left out before numbering, so seqs stay consecutive.
    const { rows: existing } = await client.query<{ email: string }>(
      `SELECT email FROM signups WHERE waitlist_id = $1 AND email = ANY($2::text[])`,
      [waitlistId, batch.map((r) => r.email)],
    );
    const taken = new Set(existing.map((r) => r.email));
    const fresh = batch.filter((r) => !taken.has(r.email));
    const admitted = fresh.slice(0, room);
    const full = new Set(fresh.slice(room).map((r) => r.email));
    if (admitted.length === 0) return { inserted: new Set<string>(), full };

    const seqs = admitted.map((_, i) => w.next_seq + 1 + i);
    await client.query(
      `INSERT INTO signups (waitlist_id, email, name, company, twitter, ref_code, seq, score, status_token_hash, created_at)
       SELECT $1, t.email, t.name, t.company, t.twitter, t.ref_code, t.seq, t.seq, t.token_hash, COALESCE(t.joined_at, now())
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::timestamptz[])
           AS t(email, name, company, twitter, ref_code, seq, token_hash, joined_at)`,
      [
        waitlistId,
        admitted.map((r) => r.email),
        admitted.map((r) => r.name),
        admitted.map((r) => r.company),
        admitted.map((r) => r.twitter),
        admitted.map(() => newRefCode()),
        seqs,
        admitted.map(() => newStatusToken().hash),
        admitted.map((r) => r.joinedAt?.toISOString() ?? null),
      ],
    );
    await client.query(
      `UPDATE waitlists SET next_seq = next_seq + $2, signup_count = signup_count + $2, waiting_count = waiting_count + $2
        WHERE id = $1`,
      [waitlistId, admitted.length],
    );
    const deltas = new Map<number, number>();
    for (const seq of seqs) addDelta(deltas, blockOf(seq), 1);
    await applyBlockDeltas(client, waitlistId, deltas);
    return { inserted: new Set(admitted.map((r) => r.email)), full };
  });
}
