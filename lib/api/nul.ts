import { AppError } from "@/lib/errors";

// PostgreSQL text cannot hold U+0000: a NUL that reached a query made it fail with a 500. Every JSON body and
// owner query string is checked here, at the boundary, so any field (today's and future ones) gets the one
// 400 naming it instead.

const NUL = "\u0000";

/** The dotted path of the first string in `value` that contains U+0000 ("" for the value itself), or null. */
export function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path : null;
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(inner, path ? `${path}.${key}` : key) ?? (key.includes(NUL) ? path : null);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Throws 400 invalid_input naming the field when any string in `value` contains U+0000. */
export function assertNoNul(value: unknown): void {
  const field = findNul(value);
  if (field === null) return;
  throw new AppError("invalid_input", `${field || "The request"}: text may not contain the NUL character (U+0000).`, field || undefined);
}
