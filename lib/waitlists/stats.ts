import "server-only";
import { pool } from "@/lib/db";

// The overview numbers of one waitlist (already authorised by the caller). Days are UTC days.

export type WaitlistStats = {
  total: number;
  waiting: number;
  invited: number;
  today: number;
  last_7_days: number;
  referred: number;
  referral_share: number;
  per_day: { date: string; signups: number }[];
  top_referrers: { email: string; name: string | null; referrals: number; ref_code: string }[];
};

const DAYS = 30;

export async function waitlistStats(waitlistId: string): Promise<WaitlistStats> {
  const [totals, perDay, top] = await Promise.all([
    pool().query<{ total: string; waiting: string; invited: string; today: string; week: string; referred: string }>(
      `SELECT COUNT(*) AS total,
              COUNT(*) FILTER (WHERE status = 'WAITING') AS waiting,
              COUNT(*) FILTER (WHERE status IN ('INVITED', 'JOINED')) AS invited,
              COUNT(*) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC')) AS today,
              COUNT(*) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') - interval '6 days') AS week,
              COUNT(*) FILTER (WHERE referred_by_id IS NOT NULL) AS referred
         FROM signups WHERE waitlist_id = $1`,
      [waitlistId],
    ),
    pool().query<{ date: string; signups: string }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS date, COUNT(s.id) AS signups
         FROM generate_series(date_trunc('day', now() AT TIME ZONE 'UTC') - interval '${DAYS - 1} days',
                              date_trunc('day', now() AT TIME ZONE 'UTC'), interval '1 day') d
         LEFT JOIN signups s ON s.waitlist_id = $1 AND s.created_at >= d AND s.created_at < d + interval '1 day'
        GROUP BY d ORDER BY d`,
      [waitlistId],
    ),
    pool().query<{ email: string; name: string | null; referral_count: number; ref_code: string }>(
      `SELECT email, name, referral_count, ref_code FROM signups
        WHERE waitlist_id = $1 AND referral_count > 0
        ORDER BY referral_count DESC, seq LIMIT 10`,
      [waitlistId],
    ),
  ]);
  const t = totals.rows[0]!;
  const total = Number(t.total);
  const referred = Number(t.referred);
  return {
    total,
    waiting: Number(t.waiting),
    invited: Number(t.invited),
    today: Number(t.today),
    last_7_days: Number(t.week),
    referred,
    referral_share: total === 0 ? 0 : referred / total,
    per_day: perDay.rows.map((r) => ({ date: r.date, signups: Number(r.signups) })),
    top_referrers: top.rows.map((r) => ({ email: r.email, name: r.name, referrals: r.referral_count, ref_code: r.ref_code })),
  };
}
