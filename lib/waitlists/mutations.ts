import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { startDigestBaseline } from "@/lib/signup-email/digest-baseline";
import { rescoreLine, withLockedLine } from "@/lib/signups/line";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";
import { requireTeamWaitlist, toOwnedWaitlist, type OwnedWaitlist } from "@/lib/waitlists/queries";
import { readTheme, themeSchema, type CreateWaitlistInput, type UpdateWaitlistInput } from "@/lib/waitlists/schemas";

/**
 * A new list of the team, on the team's plan (the signup statement reads the plan from the list's row). The plan
 * is read FOR SHARE in the transaction that inserts the list: a plan change (the Stripe webhook's transaction,
 * which locks the team's row, then copies the plan onto every list) under way is waited for and its plan taken;
 * one that starts meanwhile waits for this list to commit, then copies its plan onto it too.
 */
export async function createWaitlist(teamId: string, createdBy: string | null, input: CreateWaitlistInput): Promise<OwnedWaitlist> {
  try {
    const row = await db().$transaction(async (tx) => {
      const [team] = await tx.$queryRaw<{ plan: "FREE" | "PRO" }[]>`SELECT plan::text AS plan FROM teams WHERE id = ${teamId} FOR SHARE`;
      if (!team) throw new AppError("not_found", "No such team.");
      return tx.waitlist.create({
        data: {
          teamId,
          createdBy,
          plan: team.plan,
          slug: input.slug,
          title: input.title,
          description: input.description,
          theme: themeSchema.parse({}),
        },
      });
    });
    // A recent 404 for this slug may be cached.
    invalidatePublicWaitlist(row.slug);
    return toOwnedWaitlist(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("slug_taken", `The address /w/${input.slug} is already taken. Try another.`, "slug");
    }
    throw error;
  }
}

/**
 * One transaction under the waitlist row lock (as every signup takes it): the settings, and when the referral
 * boost changes, the rescore of the whole line (lib/signups/line.ts), so no signup interleaves with either.
 */
export async function updateWaitlist(teamId: string, id: string, input: UpdateWaitlistInput): Promise<OwnedWaitlist> {
  const slug = await withLockedLine(
    id,
    async (line) => {
      // Column names are ours; every value is a bind parameter. undefined = not sent, null = cleared.
      const changes: [column: string, value: unknown][] = [
        ["title", input.title],
        ["description", input.description],
        ["capacity", input.capacity],
        ["is_open", input.is_open],
        ["field_name", input.fields?.name],
        ["field_company", input.fields?.company],
        ["field_twitter", input.fields?.twitter],
        ["allowed_hosts", input.allowed_hosts],
        ["double_opt_in", input.double_opt_in],
        ["referral_digest", input.referral_digest],
      ];
      if (input.referral_digest) await startDigestBaseline(line.client, id);
      if (input.theme) {
        const { rows } = await line.client.query<{ theme: unknown }>(`SELECT theme FROM waitlists WHERE id = $1`, [id]);
        changes.push(["theme", JSON.stringify({ ...readTheme(rows[0]?.theme), ...input.theme })]);
      }
      const sent = changes.filter(([, value]) => value !== undefined);
      if (sent.length > 0) {
        const sets = sent.map(([column], i) => `${column} = $${i + 2}${column === "theme" ? "::jsonb" : ""}`);
        await line.client.query(`UPDATE waitlists SET ${sets.join(", ")}, updated_at = now() WHERE id = $1`, [
          id,
          ...sent.map(([, value]) => value),
        ]);
      }
      const boost = input.referral_boost;
      if (boost !== undefined && boost !== line.waitlist.referralBoost) await rescoreLine(line, boost);
      return line.waitlist.slug;
    },
    teamId,
  );
  if (slug === null) throw new AppError("not_found", "No waitlist with this id in your account.");
  invalidatePublicWaitlist(slug);
  return requireTeamWaitlist(teamId, id);
}

export async function deleteWaitlist(teamId: string, id: string): Promise<void> {
  const { count, slug } = await db().$transaction(async (tx) => {
    const w = await tx.waitlist.findFirst({ where: { id, teamId }, select: { slug: true } });
    if (!w) return { count: 0, slug: "" };
    const r = await tx.waitlist.deleteMany({ where: { id, teamId } });
    return { count: r.count, slug: w.slug };
  });
  if (count === 0) throw new AppError("not_found", "No waitlist with this id in your account.");
  invalidatePublicWaitlist(slug);
}
