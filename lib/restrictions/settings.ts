import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { refusalsLast7Days } from "@/lib/restrictions/refusals";
import type { RestrictionSettings, RestrictionsPatch, SignUpMode } from "@/lib/restrictions/schemas";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";

// The restrictions of an owned waitlist (callers checked the owner). "closed" is the existing is_open switch,
// the one source of truth for it: setting the mode writes is_open, and is_open = false reads back as closed.

// The stored columns: the settings' lists and switches as they are, plus the two the mode is read from.
type Row = Omit<RestrictionSettings, "sign_up_mode" | "country_header" | "refused_last_7_days"> & {
  is_open: boolean;
  sign_up_restricted: boolean;
};

export async function getRestrictionSettings(waitlistId: string): Promise<RestrictionSettings> {
  const [{ rows }, refused] = await Promise.all([
    pool().query<Row>(
      `SELECT is_open, sign_up_restricted, allowlist, blocklist, block_subaddresses, block_disposable,
              banned_keywords, country_mode, country_codes, velocity_per_ip, velocity_per_network, velocity_window_minutes
       FROM waitlists WHERE id = $1`,
      [waitlistId],
    ),
    refusalsLast7Days(waitlistId),
  ]);
  const row = rows[0];
  if (!row) throw new Error(`no waitlist ${waitlistId}`);
  const { is_open, sign_up_restricted, ...lists } = row;
  const mode: SignUpMode = !is_open ? "closed" : sign_up_restricted ? "restricted" : "public";
  return { sign_up_mode: mode, ...lists, country_header: env().COUNTRY_HEADER ?? null, refused_last_7_days: refused };
}

function modeColumns(mode: SignUpMode | undefined): [string, unknown][] {
  switch (mode) {
    case undefined:
      return [];
    case "closed":
      // The allowlist-only flag is kept: reopening with "restricted" or "public" says which.
      return [["is_open", false]];
    default:
      return [["is_open", true], ["sign_up_restricted", mode === "restricted"]];
  }
}

/** Stores the fields sent (undefined = unchanged) and drops the cached public config everywhere. */
export async function updateRestrictions(
  waitlist: { id: string; slug: string },
  input: RestrictionsPatch,
): Promise<RestrictionSettings> {
  const { sign_up_mode, ...rest } = input;
  const changes = [...modeColumns(sign_up_mode), ...Object.entries(rest).filter(([, v]) => v !== undefined)];
  if (changes.length > 0) {
    // Column names come from the strict schema's keys, never from the request; values are bind parameters.
    const sets = changes.map(([column], i) => `${column} = $${i + 2}`);
    await pool().query(`UPDATE waitlists SET ${sets.join(", ")}, updated_at = now() WHERE id = $1`, [
      waitlist.id,
      ...changes.map(([, v]) => v),
    ]);
    invalidatePublicWaitlist(waitlist.slug);
  }
  return getRestrictionSettings(waitlist.id);
}
