import { z } from "zod";
import { hasLoneSurrogate } from "@/lib/attribution/rules";
import { NUL_MESSAGE } from "@/lib/storable-text";

// A signup's `metadata`: whatever the caller wants to keep with the person (a plan they picked, an internal id),
// within fixed bounds (docs/metadata-and-attribution.md): at most 10 keys, keys 1 to 1,024 characters, values a
// string of at most 1,024 characters, a finite number, a boolean or null. Nested objects and arrays are refused,
// not flattened or dropped. Client-safe (zod only). Lengths are JavaScript string lengths (UTF-16 units).

export const METADATA_MAX_KEYS = 10;
export const METADATA_MAX_KEY_LENGTH = 1024;
export const METADATA_MAX_VALUE_LENGTH = 1024;

// PostgreSQL's jsonb refuses a lone UTF-16 surrogate; refused here, it is a 400 instead of a failed statement.
const UNICODE_MESSAGE = "Metadata text must be valid Unicode (it has a lone surrogate).";

export type MetadataValue = string | number | boolean | null;
export type Metadata = Record<string, MetadataValue>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function valueProblem(value: unknown): string | null {
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : "Metadata numbers must be finite.";
  if (typeof value === "string") {
    if (value.includes("\0")) return NUL_MESSAGE;
    if (hasLoneSurrogate(value)) return UNICODE_MESSAGE;
    return value.length <= METADATA_MAX_VALUE_LENGTH
      ? null
      : `Metadata values are at most ${METADATA_MAX_VALUE_LENGTH} characters.`;
  }
  if (Array.isArray(value) || typeof value === "object") {
    return "Metadata values must be a string, number, boolean or null: nested objects and arrays are not accepted.";
  }
  return "Metadata values must be a string, number, boolean or null.";
}

/**
 * `metadata` of a signup request: absent or null is none; an empty object is none too. Each issue's path is
 * `metadata` (the whole object) or `metadata.<key>`, which the signup service reports as `error.field`.
 */
export const metadataSchema = z.unknown().transform((raw, ctx): Metadata | null => {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) {
    ctx.addIssue({ code: "custom", message: "metadata must be an object of keys and values.", path: [] });
    return z.NEVER;
  }
  const entries = Object.entries(raw);
  if (entries.length > METADATA_MAX_KEYS) {
    ctx.addIssue({ code: "custom", message: `metadata has at most ${METADATA_MAX_KEYS} keys (got ${entries.length}).`, path: [] });
    return z.NEVER;
  }
  for (const [key, value] of entries) {
    const keyProblem =
      key.length === 0
        ? "Metadata keys cannot be empty."
        : key.length > METADATA_MAX_KEY_LENGTH
          ? `Metadata keys are at most ${METADATA_MAX_KEY_LENGTH} characters.`
          : key.includes("\0")
            ? NUL_MESSAGE
            : hasLoneSurrogate(key)
              ? UNICODE_MESSAGE
              : null;
    const problem = keyProblem ?? valueProblem(value);
    if (problem) {
      // A key too long to be useful in a field name is named by its start.
      const name = key.length > 64 ? `${key.slice(0, 64)}…` : key;
      ctx.addIssue({ code: "custom", message: problem, path: key === "" ? [] : [name] });
      return z.NEVER;
    }
  }
  // Object.fromEntries defines each key as an own property, so "__proto__" stays data, not a prototype.
  return entries.length === 0 ? null : (Object.fromEntries(entries) as Metadata);
});
