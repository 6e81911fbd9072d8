import { z } from "zod";

// The only reader of process.env. Parsed once, lazily (so `next build` can import modules without a
// configured runtime), and every problem is reported by variable name.

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const optionalUrl = z.url().optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    APP_URL: z.url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    AUTH_URL: optionalUrl,
    EMAIL_FROM: z.string().min(3).default("WaitForge <login@waitforge.local>"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: optionalUrl,
    EMAIL_TRANSPORT: z.enum(["resend", "log"]).optional(),
    TURNSTILE_SITE_KEY: z.string().min(1).optional(),
    TURNSTILE_SECRET_KEY: z.string().min(1).optional(),
    TURNSTILE_VERIFY_URL: z.url().default("https://challenges.cloudflare.com/turnstile/v0/siteverify"),
    TURNSTILE_MODE: z.enum(["enforce", "off"]).optional(),
    TURNSTILE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    // Requests a minute per owner API key (lib/keys/rate-limit.ts); the dashboard's session is not limited by it.
    OWNER_KEY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(600),
    SIGN_IN_LINKS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
    // Emails a signup asks for from a public page (confirmation, "email me my link"), per client IP per hour;
    // per recipient it is 3 a day (lib/signup-email/mail-caps.ts).
    SIGNUP_MAILS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    // Team invitations a team may send in any 24 hours, re-sends included (lib/teams/invitations.ts, docs/teams.md).
    TEAM_INVITES_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(20),
    // Unset means "not said": fine in development, refused in production (see superRefine).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
    CLIENT_IP_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/i, "must be a header name")
      .optional(),
    // The header a trusted edge sets to the visitor's ISO country (Cloudflare: CF-IPCountry). Unset: the
    // waitlists' country restrictions are not applied (anyone could send the header), and settings say so.
    COUNTRY_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/i, "must be a header name")
      .optional(),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_PRICE_ID: z.string().min(1).optional(),
    STRIPE_API_BASE: optionalUrl,
    FREE_SIGNUP_CAP: z.coerce.number().int().min(1).default(1000),
    CONFIG_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Email to signups goes through a job queue (lib/jobs): `inline` runs its worker inside the app server,
    // `off` leaves it to `npm run worker` processes. Jobs are queued either way.
    WORKER_MODE: z.enum(["inline", "off"]).default("inline"),
    WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    // First retry delay of a failed job; each next one doubles (exponential backoff), JOB_RETRY_LIMIT times.
    JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(10),
    // How often the worker sweeps digest-enabled lists for "friends joined" emails (lib/signup-email/digest-sweep.ts);
    // 0 = never on its own (tests, or a deployment that runs the sweep from its own scheduler).
    DIGEST_SWEEP_SECONDS: z.coerce
      .number()
      .int()
      .refine((s) => s === 0 || (s >= 10 && s <= 86_400), "0 (off), or 10 to 86400 seconds")
      .default(3600),
    // pg-boss's own schema, created and migrated by pg-boss itself.
    JOB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,49}$/, "must be a lower-case PostgreSQL name (letters, digits, _)")
      .default("pgboss"),
    // Outgoing webhooks (lib/webhooks, docs/webhooks.md). Private/loopback targets and plain http are for local
    // tests only: refused in production unless APP_URL itself is a loopback address (a local trial or test run).
    WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.optional(),
    // First retry delay of a failed delivery (doubling, at most an hour apart), and how long retries go on.
    WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(30),
    WEBHOOK_RETRY_HOURS: z.coerce.number().min(0).max(24 * 7).default(25),
    // How often the worker looks for due deliveries; 0 = never (tests whose workers must leave deliveries alone).
    /** Days webhook events (with their deliveries and attempts) are kept once nothing is left to send. */
    WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    WEBHOOK_DISPATCH_SECONDS: z.coerce
      .number()
      .refine((s) => s === 0 || (s >= 0.05 && s <= 60), "0 (off), or 0.05 to 60 seconds")
      .default(1),
    // Turns on /api/bench/noop, the floor of `npm run bench -- side-by-side`; off (a 404) otherwise.
    BENCH_NOOP_ROUTE: bool.optional(),
    // Set by Next while it builds: nothing long-running may start then.
    NEXT_PHASE: z.string().optional(),
    SECURE_COOKIES: bool.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.TURNSTILE_MODE === "off") {
      ctx.addIssue({
        code: "custom",
        path: ["TURNSTILE_MODE"],
        message: "'off' is refused in production: set TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY instead",
      });
    }
    if (env.NODE_ENV === "production" && env.WEBHOOK_ALLOW_PRIVATE_TARGETS && !isLoopbackUrl(env.APP_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_ALLOW_PRIVATE_TARGETS"],
        message: "refused in production (it lets webhooks reach internal addresses); only for local tests",
      });
    }
    if (env.EMAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "required when EMAIL_TRANSPORT=resend" });
    }
    if (env.TURNSTILE_MODE === "enforce" && !env.TURNSTILE_SITE_KEY) {
      ctx.addIssue({ code: "custom", path: ["TURNSTILE_SITE_KEY"], message: "required when TURNSTILE_MODE=enforce" });
    }
  });

