// The canonical mailbox of an address: what the signups.mailbox column holds, computed by the SQL function
// canonical_mailbox() (prisma/migrations/20261202095000_referral_integrity), which is the definition: this is
// its mirror for keys outside the database (the per-address mail caps). lib/signups/mailbox.test.ts runs both
// over the same addresses. Client-safe.
//
//   lowercase; the +tag dropped unless the local part is quoted or starts with '+'; for gmail.com and
//   googlemail.com (the provider documents dots as ignored and the two domains as one) dots dropped too.

const DOTLESS = new Set(["gmail.com", "googlemail.com"]);

export function canonicalMailbox(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf("+");
  if (!local.startsWith('"') && plus > 0) local = local.slice(0, plus);
  if (DOTLESS.has(domain)) {
    domain = "gmail.com";
    const dotless = local.replaceAll(".", "");
    if (dotless !== "") local = dotless;
  }
  return `${local}@${domain}`;
}
