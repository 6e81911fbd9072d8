import "server-only";
import { AppError } from "@/lib/errors";
import { pool } from "@/lib/db";
import { positionSql } from "@/lib/signups/position";
import type { ListSignupsQuery } from "@/lib/signups/schemas";
import { publicStatus, type SignupStatusValue } from "@/lib/signups/statuses";

// The owner's view of a waitlist's people, with positions from lib/signups/position.ts. Callers have already
// checked that the waitlist belongs to the owner (requireOwnedWaitlist).

export type SignupRow = {
  id: string;
  position: number | null;
  email: string;
  name: string | null;
  company: string | null;
  twitter: string | null;
  ref_code: string;
  referred_by: string | null;
  referrals: number;
  /** "pending": double opt-in, not confirmed yet (no position, listed after everyone in line). */
  status: Lowercase<SignupStatusValue>;
  joined_at: string;
  invited_at: string | null;
  /** A product's user id (feature waitlists, docs/feature-waitlists.md); null for everyone else. */
  external_id: string | null;
  /** Answers to the list's questions by question id (lib/fields); null when none were given. */
  answers: Record<string, unknown> | null;
};

export type SignupPage = { signups: SignupRow[]; next_cursor: string | null };

type DbRow = {
  id: string;
  position: string | null;
  email: string;
  name: string | null;
  company: string | null;
  twitter: string | null;
  ref_code: string;
  referred_by: string | null;
  referral_count: number;
  status: SignupStatusValue;
  created_at: Date;
  invited_at: Date | null;
  external_id: string | null;
  answers: Record<string, unknown> | null;
  score: number;
  seq: number;
};

// Position order: everyone waiting by (score, seq), then the invited by seq; keyset on (rank, score, seq).
// Join order: newest first; keyset on seq.
function encodeCursor(c: number[]): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

// Cursor values are compared with int columns (score, seq): anything outside int4 is not a cursor we wrote,
// and PostgreSQL would refuse the cast.
const isInt4 = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31;

function decodeCursor(raw: string | undefined, length: number): number[] | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === length && value.every(isInt4)) return value;
  } catch {
    // fall through
  }
  throw new AppError("invalid_input", "The cursor is not valid; start again from the first page.", "cursor");
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listSignups(waitlistId: string, query: ListSignupsQuery): Promise<SignupPage> {
  const values: unknown[] = [waitlistId];
  const where = ["s.waitlist_id = $1"];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (query.status !== "all") where.push(`s.status = ${param(query.status.toUpperCase())}::"SignupStatus"`);
  if (query.q) {
    const p = param(likePattern(query.q.toLowerCase()));
    where.push(
      `(s.email LIKE ${p} OR lower(coalesce(s.name, '')) LIKE ${p} OR lower(coalesce(s.company, '')) LIKE ${p}` +
        ` OR lower(coalesce(s.external_id, '')) LIKE ${p})`,
    );
  }
  const rank = `(CASE WHEN s.status = 'WAITING' THEN 0 ELSE 1 END)`;
  let order: string;
  if (query.order === "position") {
    const c = decodeCursor(query.cursor, 3);
    if (c) where.push(`(${rank}, CASE WHEN s.status = 'WAITING' THEN s.score ELSE 0 END, s.seq) > (${param(c[0])}::int, ${param(c[1])}::int, ${param(c[2])}::int)`);
    order = `${rank}, CASE WHEN s.status = 'WAITING' THEN s.score ELSE 0 END, s.seq`;
  } else {
    const c = decodeCursor(query.cursor, 1);
    if (c) where.push(`s.seq < ${param(c[0])}::int`);
    order = "s.seq DESC";
  }
  const limit = param(query.limit + 1);
  const { rows } = await pool().query<DbRow>(
    `SELECT s.id, s.email, s.name, s.company, s.twitter, s.ref_code, s.referral_count, s.status, s.created_at,
            s.invited_at, s.external_id, s.answers, s.score, s.seq, r.email AS referred_by,
            CASE WHEN s.status = 'WAITING' THEN ${positionSql("s.waitlist_id", "s.score", "s.seq")} END AS position
       FROM signups s LEFT JOIN signups r ON r.id = s.referred_by_id
      WHERE ${where.join(" AND ")}
      ORDER BY ${order}
      LIMIT ${limit}`,
    values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let next: string | null = null;
  if (rows.length > query.limit && last) {
    const waiting = last.status === "WAITING";
    next = encodeCursor(query.order === "position" ? [waiting ? 0 : 1, waiting ? last.score : 0, last.seq] : [last.seq]);
  }
  return { signups: page.map(toSignupRow), next_cursor: next };
}

function toSignupRow(r: DbRow): SignupRow {
  return {
    id: r.id,
    position: r.position === null ? null : Number(r.position),
    email: r.email,
    name: r.name,
    company: r.company,
    twitter: r.twitter,
    ref_code: r.ref_code,
    referred_by: r.referred_by,
    referrals: r.referral_count,
    status: publicStatus(r.status),
    joined_at: r.created_at.toISOString(),
    invited_at: r.invited_at?.toISOString() ?? null,
    external_id: r.external_id,
    answers: r.answers,
  };
}

/** The status of a person on this waitlist, or null when they are not on it. */
export async function signupStatusOf(waitlistId: string, signupId: string): Promise<SignupStatusValue | null> {
  const { rows } = await pool().query<{ status: SignupStatusValue }>(
    `SELECT status FROM signups WHERE id = $1::uuid AND waitlist_id = $2`,
    [signupId, waitlistId],
  );
  return rows[0]?.status ?? null;
}
