import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { MemberPut, MemberView, MembershipItem } from "@/lib/features/schemas";
import { dropQueuedSignupJobs } from "@/lib/features/queued-jobs";
import { removeSignup } from "@/lib/signups/line";
import { consumeRecipientMailCap } from "@/lib/signup-email/mail-caps";
import { createSignup, EXTERNAL_ID_TAKEN } from "@/lib/signups/mutations";
import { positionOf } from "@/lib/signups/position";
import { publicStatus, type SignupStatusValue } from "@/lib/signups/statuses";

// A product's signed-in users on the owner's feature waitlists (docs/feature-waitlists.md). A member is a
// signup with the product's user id in signups.external_id (unique per waitlist): created by createSignup, so
// the line's keeper gives them a place, a referral code, the welcome (or confirmation) email, and the owner can
// let them in like anyone else. Joining, checking and leaving are idempotent:
//   join   an existing member: 200, unchanged. Else the email is needed: a person already on the list with it
//          (from the public form, an import) gets the external id attached; anyone else is a new signup.
//          Concurrent joins of one user end as one row: one at a time in a process, and the email's and the
//          external id's unique indexes across processes; every caller re-reads that row and answers it.
//   leave  the member erases themselves, as "Leave this waitlist" does (lib/signups/line-erase.ts): the keeper
//          deletes the row, everyone behind moves up, their queued mail goes; a later join starts afresh.
// People the owner removed (status REMOVED) are not signed up; a join does not undo the owner's decision (409).

export type Feature = { key: string; waitlistId: string };

type MemberRow = { id: string; status: SignupStatusValue; score: number; seq: number; ref_code: string; created_at: Date };

const UNIQUE_VIOLATION = "23505";
const JOIN_ATTEMPTS = 3;
const MEMBER_COLUMNS = `id, status, score, seq, ref_code, created_at`;

export function memberSelf(key: string, externalId: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/api/v1/features/${key}/members/${encodeURIComponent(externalId)}`;
}

/** The owner's feature of this key, or 404 (another owner's key is "no such feature" too: keys are per owner). */
export async function requireFeature(teamId: string, key: string): Promise<Feature> {
  const { rows } = await pool().query<{ waitlist_id: string }>(
    `SELECT waitlist_id FROM waitlist_features WHERE team_id = $1 AND key = $2`,
    [teamId, key],
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", `No feature “${key}”: add it to a waitlist under Feature keys first.`);
  return { key, waitlistId: row.waitlist_id };
}

async function memberOf(waitlistId: string, externalId: string): Promise<MemberRow | null> {
  const { rows } = await pool().query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM signups WHERE waitlist_id = $1 AND external_id = $2`,
    [waitlistId, externalId],
  );
  return rows[0] ?? null;
}

async function view(feature: Feature, externalId: string, row: MemberRow | null): Promise<MemberView> {
  const base = { feature_key: feature.key, waitlist_id: feature.waitlistId, links: { self: memberSelf(feature.key, externalId) } };
  if (!row || row.status === "REMOVED") return { ...base, signed_up: false };
  const position = row.status === "WAITING" ? await positionOf(pool(), feature.waitlistId, row.score, row.seq) : null;
  return { ...base, signed_up: true, status: memberStatus(row.status), position, ref_code: row.ref_code };
}

export async function checkMember(feature: Feature, externalId: string): Promise<MemberView> {
  return view(feature, externalId, await memberOf(feature.waitlistId, externalId));
}

/** PUT: the member after this call, and whether this call made them one (201 vs 200). */
export async function joinMember(feature: Feature, externalId: string, input: MemberPut): Promise<{ member: MemberView; created: boolean }> {
  const existing = await memberOf(feature.waitlistId, externalId);
  if (existing) return { member: await answerExisting(feature, externalId, existing), created: false };
  if (!input.email) {
    throw new AppError("invalid_input", "email: required the first time a user joins (they get the waitlist's emails).", "email");
  }
  const email = input.email;
  return oneAtATime(`${feature.waitlistId}\u0000${externalId}`, async () => {
    for (let attempt = 1; ; attempt++) {
      // Again inside the turn: a join of this user that went before it may have made them a member.
      const before = await memberOf(feature.waitlistId, externalId);
      if (before) return { member: await answerExisting(feature, externalId, before), created: false };
      // A new member is mailed (welcome or confirmation): the per-mailbox daily allowance of emails anyone can
      // cause (lib/signup-email/mail-caps.ts), so joining and leaving in a loop cannot flood one inbox.
      if (attempt === 1) {
        const cap = await consumeRecipientMailCap(email);
        if (!cap.allowed) {
          throw new AppError(
            "too_many_emails",
            "This address was already sent several waitlist emails today; try again tomorrow.",
            undefined,
            { "Retry-After": String(Math.max(1, cap.resetSeconds)) },
          );
        }
      }
      let created: Awaited<ReturnType<typeof createSignup>>;
      try {
        created = await createSignup({ waitlistId: feature.waitlistId, email, name: input.name ?? null, externalId });
      } catch (error) {
        // The user id was stored by a join in another process (this one answers that member), or by someone
        // else in our batch, which then failed whole (this one goes again, in a later batch).
        const e = error as { code?: string; constraint?: string };
        if (e.code === UNIQUE_VIOLATION && e.constraint === EXTERNAL_ID_TAKEN && attempt < JOIN_ATTEMPTS) continue;
        throw error;
      }
      switch (created.kind) {
        case "created":
          return { member: await checkMember(feature, externalId), created: true };
        case "full":
          throw new AppError("waitlist_full", "The waitlist is full: the owner's capacity or plan cap is reached.");
        case "closed":
          throw new AppError("waitlist_closed", "This waitlist is closed: it takes no new members right now.");
        case "not_found":
          throw new AppError("not_found", "The feature's waitlist no longer exists.");
        case "duplicate": {
          // The email is on the list: this user, stored a moment ago, or a person who signed up by the form.
          const again = await memberOf(feature.waitlistId, externalId);
          if (again) return { member: await answerExisting(feature, externalId, again), created: false };
          return { member: await linkByEmail(feature, externalId, email), created: true };
        }
      }
    }
  });
}

