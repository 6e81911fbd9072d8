import "server-only";
import { AppError } from "@/lib/errors";
import { jobs } from "@/lib/jobs/boss";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { roomLeft, withLockedLine, type Line } from "@/lib/signups/line";
import { creditOnStatusChange } from "@/lib/signups/line-credit";
import { blockSql } from "@/lib/signups/position";
import { REF_CODE_ALPHABET, REF_CODE_LENGTH } from "@/lib/signups/schemas";
import type { SignupStatusValue } from "@/lib/signups/statuses";

// The keeper's owner-side status changes (lib/signups/line.ts re-exports them): letting people in (the top N,
// selected people, one person, a scheduled wave) and marking them joined, removed or back in line. Always
// under the waitlist row lock, in the transaction that moves waiting_count / signup_count / signup_blocks.
//
// Counters: waiting_count and signup_blocks count WAITING rows; signup_count counts every row but REMOVED
// ones (a removed person frees their room under the plan cap and capacity, as a delete does).

/** Who to let in: the first `top` waiting people by position, or these people (those of them still waiting). */
export type AdmitSelection = { top: number } | { signupIds: readonly string[] };

const UNIQUE_VIOLATION = "23505";
const CODE_ATTEMPTS = 5;

/**
 * An invite code in SQL: 8 characters of the ref-code alphabet (32 letters, no 0/O/1/I), each from a byte of
 * its own gen_random_uuid() (strong random; byte 0 is random in a v4 UUID, and 256 is a multiple of 32, so
 * each character is uniform): 40 bits, so the owner's app can trust a code. Volatile calls in the row's own
 * expression, so every row gets its own (an uncorrelated subquery would run once per statement).
 */
const inviteCodeSql = (() => {
  if (REF_CODE_ALPHABET.length !== 32) throw new Error("the code alphabet must have 32 letters");
  const char = `substr('${REF_CODE_ALPHABET}', 1 + get_byte(uuid_send(gen_random_uuid()), 0) % 32, 1)`;
  return `(${Array.from({ length: REF_CODE_LENGTH }, () => char).join(" || ")})`;
})();

// One statement for any number of people ($1 waitlist, $2 how many from the top or null, $3 chosen ids or null):
//   picked   the waiting people chosen, in line order
//   upd      INVITED, invited_at, and an invite code when the list requires codes (a code issued before is kept)
//   w, blk   waiting_count and signup_blocks in step: everyone behind them moves up
//   job      one "signup-invited" job per person (key invited:<id>), committed with the change or not at all;
//            ON CONFLICT: a job of an earlier invitation of the same person may still be queued
const admitSql = () => `
WITH settings AS (
  SELECT require_invite_code FROM waitlists WHERE id = $1
), picked AS (
  SELECT s.id FROM signups s
   WHERE s.waitlist_id = $1 AND s.status = 'WAITING' AND ($3::uuid[] IS NULL OR s.id = ANY($3::uuid[]))
   ORDER BY s.score, s.seq
   LIMIT $2
), upd AS (
  UPDATE signups s SET status = 'INVITED', invited_at = now(), joined_at = NULL, removed_at = NULL,
         invite_code = CASE WHEN (SELECT require_invite_code FROM settings) THEN COALESCE(s.invite_code, ${inviteCodeSql})
                            ELSE s.invite_code END
    FROM picked WHERE s.id = picked.id
  RETURNING s.id, s.score
), w AS (
  UPDATE waitlists SET waiting_count = waiting_count - c.n FROM (SELECT COUNT(*)::int AS n FROM upd) c
   WHERE waitlists.id = $1 AND c.n > 0
), blk AS (
  INSERT INTO signup_blocks (waitlist_id, block, waiting)
  SELECT $1, ${blockSql("upd.score")}, -COUNT(*)::int FROM upd GROUP BY 2
  ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting
), job AS (
  ${jobInsertSql("signup-invited", "upd", "jsonb_build_object('signupId', upd.id)", "'invited:' || upd.id")}
  ON CONFLICT DO NOTHING
)
SELECT id FROM upd`;

