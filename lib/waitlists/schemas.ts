import { z } from "zod";
import { storableText } from "@/lib/storable-text";

// Waitlist settings as owners write them and as the public config shows them. Zod only, so the dashboard's
// client forms validate with the very same rules.

const hexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "Use a hex colour such as #4f46e5")
  .transform((v) => v.toLowerCase());

const httpUrlOrEmpty = storableText()
  .trim()
  .max(2048, "Keep URLs under 2048 characters")
  .refine((v) => v === "" || /^https?:\/\/[^\s"'<>]+$/i.test(v), "Use an http(s) URL, or leave it empty");

// system/serif/mono use the visitor's own fonts; the rest are bundled with next/font/local
// (components/hosted/fonts.ts), so pages never fetch a font from a third party.
export const THEME_FONTS = ["system", "serif", "mono", "rounded", "inter", "space-grotesk", "fraunces"] as const;
export const THEME_RADII = ["none", "soft", "round"] as const;

export const themeSchema = z.object({
  primary: hexColor.default("#4f46e5"),
  bg: hexColor.default("#ffffff"),
  text: hexColor.default("#0f172a"),
  font: z.enum(THEME_FONTS).default("system"),
  radius: z.enum(THEME_RADII).default("soft"),
  logo_url: httpUrlOrEmpty.default(""),
  hero_image: httpUrlOrEmpty.default(""),
});

export type Theme = z.infer<typeof themeSchema>;

export const DEFAULT_THEME: Theme = themeSchema.parse({});

/** Reads a stored theme leniently: a bad or missing value falls back to the default, never breaks a page. */
export function readTheme(stored: unknown): Theme {
  const source = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(themeSchema.shape) as (keyof Theme)[]) {
    const parsed = themeSchema.shape[key].safeParse(source[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_THEME[key];
  }
  return out as Theme;
}

export const fieldsSchema = z.object({
  name: z.boolean(),
  company: z.boolean(),
  twitter: z.boolean(),
});

export type Fields = z.infer<typeof fieldsSchema>;

/** The public config document (GET /api/public/:slug/config), as lib/api/openapi.ts describes it. */
export type PublicConfig = {
  title: string;
  description: string;
  theme: Theme;
  fields: Fields;
  branding: boolean;
  turnstile_site_key: string;
};

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, "3 to 48 characters: lower-case letters, digits and dashes, not starting or ending with a dash");

/** Slugs that would shadow our own pages or confuse people. */
// Includes every static segment under /api/public/ (confirm, data, leave, unsubscribe): a list with such a slug
// would have its public API shadowed by those routes (Next matches the static segment first).
export const RESERVED_SLUGS = new Set([
  "admin", "api", "app", "assets", "auth", "billing", "blog", "confirm", "dashboard", "data", "docs", "embed",
  "help", "leave", "login", "logout", "new", "pricing", "settings", "sign-in", "sign-out", "signin", "signup",
  "static", "status", "support", "unsubscribe", "waitforge", "www",
]);

export const ownerSlugSchema = slugSchema.refine((s) => !RESERVED_SLUGS.has(s), "This address is reserved; pick another.");

export const TITLE_MAX = 80;
export const DESCRIPTION_MAX = 500;
export const CAPACITY_MAX = 10_000_000;
export const REFERRAL_BOOST_MAX = 1000;

const title = storableText().trim().min(1, "Give the waitlist a title.").max(TITLE_MAX, `At most ${TITLE_MAX} characters.`);
const description = storableText().trim().max(DESCRIPTION_MAX, `At most ${DESCRIPTION_MAX} characters.`);

export const ALLOWED_HOSTS_MAX = 20;
const HOST_PATTERN = /^(\*\.)?(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A site the owner allows their form on: a hostname, or `*.example.com` for its subdomains. */
export const allowedHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(HOST_PATTERN, "Enter a hostname like example.com or *.example.com (no https:// or path).");

export const createWaitlistSchema = z.object({
  /** The team the list is made in (an admin or owner there); the dashboard's chosen team when absent. */
  team_id: z.uuid({ message: "team_id must be a team's id." }).optional(),
  slug: ownerSlugSchema,
  title,
  description: description.default(""),
});

export const updateWaitlistSchema = z
  .object({
    title,
    description,
    theme: themeSchema.partial(),
    fields: fieldsSchema.partial(),
    capacity: z
      .number()
      .int("Capacity is a whole number.")
      .min(1, "Capacity is at least 1, or empty for no limit.")
      .max(CAPACITY_MAX)
      .nullable(),
    referral_boost: z
      .number()
      .int("The referral boost is a whole number of places.")
      .min(0, "The boost is 0 (referrals don't move people) or more.")
      .max(REFERRAL_BOOST_MAX, `At most ${REFERRAL_BOOST_MAX} places.`),
    is_open: z.boolean(),
    allowed_hosts: z
      .array(allowedHostSchema)
      .max(ALLOWED_HOSTS_MAX, `At most ${ALLOWED_HOSTS_MAX} sites.`)
      .transform((hosts) => [...new Set(hosts)]),
    /** Double opt-in: new signups confirm an emailed link before they get a place (docs/double-opt-in.md). */
    double_opt_in: z.boolean(),
    referral_digest: z.boolean(),
  })
  .partial()
  .strict();

export type CreateWaitlistInput = z.infer<typeof createWaitlistSchema>;
export type UpdateWaitlistInput = z.infer<typeof updateWaitlistSchema>;
