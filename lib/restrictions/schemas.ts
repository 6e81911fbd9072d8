import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { foldText, formatListEntry, parseListEntry } from "@/lib/restrictions/match";

// Sign-up restrictions of a waitlist (docs/restrictions.md): the owner API's shapes. Client-safe (zod only).

export const LIST_MAX = 1000;
export const ENTRY_MAX_LENGTH = 254;
export const KEYWORD_MAX_LENGTH = 100;

export const SIGN_UP_MODES = ["public", "restricted", "closed"] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];
/** Velocity holds (docs/referral-integrity.md): a referrer's credit is held for review past these. 0 = off. */
export const VELOCITY_PER_IP_MAX = 1000;
export const VELOCITY_PER_NETWORK_MAX = 10000;
export const VELOCITY_WINDOW_MAX_MINUTES = 10080;

export const COUNTRY_MODES = ["off", "block", "allow_only"] as const;
export type CountryMode = (typeof COUNTRY_MODES)[number];

/** The rules a refusal is counted under, each with its own error code. */
export const RESTRICTION_RULES = {
  allowlist: "email_not_allowed",
  blocklist: "email_blocked",
  disposable: "disposable_email",
  subaddress: "subaddress_not_allowed",
  keyword: "banned_keyword",
  country: "country_not_allowed",
} as const satisfies Record<string, ErrorCode>;
export type RestrictionRule = keyof typeof RESTRICTION_RULES;
export const RULE_NAMES = Object.keys(RESTRICTION_RULES) as RestrictionRule[];

/** What the signup check needs; carried in the public config cache so the hot path reads no extra row. */
export type Restrictions = {
  restricted: boolean;
  allowlist: string[];
  blocklist: string[];
  blockSubaddresses: boolean;
  blockDisposable: boolean;
  bannedKeywords: string[];
  countryMode: CountryMode;
  countryCodes: string[];
};

export const NO_RESTRICTIONS: Restrictions = {
  restricted: false,
  allowlist: [],
  blocklist: [],
  blockSubaddresses: false,
  blockDisposable: false,
  bannedKeywords: [],
  countryMode: "off",
  countryCodes: [],
};

function uniqueList<T extends z.ZodType<string>>(item: T, label: string) {
  return z
    .array(item, { error: `${label}: send a list of strings.` })
    .max(LIST_MAX, `${label}: at most ${LIST_MAX} entries.`)
    .transform((values) => [...new Set(values)]);
}

const listEntry = z
  .string()
  .max(ENTRY_MAX_LENGTH, `Entries are at most ${ENTRY_MAX_LENGTH} characters.`)
  .transform((value, ctx) => {
    const entry = parseListEntry(value);
    if (!entry) {
      ctx.addIssue({ code: "custom", message: `"${value.slice(0, 60)}" is not a domain, *.domain or email address.` });
      return z.NEVER;
    }
    return formatListEntry(entry);
  });

const keyword = z
  .string()
  .trim()
  .min(1, "Keywords cannot be empty.")
  .max(KEYWORD_MAX_LENGTH, `Keywords are at most ${KEYWORD_MAX_LENGTH} characters.`)
  .transform(foldText);

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use two-letter ISO 3166-1 country codes, such as DE or US.");

/** PATCH /api/waitlists/:id/restrictions: every key optional, unknown keys refused. */
export const restrictionsPatchSchema = z
  .object({
    sign_up_mode: z.enum(SIGN_UP_MODES, { error: "Use public, restricted or closed." }),
    allowlist: uniqueList(listEntry, "Allowlist"),
    blocklist: uniqueList(listEntry, "Blocklist"),
    block_subaddresses: z.boolean(),
    block_disposable: z.boolean(),
    banned_keywords: uniqueList(keyword, "Banned keywords"),
    country_mode: z.enum(COUNTRY_MODES, { error: "Use off, block or allow_only." }),
    country_codes: uniqueList(countryCode, "Countries").pipe(z.array(z.string()).max(250)),
    velocity_per_ip: z
      .number({ error: "Send a whole number." })
      .int("Send a whole number.")
      .min(0, "0 turns the per-IP rule off; it cannot be negative.")
      .max(VELOCITY_PER_IP_MAX, `At most ${VELOCITY_PER_IP_MAX} friends per IP address.`),
    velocity_per_network: z
      .number({ error: "Send a whole number." })
      .int("Send a whole number.")
      .min(0, "0 turns the per-network rule off; it cannot be negative.")
      .max(VELOCITY_PER_NETWORK_MAX, `At most ${VELOCITY_PER_NETWORK_MAX} friends per network.`),
    velocity_window_minutes: z
      .number({ error: "Send a whole number of minutes." })
      .int("Send a whole number of minutes.")
      .min(1, "The window is at least 1 minute.")
      .max(VELOCITY_WINDOW_MAX_MINUTES, `The window is at most ${VELOCITY_WINDOW_MAX_MINUTES} minutes (7 days).`),
  })
  .partial()
  .strict();

export type RestrictionsPatch = z.infer<typeof restrictionsPatchSchema>;

export type RestrictionSettings = {
  sign_up_mode: SignUpMode;
  allowlist: string[];
  blocklist: string[];
  block_subaddresses: boolean;
  block_disposable: boolean;
  banned_keywords: string[];
  country_mode: CountryMode;
  country_codes: string[];
  /** More than this many referees of one referrer from one IP within the window are held for review (0: off). */
  velocity_per_ip: number;
  /** The same for one network (/24, IPv6 /48). */
  velocity_per_network: number;
  velocity_window_minutes: number;
  /** The trusted country header (COUNTRY_HEADER), or null: then country rules are not applied. */
  country_header: string | null;
  /** Refusals per rule over the last 7 days (today included, UTC). */
  refused_last_7_days: Record<RestrictionRule, number>;
};
