import "server-only";
import { pool } from "@/lib/db";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import { ipNetworkOf } from "@/lib/signups/ip-network";
import { joinLine, type JoinResult } from "@/lib/signups/line";
import { positionOf } from "@/lib/signups/position";
import { REF_CODE_PATTERN } from "@/lib/signups/schemas";
import type { SignupStatusValue } from "@/lib/signups/statuses";
import { emitWaitlistFull } from "@/lib/webhooks/emit";

// A signup, from validated input to its outcome: new (appended by lib/signups/line.ts, batched by group commit),
// duplicate (the same answer as the first time), or why the list refused. Owner actions on the line (let in,
// remove, rescore) live in lib/signups/line.ts.

export type NewSignup = {
  waitlistId: string;
  email: string;
  name?: string | null;
  company?: string | null;
  twitter?: string | null;
  ref?: string | null;
  /** JSON text of validated custom-field answers, metadata and attribution (lib/fields, lib/signups). */
  answers?: string | null;
  metadata?: string | null;
  attribution?: string | null;
  /** A product's own user id (feature waitlists). */
  externalId?: string | null;
  /** The client's IP, for the referral velocity rule; none for imports and server-to-server calls. */
  ip?: string | null;
};

export type CreateSignupResult =
  | { kind: "created"; id: string; position: number; refCode: string; statusToken: string; pending: boolean }
  | { kind: "duplicate"; position: number | null; refCode: string; status: SignupStatusValue }
  | { kind: "full" }
  | { kind: "closed" }
  | { kind: "not_found" };

const MAX_CODE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = "23505";
export const EXTERNAL_ID_TAKEN = "signups_waitlist_id_external_id_key";

export async function createSignup(input: NewSignup): Promise<CreateSignupResult> {
  const ref = input.ref && REF_CODE_PATTERN.test(input.ref) ? input.ref : null;
  const network = ref ? ipNetworkOf(input.ip) : null;
  for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
    const refCode = newRefCode();
    const status = newStatusToken();
    let joined: JoinResult;
    try {
      joined = await joinLine({
        waitlistId: input.waitlistId,
        email: input.email,
        name: input.name ?? null,
        company: input.company ?? null,
        twitter: input.twitter ?? null,
        refCode,
        statusTokenHash: status.hash,
        referrerCode: ref,
        answers: input.answers ?? null,
        metadata: input.metadata ?? null,
        attribution: input.attribution ?? null,
        externalId: input.externalId ?? null,
        ipHash: network?.ipHash ?? null,
        ipNet: network?.ipNet ?? null,
      });
    } catch (error) {
      // A random referral code (or token hash) collided, or the email was stored from elsewhere after the
      // batch's snapshot: the statement rolled back whole; new values, in a later batch. A product's user id
      // (feature waitlists) stored meanwhile cannot be retried away: its caller re-reads that member
      // (lib/features/members.ts). Callers without one retry as usual, also when it was another's id.
      const e = error as { code?: string; constraint?: string };
      if (e.code === UNIQUE_VIOLATION && input.externalId && e.constraint === EXTERNAL_ID_TAKEN) throw error;
      if (e.code === UNIQUE_VIOLATION) continue;
      throw error;
    }
    switch (joined.outcome) {
      case "joined":
        return {
          kind: "created",
          id: joined.id,
          position: joined.position,
          refCode,
          statusToken: status.token,
          pending: joined.pending,
        };
      case "duplicate":
        return duplicateOf(input.waitlistId, input.email);
      case "full":
        await emitWaitlistFull(input.waitlistId);
        return { kind: "full" };
      case "refused":
        return explainRefusal(input);
    }
  }
  throw new Error("could not allocate a unique referral code");
}

async function explainRefusal(input: NewSignup): Promise<CreateSignupResult> {
  const duplicate = await duplicateOf(input.waitlistId, input.email);
  if (duplicate.kind === "duplicate") return duplicate;
  const { rows } = await pool().query<{ is_open: boolean }>(`SELECT is_open FROM waitlists WHERE id = $1`, [
    input.waitlistId,
  ]);
  const w = rows[0];
  if (!w) return { kind: "not_found" };
  return w.is_open ? { kind: "full" } : { kind: "closed" };
}

async function duplicateOf(waitlistId: string, email: string): Promise<CreateSignupResult> {
  const { rows } = await pool().query<{ ref_code: string; score: number; seq: number; status: SignupStatusValue }>(
    // The mailbox's first row (a.lice+x@gmail.com answers as alice@gmail.com, who holds the place).
    `SELECT ref_code, score, seq, status FROM signups
      WHERE waitlist_id = $1 AND mailbox = canonical_mailbox($2) AND NOT mailbox_shared`,
    [waitlistId, email],
  );
  const existing = rows[0];
  if (!existing) return { kind: "not_found" };
  // A pending person is answered the place they would have if they confirmed now (they are not counted in it).
  const placed = existing.status === "WAITING" || existing.status === "PENDING";
  const position = placed ? await positionOf(pool(), waitlistId, existing.score, existing.seq) : null;
  return { kind: "duplicate", position, refCode: existing.ref_code, status: existing.status };
}
