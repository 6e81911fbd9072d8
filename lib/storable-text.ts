import { z } from "zod";

// PostgreSQL text (and jsonb) cannot hold NUL (U+0000): a value with one fails in the database, as a 500,
// unless it is refused at the boundary. Free-text fields of requests are built on this. Client-safe (zod only).

export const NUL_MESSAGE = "Text cannot contain NUL (\\u0000) characters.";

export function storableText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((v) => !v.includes("\0"), NUL_MESSAGE);
}
