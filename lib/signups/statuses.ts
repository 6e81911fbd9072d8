// A signup's life, client-safe (the one list of statuses; the database enum "SignupStatus" matches it).
//   PENDING  double opt-in is on and the email is not confirmed yet: not in line, not counted in positions,
//            not credited as a referral, not exported by default.
//   WAITING  in line: the only status that has a position (lib/signups/position.ts).
//   INVITED  let in by the owner (one by one, the top N, or a scheduled wave); out of the line.
//   JOINED   uses the owner's product (the owner marks it, or the owner's app reports it).
//   REMOVED  taken off the list by the owner; the row stays for the owner's records.
// Deleting a row (the owner's "delete", the person's own erasure) is not a status.

export const SIGNUP_STATUSES = ["PENDING", "WAITING", "INVITED", "JOINED", "REMOVED"] as const;
export type SignupStatusValue = (typeof SIGNUP_STATUSES)[number];

/** The status as APIs and pages spell it. */
export function publicStatus(status: SignupStatusValue): Lowercase<SignupStatusValue> {
  return status.toLowerCase() as Lowercase<SignupStatusValue>;
}
