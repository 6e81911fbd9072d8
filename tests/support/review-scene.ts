import { createSignup, type CreateSignupResult } from "@/lib/signups/mutations";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";

// A waitlist with held referral credits: a few people, a referrer (the last of them) and friends joining
// through the referrer's link from one IP. With velocity_per_ip 1 the first friend is credited and the rest
// are held for review.

function created(r: CreateSignupResult) {
  if (r.kind !== "created") throw new Error(`expected a new signup, got ${r.kind}`);
  return r;
}

export async function heldScene(ownerId: string, { people = 3, friends = 4, ip = "198.51.100.7" } = {}) {
  const waitlist = await createWaitlist({ ownerId, plan: "PRO", velocityPerIp: 1 });
  const line = [];
  for (let i = 0; i < people; i++) line.push(created(await createSignup({ waitlistId: waitlist.id, email: uniqueEmail() })));
  const referrer = line.at(-1)!;
  const joined = [];
  for (let i = 0; i < friends; i++) {
    joined.push(created(await createSignup({ waitlistId: waitlist.id, email: uniqueEmail(), ref: referrer.refCode, ip })));
  }
  const [credited, ...held] = joined;
  return { waitlist, line, referrer, credited: credited!, held };
}
