import { randomBytes } from "node:crypto";
import pg from "pg";
import { readRunInfo } from "../run-info";

// Waitlists for the hosted-page specs, written straight into the run's database (the server under test reads
// it through its 30 s config cache, so every spec makes its own waitlist under a fresh slug instead of
// editing a shared one). Plain SQL on pg: ids are supplied here because Prisma's cuid() default lives in
// the client, not in the table.

let pool: pg.Pool | undefined;

function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL ?? readRunInfo().databaseUrl, max: 2 });
  return pool;
}

export async function closeHostedDb(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export type HostedWaitlistInput = {
  title?: string;
  description?: string;
  theme?: Record<string, string>;
  fields?: { name?: boolean; company?: boolean; twitter?: boolean };
  capacity?: number | null;
  plan?: "FREE" | "PRO";
  isOpen?: boolean;
  referralBoost?: number;
};

export function uniqueSlug(prefix = "e2e"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export function uniqueEmail(prefix = "visitor"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function createHostedWaitlist(input: HostedWaitlistInput = {}): Promise<{ id: string; slug: string; title: string }> {
  const suffix = randomBytes(6).toString("hex");
  const slug = uniqueSlug();
  const title = input.title ?? "Launchpad";
  await db().query(`INSERT INTO users (id, email, updated_at) VALUES ($1, $2, now())`, [
    `e2e-owner-${suffix}`,
    `owner-${suffix}@example.com`,
  ]);
  await db().query(
    `INSERT INTO waitlists (id, owner_id, slug, title, description, theme, field_name, field_company, field_twitter,
                            capacity, plan, is_open, referral_boost, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())`,
    [
      `e2e-waitlist-${suffix}`,
      `e2e-owner-${suffix}`,
      slug,
      title,
      input.description ?? "",
      JSON.stringify(input.theme ?? {}),
      input.fields?.name ?? true,
      input.fields?.company ?? false,
      input.fields?.twitter ?? false,
      input.capacity ?? null,
      input.plan ?? "FREE",
      input.isOpen ?? true,
      input.referralBoost ?? 1,
    ],
  );
  return { id: `e2e-waitlist-${suffix}`, slug, title };
}

export async function referralCountOf(slug: string, refCode: string): Promise<number> {
  const { rows } = await db().query<{ referral_count: number }>(
    `SELECT s.referral_count FROM signups s JOIN waitlists w ON w.id = s.waitlist_id WHERE w.slug = $1 AND s.ref_code = $2`,
    [slug, refCode],
  );
  return rows[0]?.referral_count ?? -1;
}

export async function signupEmailsWithRef(slug: string): Promise<{ email: string; referredBy: string | null }[]> {
  const { rows } = await db().query<{ email: string; referred_by: string | null }>(
    `SELECT s.email, r.ref_code AS referred_by FROM signups s JOIN waitlists w ON w.id = s.waitlist_id
       LEFT JOIN signups r ON r.id = s.referred_by_id WHERE w.slug = $1 ORDER BY s.seq`,
    [slug],
  );
  return rows.map((r) => ({ email: r.email, referredBy: r.referred_by }));
}
