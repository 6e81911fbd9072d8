import { z } from "zod";
import { AUDIT_CATEGORIES } from "@/lib/audit/actions";

// The audit log's filters at the boundary (client-safe): GET /api/teams/:teamId/audit's query, and the
// dashboard's filter form (its own short names, mapped onto these by `fromDashboardSearch`).

export const AUDIT_PAGE_MAX = 100;
export const AUDIT_PAGE_DEFAULT = 50;

const emptyAsUnset = (v: unknown) => (v === "" ? undefined : v);
/** Ids as the app writes them (cuid users and waitlists, uuid keys): nothing else can match, so nothing else is sent to SQL. */
const id = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} is not an id.`);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EARLIEST = Date.parse("2000-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T00:00:00.000Z");

/** A UTC day (2026-12-03) or an ISO 8601 instant with its offset. `end`: a day means up to its end. */
function instant(field: "from" | "to") {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      const day = DAY.exec(value);
      let t = Number.NaN;
      if (day) {
        t = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
        // Date.UTC rolls 2026-02-30 over into March: a day that does not exist is refused instead.
        if (new Date(t).toISOString().slice(0, 10) !== value) t = Number.NaN;
        else if (field === "to") t += 86_400_000;
      } else if (INSTANT.test(value)) {
        t = Date.parse(value);
        // `to` is inclusive: the exclusive bound the query uses is the next millisecond.
        if (field === "to" && !Number.isNaN(t)) t += 1;
      }
      if (Number.isNaN(t) || t < EARLIEST || t > LATEST) {
        ctx.addIssue({ code: "custom", message: `Use a date like 2026-12-03 (UTC) or an ISO 8601 time with its offset, from the year 2000.` });
        return z.NEVER;
      }
      return new Date(t);
    });
}

export const auditQuerySchema = z
  .object({
    /** A member's user id or an API key's id; `system` for Stripe and other automatic changes. */
    actor: z.preprocess(emptyAsUnset, z.union([z.literal("system"), id("actor")]).optional()),
    category: z.preprocess(emptyAsUnset, z.enum(AUDIT_CATEGORIES, { message: `category is one of ${AUDIT_CATEGORIES.join(", ")}.` }).optional()),
    waitlist_id: z.preprocess(emptyAsUnset, id("waitlist_id").optional()),
    /** Entries at or after this day (UTC) or instant. */
    from: z.preprocess(emptyAsUnset, instant("from").optional()),
    /** Entries up to the end of this day (UTC), or up to this instant. */
    to: z.preprocess(emptyAsUnset, instant("to").optional()),
    /** `next_cursor` of the previous page: entries older than it. */
    cursor: z.preprocess(
      emptyAsUnset,
      // One check: zod runs every refinement even after a failed one, and BigInt("abc") throws.
      z
        .string()
        .refine((v) => /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= 9_223_372_036_854_775_807n, "Not a cursor from a previous page.")
        .optional(),
    ),
    limit: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT)),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "from must be before to.", path: ["from"] });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The dashboard's query string (who, category, waitlist, from, to, cursor) in the API's names. */
export function fromDashboardSearch(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const mapped: Record<string, string> = {
    actor: one(search.who),
    category: one(search.category),
    waitlist_id: one(search.waitlist),
    from: one(search.from),
    to: one(search.to),
    cursor: one(search.cursor),
  };
  return Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== ""));
}
