import "server-only";
import { pool } from "@/lib/db";
import { logger } from "@/lib/log";
import { RULE_NAMES, type RestrictionRule } from "@/lib/restrictions/schemas";

// Refusal counters per waitlist, rule and UTC day: one upsert per refusal (refusals only, never on the
// accepted path), summed over the last 7 days for the owner.

export async function countRefusal(waitlistId: string, rule: RestrictionRule): Promise<void> {
  try {
    await pool().query(
      `INSERT INTO signup_refusals (waitlist_id, day, rule, count)
       VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, 1)
       ON CONFLICT (waitlist_id, day, rule) DO UPDATE SET count = signup_refusals.count + 1`,
      [waitlistId, rule],
    );
  } catch (error) {
    // A lost count must not turn the person's clear refusal into a 500.
    logger.warn("refusal not counted", { waitlistId, rule, error: String(error) });
  }
}

export async function refusalsLast7Days(waitlistId: string): Promise<Record<RestrictionRule, number>> {
  const { rows } = await pool().query<{ rule: string; total: string }>(
    `SELECT rule, SUM(count)::text AS total FROM signup_refusals
     WHERE waitlist_id = $1 AND day > (now() AT TIME ZONE 'UTC')::date - 7
     GROUP BY rule`,
    [waitlistId],
  );
  const totals = Object.fromEntries(RULE_NAMES.map((r) => [r, 0])) as Record<RestrictionRule, number>;
  for (const row of rows) if (row.rule in totals) totals[row.rule as RestrictionRule] = Number(row.total);
  return totals;
}
