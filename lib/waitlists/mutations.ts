import "server-only";
import { AppError } from "@/lib/errors";
import { db, withTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rescoreWaitlist } from "@/lib/signups/position";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";
import { requireOwnedWaitlist, toOwnedWaitlist, type OwnedWaitlist } from "@/lib/waitlists/queries";
import { themeSchema, type CreateWaitlistInput, type UpdateWaitlistInput } from "@/lib/waitlists/schemas";

export async function createWaitlist(ownerId: string, input: CreateWaitlistInput): Promise<OwnedWaitlist> {
  try {
    const row = await db().waitlist.create({
      data: { ownerId, slug: input.slug, title: input.title, description: input.description, theme: themeSchema.parse({}) },
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

export async function updateWaitlist(ownerId: string, id: string, input: UpdateWaitlistInput): Promise<OwnedWaitlist> {
  const current = await requireOwnedWaitlist(ownerId, id);
  const data: Prisma.WaitlistUpdateInput = {};
  if (input.title !== undefined) data.title = input.title;
  if (input.description !== undefined) data.description = input.description;
  if (input.theme) data.theme = { ...current.theme, ...input.theme };
  if (input.fields?.name !== undefined) data.fieldName = input.fields.name;
  if (input.fields?.company !== undefined) data.fieldCompany = input.fields.company;
  if (input.fields?.twitter !== undefined) data.fieldTwitter = input.fields.twitter;
  if (input.capacity !== undefined) data.capacity = input.capacity;
  if (input.is_open !== undefined) data.isOpen = input.is_open;
  if (input.allowed_hosts !== undefined) data.allowedHosts = input.allowed_hosts;
  if (Object.keys(data).length > 0) {
    const r = await db().waitlist.updateMany({ where: { id, ownerId }, data: data as Prisma.WaitlistUpdateManyMutationInput });
    if (r.count === 0) throw new AppError("not_found", "No waitlist with this id in your account.");
  }
  const boost = input.referral_boost;
  if (boost !== undefined && boost !== current.referral_boost) {
    await withTransaction(async (client) => {
      // The row lock first, as every signup takes it: a rescore never interleaves with a signup.
      const locked = await client.query(`SELECT id FROM waitlists WHERE id = $1 AND owner_id = $2 FOR UPDATE`, [id, ownerId]);
      if (locked.rowCount === 0) throw new AppError("not_found", "No waitlist with this id in your account.");
      await client.query(`UPDATE waitlists SET referral_boost = $2, updated_at = now() WHERE id = $1`, [id, boost]);
      await rescoreWaitlist(client, id, boost);
    });
  }
  invalidatePublicWaitlist(current.slug);
  return requireOwnedWaitlist(ownerId, id);
}

export async function deleteWaitlist(ownerId: string, id: string): Promise<void> {
  const { count, slug } = await db().$transaction(async (tx) => {
    const w = await tx.waitlist.findFirst({ where: { id, ownerId }, select: { slug: true } });
    if (!w) return { count: 0, slug: "" };
    const r = await tx.waitlist.deleteMany({ where: { id, ownerId } });
    return { count: r.count, slug: w.slug };
  });
  if (count === 0) throw new AppError("not_found", "No waitlist with this id in your account.");
  invalidatePublicWaitlist(slug);
}