/** Lets the selected waiting people in, inside a transaction that holds the line. Returns their ids. */
export async function admitInLine(line: Line, selection: AdmitSelection): Promise<string[]> {
  const top = "top" in selection ? selection.top : null;
  const ids = "signupIds" in selection ? [...selection.signupIds] : null;
  if (top === 0 || ids?.length === 0) return [];
  await jobs(); // the queues exist, so every invited person's job row is written (cached after the first call)
  for (let attempt = 1; ; attempt++) {
    // A savepoint: a colliding random invite code undoes this statement only, and it runs again.
    await line.client.query("SAVEPOINT admit");
    try {
      const { rows } = await line.client.query<{ id: string }>(admitSql(), [line.waitlist.id, top, ids]);
      await line.client.query("RELEASE SAVEPOINT admit");
      line.waitlist.waitingCount -= rows.length;
      return rows.map((r) => r.id);
    } catch (error) {
      await line.client.query("ROLLBACK TO SAVEPOINT admit");
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

/** Invites the top N (or the chosen people) on this waitlist now; null when it is not the owner's. */
export async function inviteSignups(waitlistId: string, selection: AdmitSelection, teamId?: string): Promise<string[] | null> {
  await jobs(); // started before the lock is taken: the first start runs pg-boss's own set-up
  return withLockedLine(waitlistId, (line) => admitInLine(line, selection), teamId);
}

export type OwnerStatus = Exclude<SignupStatusValue, "PENDING">;

/**
 * One person's status as the owner sets it. INVITED lets a waiting person in through admitInLine (so they get
 * the invitation email); JOINED from waiting or invited; REMOVED from anything (removed_from keeps what they
 * were); WAITING puts an invited, joined or removed person back in line at their old score, except one removed
 * while PENDING. False when nothing changed or there is no such person;
 * AppError conflict for a change that makes no sense, waitlist_full when a removed person has no room to return.
 */
export async function setSignupStatus(waitlistId: string, signupId: string, status: OwnerStatus): Promise<boolean> {
  if (status === "INVITED") await jobs(); // as in inviteSignups
  const changed = await withLockedLine(waitlistId, async (line) => {
    const { rows } = await line.client.query<{
      status: SignupStatusValue;
      score: number;
      removed_from: SignupStatusValue | null;
      referred_by_id: string | null;
      referral_credit: string | null;
    }>(
      `SELECT status, score, removed_from, referred_by_id, referral_credit FROM signups
        WHERE id = $1::uuid AND waitlist_id = $2 FOR UPDATE`,
      [signupId, waitlistId],
    );
    const row = rows[0];
    if (!row || row.status === status) return false;
    if (status === "INVITED") {
      if (row.status !== "WAITING") {
        throw new AppError("conflict", "Only people waiting in line can be invited; put them back in line first.", "status");
      }
      return (await admitInLine(line, { signupIds: [signupId] })).length === 1;
    }
    if (row.status === "PENDING" && status !== "REMOVED") {
      throw new AppError("conflict", "This person has not confirmed their email yet.", "status");
    }
    if (status === "JOINED" && row.status === "REMOVED") {
      throw new AppError("conflict", "Put a removed person back in line before marking them joined.", "status");
    }
    // Back in line is for people who were in it: one removed while pending never confirmed (double opt-in),
    // so their referrer was never credited and they got no welcome; confirming is the only way in.
    if (status === "WAITING" && row.removed_from === "PENDING") {
      throw new AppError("conflict", "This person never confirmed their email, so they cannot be put in line; delete them and they can sign up again.", "status");
    }
    const counted = (s: SignupStatusValue) => (s === "REMOVED" ? 0 : 1);
    const signupDelta = counted(status) - counted(row.status);
    if (signupDelta > 0 && roomLeft(line.waitlist) < signupDelta) {
      throw new AppError("waitlist_full", "The waitlist is full: there is no room to put this person back.");
    }
    await line.client.query(
      `UPDATE signups SET status = $2::text::"SignupStatus",
              invited_at = CASE WHEN $2::text = 'WAITING' THEN NULL ELSE invited_at END,
              joined_at = CASE WHEN $2::text = 'JOINED' THEN now() WHEN $2::text = 'WAITING' THEN NULL ELSE joined_at END,
              removed_at = CASE WHEN $2::text = 'REMOVED' THEN now() END,
              removed_from = CASE WHEN $2::text = 'REMOVED' THEN $3::text::"SignupStatus" END
        WHERE id = $1::uuid`,
      [signupId, status, row.status],
    );
    const waitingDelta = (status === "WAITING" ? 1 : 0) - (row.status === "WAITING" ? 1 : 0);
    await line.client.query(
      `UPDATE waitlists SET waiting_count = waiting_count + $2, signup_count = signup_count + $3 WHERE id = $1`,
      [waitlistId, waitingDelta, signupDelta],
    );
    if (waitingDelta !== 0) {
      await line.client.query(
        `INSERT INTO signup_blocks (waitlist_id, block, waiting) VALUES ($1, ${blockSql("$2::int")}, $3)
         ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting`,
        [waitlistId, row.score, waitingDelta],
      );
    }
    line.waitlist.waitingCount += waitingDelta;
    line.waitlist.signupCount += signupDelta;
    // Removing takes back the credit this person gave; putting them back gives it back.
    if (status === "REMOVED" || row.status === "REMOVED") await creditOnStatusChange(line, signupId, row, status === "REMOVED");
    return true;
  });
  return changed ?? false;
}
