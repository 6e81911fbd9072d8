import "server-only";
import { pool } from "@/lib/db";

// A signup's source, one label per person: its utm_source, else the referring site, else "referral" (it came
// through someone's share link), else "direct". The same SQL expression labels the table, filters it, groups
// the overview's "Top sources" and fills the CSV's source column, so they always agree.

export const TOP_SOURCES_DAYS = 30;
export const TOP_SOURCES_LIMIT = 10;

/** The source label of the signups row aliased `s` (column names only: no request text goes in here). */
export function sourceSql(s: string): string {
  return `COALESCE(NULLIF(${s}.attribution->>'utm_source', ''), NULLIF(${s}.attribution->>'referrer', ''),
    CASE WHEN ${s}.referred_by_id IS NOT NULL OR ${s}.attribution ? 'ref' THEN 'referral' ELSE 'direct' END)`;
}

export type TopSource = { source: string; signups: number };

/**
 * The most common sources among the list's signups of the last 30 days (removed people included: they came
 * from somewhere too). Reads that window through the (waitlist_id, created_at) index, so its cost follows the
 * month's signups, not the size of the list (docs/metadata-and-attribution.md has the measurements).
 */
export async function topSources(waitlistId: string): Promise<TopSource[]> {
  const { rows } = await pool().query<{ source: string; signups: string }>(
    `SELECT ${sourceSql("s")} AS source, COUNT(*) AS signups
       FROM signups s
      WHERE s.waitlist_id = $1 AND s.created_at >= (now() AT TIME ZONE 'UTC') - make_interval(days => $2)
      GROUP BY 1
      ORDER BY 2 DESC, 1
      LIMIT $3`,
    [waitlistId, TOP_SOURCES_DAYS, TOP_SOURCES_LIMIT],
  );
  return rows.map((r) => ({ source: r.source, signups: Number(r.signups) }));
}
