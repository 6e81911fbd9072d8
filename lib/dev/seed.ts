import "server-only";
import { db } from "@/lib/db";
import { createSignup, type CreateSignupResult } from "@/lib/signups/mutations";

// Demo data for a fresh dev database: one owner, one waitlist at /demo and a handful of people in line, some
// of them referred (so positions, referral counts and the owner dashboard have something to show).
// Idempotent: re-running finds the owner and the waitlist, and createSignup answers "duplicate" for known emails.

export const DEMO_OWNER_EMAIL = "demo@waitforge.local";
export const DEMO_SLUG = "demo";

type DemoPerson = { email: string; name: string; company?: string; twitter?: string; referredBy?: string };

const PEOPLE: DemoPerson[] = [
  { email: "ada@example.com", name: "Ada Lovelace", company: "Analytical Engines" },
  { email: "grace@example.com", name: "Grace Hopper", company: "COBOL Inc", twitter: "gracehopper" },
  { email: "alan@example.com", name: "Alan Turing" },
  { email: "katherine@example.com", name: "Katherine Johnson", referredBy: "ada@example.com" },
  { email: "linus@example.com", name: "Linus Torvalds", company: "Kernel Co" },
  { email: "margaret@example.com", name: "Margaret Hamilton", referredBy: "ada@example.com" },
  { email: "dennis@example.com", name: "Dennis Ritchie", twitter: "dmr" },
  { email: "barbara@example.com", name: "Barbara Liskov", referredBy: "grace@example.com" },
];

export type SeedResult = {
  waitlistId: string;
  slug: string;
  /** Whether the demo waitlist was created by this call (false: it existed). */
  createdWaitlist: boolean;
  /** Signups added by this call (existing emails are left alone). */
  addedSignups: number;
};

/** True when the demo waitlist exists; dev start-up seeds only when it does not. */
export async function demoExists(): Promise<boolean> {
  return (await db().waitlist.count({ where: { slug: DEMO_SLUG } })) > 0;
}

export async function seedDemo(): Promise<SeedResult> {
  const owner = await db().user.upsert({
    where: { email: DEMO_OWNER_EMAIL },
    create: { email: DEMO_OWNER_EMAIL, name: "Demo Owner", emailVerified: new Date() },
    update: {},
  });

  const existing = await db().waitlist.findUnique({ where: { slug: DEMO_SLUG } });
  const waitlist =
    existing ??
    (await db().waitlist.create({
      data: {
        teamId: (await db().team.findUniqueOrThrow({ where: { personalOf: owner.id }, select: { id: true } })).id,
        createdBy: owner.id,
        slug: DEMO_SLUG,
        title: "Acme AI",
        description: "Be the first to know.",
        fieldName: true,
      },
    }));

  const refCodes = new Map<string, string>();
  let addedSignups = 0;
  for (const person of PEOPLE) {
    const ref = person.referredBy ? refCodes.get(person.referredBy) : undefined;
    const result: CreateSignupResult = await createSignup({
      waitlistId: waitlist.id,
      email: person.email,
      name: person.name,
      company: person.company ?? null,
      twitter: person.twitter ?? null,
      ref: ref ?? null,
    });
    if (result.kind === "created") addedSignups++;
    if (result.kind === "created" || result.kind === "duplicate") refCodes.set(person.email, result.refCode);
    else throw new Error(`seeding ${person.email} into /${DEMO_SLUG} failed: ${result.kind}`);
  }

  return { waitlistId: waitlist.id, slug: DEMO_SLUG, createdWaitlist: !existing, addedSignups };
}