function isLoopbackUrl(url: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
}

export type Env = z.infer<typeof schema> & {
  turnstileMode: "enforce" | "off";
  emailTransport: "resend" | "log";
  /** Proxies in front that append to X-Forwarded-For; 0 = clients connect directly. */
  proxyHops: number;
  /** The one origin of every link and redirect we make (AUTH_URL, else APP_URL): never the request's Host. */
  appOrigin: string;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a given environment; pure so tests can feed it any variables. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  }
  const env = result.data;
  // Without an explicit mode: enforce whenever a secret exists, and in production always (fail closed).
  const turnstileMode =
    env.TURNSTILE_MODE ?? (env.TURNSTILE_SECRET_KEY || env.NODE_ENV === "production" ? "enforce" : "off");
  const emailTransport = env.EMAIL_TRANSPORT ?? (env.RESEND_API_KEY ? "resend" : "log");
  const appOrigin = new URL(env.AUTH_URL ?? env.APP_URL).origin;
  return { ...env, turnstileMode, emailTransport, proxyHops: env.TRUSTED_PROXY_HOPS ?? 0, appOrigin };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * What a production server must have decided before it serves anyone; scripts (migrate, seed) don't need it.
 * Checked at start-up (lib/startup.ts), each problem named like the schema's.
 */
export function servingProblems(env: Env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (env.TRUSTED_PROXY_HOPS === undefined && !env.CLIENT_IP_HEADER) {
    problems.push(
      "TRUSTED_PROXY_HOPS: say how the client IP is found (rate limits key on it): TRUSTED_PROXY_HOPS=N behind N proxies that append to X-Forwarded-For, CLIENT_IP_HEADER=<header> when the edge sets one (e.g. CF-Connecting-IP), or TRUSTED_PROXY_HOPS=0 when clients connect to this server directly",
    );
  }
  if (!env.RESEND_API_KEY && env.EMAIL_TRANSPORT !== "log") {
    problems.push(
      "RESEND_API_KEY: required in production to send sign-in links; EMAIL_TRANSPORT=log writes live sign-in links to the server log instead (anyone who reads the log can sign in as anyone)",
    );
  }
  return problems;
}

/**
 * Auth.js reads AUTH_URL from process.env itself and, without it, builds sign-in links from the request's
 * X-Forwarded-Host/Host: anyone could have us mail a genuine link to their own host. Pinning it to the
 * configured origin makes every Auth.js path (route handlers, server actions, redirects) use ours.
 */
export function pinAuthUrl(): string {
  const origin = env().appOrigin;
  process.env.AUTH_URL = origin;
  return origin;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
