import "server-only";
import { pool } from "@/lib/db";
import { deliverSignupEmail, type DeliveryOutcome } from "@/lib/signup-email/deliver";
import { DigestEmail, digestSubject, digestText, type DigestEmailProps } from "@/lib/signup-email/digest-email";
import { shareUrl } from "@/lib/signup-email/links";
import { positionOf, positionSql, scoreOf } from "@/lib/signups/position";

// The digest job (queue "signup-digest", queued by lib/signup-email/digest-sweep.ts): "N friends joined through
// your link; you moved up from #A to #B", at most one a day per person whatever runs at once.
//
// The day in the event key keeps it to one per calendar day (ledger + Resend's Idempotency-Key, as every
// signup email). On top, the job first CLAIMS the person's digest slot under their row lock: only the job
// holding the key, or any job when nobody sent one in the last 24 hours, may go on. So two sweeps either side
// of midnight, a retry that outlived a day, or two workers on two keys cannot mail twice within 24 hours.
// After the send, what was told (referral count and place) becomes the baseline of the next digest.

export function digestKey(signupId: string, day: string): string {
  return `digest:${signupId}:${day}`;
}

type Told = { count: number; position: number };
type Claim = { referral_count: number; digest_referral_count: number; digest_position: number | null; score: number; seq: number; referral_boost: number };

/**
 * Takes the slot for `key` (or renews it for a retry of the same key), and only while there is something to
 * tell: the list still wants digests, the person is waiting and has friends not told about yet.
 */
async function claimDigest(signupId: string, key: string): Promise<Claim | null> {
  const { rows } = await pool().query<Claim>(
    `UPDATE signups s SET digest_key = $2, digest_sent_at = now()
       FROM waitlists w
      WHERE s.id = $1::uuid AND w.id = s.waitlist_id AND w.referral_digest AND s.status = 'WAITING'
        AND s.referral_count > s.digest_referral_count
        AND (s.digest_key = $2 OR s.digest_sent_at IS NULL OR s.digest_sent_at <= now() - interval '24 hours')
      RETURNING s.referral_count, s.digest_referral_count, s.digest_position, s.score, s.seq, w.referral_boost`,
    [signupId, key],
  );
  return rows[0] ?? null;
}

/** The baseline of the next digest: what this one told, or (after a crash between send and record) what is true now. */
async function recordDigest(signupId: string, key: string, told: Told | null): Promise<void> {
  await pool().query(
    `UPDATE signups s
        SET digest_referral_count = COALESCE($3::int, s.referral_count),
            digest_position = COALESCE($4::int, CASE WHEN s.status = 'WAITING' THEN ${positionSql("s.waitlist_id", "s.score", "s.seq")} END),
            digest_sent_at = now()
      WHERE s.id = $1::uuid AND s.digest_key = $2`,
    [signupId, key, told?.count ?? null, told?.position ?? null],
  );
}

export async function sendDigestEmail(signupId: string, day: string): Promise<DeliveryOutcome> {
  const eventKey = digestKey(signupId, day);
  // Set inside compose; `as` keeps TypeScript from narrowing it to null across the callback.
  let told = null as Told | null;
  const outcome = await deliverSignupEmail({
    signupId,
    eventKey,
    kind: "digest",
    compose: async (row, footer) => {
      if (row.status !== "WAITING") return null;
      const claim = await claimDigest(signupId, eventKey);
      if (!claim) return null;
      const friends = claim.referral_count - claim.digest_referral_count;
      const to = await positionOf(pool(), row.waitlist.id, claim.score, claim.seq);
      const props: DigestEmailProps = {
        theme: row.theme,
        footer,
        name: row.name,
        friends,
        from: claim.digest_position ?? (await placeWithout(row.waitlist.id, claim, friends)),
        to,
        shareUrl: shareUrl(row.waitlist.slug, row.refCode),
      };
      told = { count: claim.referral_count, position: to };
      return { subject: digestSubject(props), element: DigestEmail(props), text: digestText(props) };
    },
  });
  if (outcome.sent || outcome.reason === "already_sent") await recordDigest(signupId, eventKey, told);
  return outcome;
}

/**
 * A first digest has no earlier place to compare with: the place the person would hold without these friends
 * (their score before the credits; the person themselves, now ahead of that score, is not counted).
 */
async function placeWithout(waitlistId: string, claim: Claim, friends: number): Promise<number | null> {
  if (claim.referral_boost * friends <= 0) return null;
  const before = scoreOf(claim.seq, claim.referral_count - friends, claim.referral_boost);
  return (await positionOf(pool(), waitlistId, before, claim.seq)) - 1;
}
