// "Download my data" (lib/signups/my-data.ts) includes what a signup carried: its metadata and where it came
// from. Not the referral code used: that points at another person, and the download says whether someone
// referred them, never who.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function myDataExtras(row: Json): { metadata?: Json; attribution?: Json } {
  const out: { metadata?: Json; attribution?: Json } = {};
  if (isObject(row.metadata)) out.metadata = row.metadata;
  if (isObject(row.attribution)) {
    const { ref: _ref, ...rest } = row.attribution;
    if (Object.keys(rest).length > 0) out.attribution = rest;
  }
  return out;
}
