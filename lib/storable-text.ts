import { z } from "zod";
import { hasLoneSurrogate } from "@/lib/unicode";

// PostgreSQL text (and jsonb) cannot hold NUL (U+0000), and jsonb cannot hold a lone UTF-16 surrogate (which
// JSON.stringify writes as a \ud800 escape): a value with either fails in the database, as a 500 (in a group
// commit, for everyone in the batch), unless it is refused at the boundary. Free-text fields of requests are
// built on this. Client-safe (zod only).

export const NUL_MESSAGE = "Text cannot contain NUL (\\u0000) characters.";
export const UNICODE_MESSAGE = "Text contains a broken character (a lone UTF-16 surrogate); remove it and try again.";

export { hasLoneSurrogate };

export function storableText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((v) => !v.includes("\0"), NUL_MESSAGE)
    .refine((v) => !hasLoneSurrogate(v), UNICODE_MESSAGE);
}