/**
 * Joins of one user to one list run one after another in this process: the second finds the member the first
 * made. (Two of them in one group-commit batch with different emails would fail the whole batch on the user
 * id's unique index, again and again.) Across processes the index decides, and the loser re-reads.
 */
const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const turn = (inFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
  inFlight.set(key, turn);
  try {
    return await turn;
  } finally {
    if (inFlight.get(key) === turn) inFlight.delete(key);
  }
}

async function answerExisting(feature: Feature, externalId: string, row: MemberRow): Promise<MemberView> {
  if (row.status === "REMOVED") {
    throw new AppError("conflict", "The waitlist's owner removed this user; only the owner can put them back in line.");
  }
  return view(feature, externalId, row);
}

/** The email's mailbox is on the list without an external id: that person becomes this user's membership. */
async function linkByEmail(feature: Feature, externalId: string, email: string): Promise<MemberView> {
  let linked: MemberRow | undefined;
  try {
    ({ rows: [linked] } = await pool().query<MemberRow>(
      // The mailbox's row, as the duplicate answer finds it (a.da+news@gmail.com is ada@gmail.com's place).
      `UPDATE signups SET external_id = $3
        WHERE waitlist_id = $1 AND mailbox = canonical_mailbox($2) AND NOT mailbox_shared
          AND external_id IS NULL AND status <> 'REMOVED'
       RETURNING ${MEMBER_COLUMNS}`,
      [feature.waitlistId, email, externalId],
    ));
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  }
  if (linked) return view(feature, externalId, linked);
  // Linked by a concurrent call of this user, or the email is someone else's member, or the owner removed it.
  const now = await memberOf(feature.waitlistId, externalId);
  if (now) return answerExisting(feature, externalId, now);
  throw new AppError(
    "conflict",
    "This email is already on the waitlist for another user id, or the owner removed it; use that user id or another email.",
    "email",
  );
}

/** DELETE: the member erases themselves; answers signed_up false whether or not they were a member. */
export async function leaveMember(feature: Feature, externalId: string): Promise<MemberView> {
  const row = await memberOf(feature.waitlistId, externalId);
  // A concurrent leave (or the owner's delete) may get there first: gone either way.
  if (row && (await removeSignup(feature.waitlistId, row.id, { keepCredit: true }))) await dropQueuedSignupJobs(row.id);
  return view(feature, externalId, null);
}

/** Every feature of the owner this user is signed up for (each key of a list with several keys is listed). */
export async function listMemberships(teamId: string, externalId: string): Promise<MembershipItem[]> {
  const { rows } = await pool().query<MemberRow & { key: string; waitlist_id: string }>(
    `SELECT f.key, f.waitlist_id, s.id, s.status, s.score, s.seq, s.ref_code, s.created_at
       FROM waitlist_features f JOIN signups s ON s.waitlist_id = f.waitlist_id AND s.external_id = $2
      WHERE f.team_id = $1 AND s.status <> 'REMOVED'
      ORDER BY f.key`,
    [teamId, externalId],
  );
  return Promise.all(
    rows.map(async (r) => ({
      feature_key: r.key,
      signed_up: true as const,
      waitlist_id: r.waitlist_id,
      status: memberStatus(r.status),
      position: r.status === "WAITING" ? await positionOf(pool(), r.waitlist_id, r.score, r.seq) : null,
      ref_code: r.ref_code,
      created_at: r.created_at.toISOString(),
      links: { self: memberSelf(r.key, externalId) },
    })),
  );
}

const memberStatus = (status: SignupStatusValue) => publicStatus(status) as MembershipItem["status"];
