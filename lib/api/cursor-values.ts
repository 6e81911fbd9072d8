// What a keyset cursor may carry back into SQL: values the server wrote, checked strictly, because a crafted
// one that PostgreSQL refuses to cast ("1" as a timestamp, 36 dashes as a uuid, 30 February) would otherwise
// be a 500 instead of the documented 400 or 404.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** An instant exactly as Date#toISOString writes it (so 2026-02-30 is refused, not rolled over). */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === "string" && ISO_MS.test(value) && new Date(value).toISOString() === value;
}
