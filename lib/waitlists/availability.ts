import "server-only";
import { effectiveCap, plans } from "@/lib/billing/plans";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

// Whether the hosted page shows the form. Read fresh on every render, unlike the cached config: a list that
// fills up on launch day must stop showing a form that can only fail.

export type Availability = {
  state: "open" | "full" | "closed";
  signupCount: number;
  cap: number | null;
};

export function availabilityOf(row: {
  isOpen: boolean;
  signupCount: number;
  capacity: number | null;
  plan: "FREE" | "PRO";
}): Availability {
  const cap = effectiveCap(plans(env().FREE_SIGNUP_CAP)[row.plan], row.capacity);
  const state = !row.isOpen ? "closed" : cap !== null && row.signupCount >= cap ? "full" : "open";
  return { state, signupCount: row.signupCount, cap };
}

/** One primary-key read; null when the waitlist was deleted since the config was cached. */
export async function getAvailability(waitlistId: string): Promise<Availability | null> {
  const { rows } = await pool().query<{ is_open: boolean; signup_count: number; capacity: number | null; plan: "FREE" | "PRO" }>(
    `SELECT is_open, signup_count, capacity, plan FROM waitlists WHERE id = $1`,
    [waitlistId],
  );
  const row = rows[0];
  return row
    ? availabilityOf({ isOpen: row.is_open, signupCount: row.signup_count, capacity: row.capacity, plan: row.plan })
    : null;
}
