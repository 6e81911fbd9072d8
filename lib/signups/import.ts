import "server-only";
import { withSavepoint } from "@/lib/db";
import { jobs } from "@/lib/jobs/boss";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import type { ImportIssue, ImportRow } from "@/lib/signups/import-parse";
import { recordJoined, roomLeft, withLockedLine, type Line } from "@/lib/signups/line";
import { scoreSql } from "@/lib/signups/position";

// Phase two of a CSV import: rows (already validated, in join order) go in batches to the back of the line, in
// order, through the line's keeper (lib/signups/line.ts). All batches share one transaction under the waitlist
// row lock, so a failure in any of them leaves the list as it was ("a bad file changes nothing"); progress is
// reported per batch, and each batch has a savepoint so a referral-code collision retries just that batch.

export const IMPORT_BATCH_SIZE = 1000;
const UNIQUE_VIOLATION = "23505";

export type ImportProgress = { imported: number; skipped: number; processed: number; total: number };

export type ImportOptions = {
  /** Queue the welcome email for each imported person, in the import's own transaction. */
  welcome?: boolean;
};

export async function importRows(
  waitlistId: string,
  rows: ImportRow[],
  onProgress: (p: ImportProgress) => void | Promise<void>,
  options: ImportOptions = {},
): Promise<{ imported: number; issues: ImportIssue[] }> {
  if (options.welcome) await jobs(); // the queue exists before a statement inserts into it, and boots outside the lock
  const result = await withLockedLine(waitlistId, async (line) => {
    const issues: ImportIssue[] = [];
    let imported = 0;
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
      const batch = rows.slice(start, start + IMPORT_BATCH_SIZE);
      const result = await insertBatchWithRetry(line, batch, options);
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
  if (result === null) throw new Error("waitlist vanished during import");
  return result;
}

async function insertBatchWithRetry(line: Line, batch: ImportRow[], options: ImportOptions) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withSavepoint(line.client, () => insertBatch(line, batch, options));
    } catch (error) {
      // A random referral code collided with an existing one: the batch rolled back to its savepoint; new codes.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 5) throw error;
    }
  }
}

async function insertBatch(line: Line, batch: ImportRow[], options: ImportOptions) {
  const { client, waitlist } = line;
  const room = roomLeft(waitlist);
  // Rows already on the list are left out before numbering, so seqs stay consecutive.
  // By mailbox, as a signup is (lib/signups/line-join.ts): the file's ann+news@ is the list's ann@.
  const { rows: existing } = await client.query<{ email: string }>(
    `SELECT t.email FROM unnest($2::text[]) AS t(email)
      WHERE EXISTS (SELECT 1 FROM signups s
                     WHERE s.waitlist_id = $1 AND s.mailbox = canonical_mailbox(t.email) AND NOT s.mailbox_shared)`,
    [waitlist.id, batch.map((r) => r.email)],
  );
  const taken = new Set(existing.map((r) => r.email));
  const fresh = batch.filter((r) => !taken.has(r.email));
  const admitted = fresh.slice(0, room);
  const full = new Set(fresh.slice(admitted.length).map((r) => r.email));
  if (admitted.length === 0) return { inserted: new Set<string>(), full };

  const seqs = admitted.map((_, i) => waitlist.nextSeq + 1 + i);
  // With `welcome`, each inserted person's welcome job is written by the same statement (lib/jobs/in-statement.ts):
  // it commits with the import or not at all.
  const welcomeJobs = options.welcome
    ? `, job AS (${jobInsertSql("signup-welcome", "ins", "jsonb_build_object('signupId', ins.id)", "'welcome:' || ins.id")})`
    : "";
  await client.query(
    `WITH ins AS (
       INSERT INTO signups (waitlist_id, email, name, company, twitter, ref_code, seq, score, status_token_hash, created_at)
       SELECT $1, t.email, t.name, t.company, t.twitter, t.ref_code, t.seq, ${scoreSql("t.seq", "0", "0")}, t.token_hash,
              COALESCE(t.joined_at, now())
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::timestamptz[])
           AS t(email, name, company, twitter, ref_code, seq, token_hash, joined_at)
       RETURNING id
     )${welcomeJobs}
     SELECT COUNT(*) FROM ins`,
    [
      waitlist.id,
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
  await recordJoined(line, seqs);
  return { inserted: new Set(admitted.map((r) => r.email)), full };
}
