import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { getFieldDefinitions } from "@/lib/fields/mutations";
import { labelledAnswers, type LabelledAnswer } from "@/lib/fields/person";
import { signupOfOwnToken } from "@/lib/signups/own-token";
import { positionOf } from "@/lib/signups/position";
import { sharePath } from "@/lib/signups/service";
import { publicStatus, type SignupStatusValue } from "@/lib/signups/statuses";

// "Download my data": everything we hold about one person on one waitlist, as a JSON file, opened with their
// status token (lib/signups/own-token.ts). Nothing about anyone else: whether they were referred, never by
// whom; how many they referred, never who. Secrets stay out too: token hashes and provider message ids are
// ours, not data about the person.

/** Optional facts that exist for some people only (and columns other features add): included when set. */
const OPTIONAL_FIELDS = ["confirmed_at", "invited_at", "joined_at", "removed_at", "invite_code"] as const;

export type MyData = {
  waitlist: { title: string; url: string };
  exported_at: string;
  signup: {
    email: string;
    name: string | null;
    company: string | null;
    twitter: string | null;
    status: Lowercase<SignupStatusValue>;
    /** Place in line while waiting; null otherwise. */
    position: number | null;
    ref_code: string;
    share_url: string;
    referral_count: number;
    referred: boolean;
    unsubscribed: boolean;
    created_at: string;
    unsubscribed_at: string | null;
  } & Partial<Record<(typeof OPTIONAL_FIELDS)[number], string>>;
  emails: { kind: string; sent_at: string }[];
  /** Their answers to the list's own questions (lib/fields), when they gave any. */
  answers?: LabelledAnswer[];
};

type Row = {
  waitlist_id: string;
  slug: string;
  title: string;
  email: string;
  name: string | null;
  company: string | null;
  twitter: string | null;
  status: SignupStatusValue;
  score: number;
  seq: number;
  ref_code: string;
  referral_count: number;
  referred: boolean;
  created_at: Date;
  unsubscribed_at: Date | null;
  /** The whole row, read for OPTIONAL_FIELDS: they exist (or not) depending on which features are in. */
  row: Record<string, unknown>;
};

/** The person's data, or null for a token that opens nothing. */
export async function exportMyData(token: string): Promise<{ slug: string; data: MyData } | null> {
  const own = await signupOfOwnToken(token, ["status"]);
  if (!own) return null;
  const { rows } = await pool().query<Row>(
    `SELECT s.waitlist_id, w.slug, w.title, s.email, s.name, s.company, s.twitter, s.status, s.score, s.seq, s.ref_code,
            s.referral_count, s.referred_by_id IS NOT NULL AS referred, s.created_at, s.unsubscribed_at, to_jsonb(s) AS row
       FROM signups s JOIN waitlists w ON w.id = s.waitlist_id WHERE s.id = $1`,
    [own.signupId],
  );
  const r = rows[0];
  if (!r) return null;
  const emails = await pool().query<{ kind: string; sent_at: Date }>(
    `SELECT kind, sent_at FROM signup_emails WHERE signup_id = $1 ORDER BY sent_at, event_key`,
    [own.signupId],
  );
  const optional: Partial<Record<(typeof OPTIONAL_FIELDS)[number], string>> = {};
  for (const field of OPTIONAL_FIELDS) {
    const value = r.row[field];
    // to_jsonb writes timestamp(3) without a zone; they are UTC like every time we store.
    if (typeof value === "string" && value !== "") optional[field] = field.endsWith("_at") ? asUtc(value) : value;
  }
  const answers = labelledAnswers(await getFieldDefinitions(r.waitlist_id), r.row.answers);
  const origin = env().appOrigin;
  return {
    slug: r.slug,
    data: {
      waitlist: { title: r.title, url: `${origin}/w/${r.slug}` },
      exported_at: new Date().toISOString(),
      signup: {
        email: r.email,
        name: r.name,
        company: r.company,
        twitter: r.twitter,
        status: publicStatus(r.status),
        position: r.status === "WAITING" ? await positionOf(pool(), r.waitlist_id, r.score, r.seq) : null,
        ref_code: r.ref_code,
        share_url: `${origin}${sharePath(r.slug, r.ref_code)}`,
        referral_count: r.referral_count,
        referred: r.referred,
        unsubscribed: r.unsubscribed_at !== null,
        created_at: r.created_at.toISOString(),
        unsubscribed_at: r.unsubscribed_at?.toISOString() ?? null,
        ...optional,
      },
      emails: emails.rows.map((e) => ({ kind: e.kind, sent_at: e.sent_at.toISOString() })),
      ...(answers.length > 0 ? { answers } : {}),
    },
  };
}

function asUtc(timestamp: string): string {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
  return Number.isNaN(date.getTime()) ? timestamp : date.toISOString();
}
