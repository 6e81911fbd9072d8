import { env } from "@/lib/env";

// Every queue, its payload type, and how one event maps to one job. Payloads carry ids only: the worker reads
// the current state at send time (an unsubscribe in between wins) and secrets never sit in the queue.

export type JobPayloads = {
  /** The welcome email to a new signup, queued in the signup's own transaction. */
  "signup-welcome": { signupId: string };
  /**
   * The double opt-in confirmation email, queued by the signup statement (key confirm:<signupId>) and again,
   * with a fresh `resend` id, when a pending person signs up again (within the caps of lib/signup-email/mail-caps.ts).
   */
  "signup-confirm": { signupId: string; resend?: string };
  /** The "You're in" email, queued with the invitation (lib/signups/line-admit.ts). */
  "signup-invited": { signupId: string };
  /** One run of a scheduled wave at `runAt` (ISO), queued with startAfter = runAt (lib/invitations/waves.ts). */
  "invite-wave": { waveId: string; runAt: string };
  /** "Email me my link": one job per request (requestId), queued only for an address on the list. */
  "signup-status-link": { signupId: string; requestId: string };
  /** One "friends joined through your link" digest; `day` (UTC, YYYY-MM-DD) makes it at most one a day. */
  "signup-digest": { signupId: string; day: string };
  /** The periodic sweep that queues digests (lib/signup-email/digest-sweep.ts); it queues its own next run. */
  "digest-sweep": Record<string, never>;
};

export type JobName = keyof JobPayloads;

type QueueDefinition<N extends JobName> = {
  /** One key per event: pg-boss drops a second job with the same key while the first is queued. */
  singletonKey: (data: JobPayloads[N]) => string;
  /** How long one attempt may run before pg-boss counts it as failed (a killed worker's job is retried). */
  expireInSeconds: number;
};

export const QUEUES: { [N in JobName]: QueueDefinition<N> } = {
  "signup-welcome": {
    singletonKey: (d) => `welcome:${d.signupId}`,
    expireInSeconds: 120,
  },
  "signup-confirm": {
    singletonKey: (d) => confirmKey(d.signupId, d.resend),
    expireInSeconds: 120,
  },
  "signup-invited": {
    singletonKey: (d) => `invited:${d.signupId}`,
    expireInSeconds: 120,
  },
  "invite-wave": {
    singletonKey: (d) => `wave:${d.waveId}:${d.runAt}`,
    expireInSeconds: 300,
  },
  "signup-status-link": {
    singletonKey: (d) => `status-link:${d.requestId}`,
    expireInSeconds: 120,
  },
  "signup-digest": {
    singletonKey: (d) => `digest:${d.signupId}:${d.day}`,
    expireInSeconds: 120,
  },
  "digest-sweep": {
    singletonKey: () => "digest-sweep",
    expireInSeconds: 600,
  },
};

/** One key per confirmation email: the job's singleton key and the email's event key. */
export function confirmKey(signupId: string, resend?: string): string {
  return resend ? `confirm:${signupId}:${resend}` : `confirm:${signupId}`;
}

export const JOB_NAMES = Object.keys(QUEUES) as JobName[];

/** The queues whose jobs are about one signup (a signupId in the payload): the signup emails. */
export type SignupJobName = { [N in JobName]: JobPayloads[N] extends { signupId: string } ? N : never }[JobName];

// A Record, so a new signup queue that is not listed here fails to compile.
const SIGNUP_JOBS: Record<SignupJobName, true> = {
  "signup-welcome": true,
  "signup-confirm": true,
  "signup-invited": true,
  "signup-status-link": true,
  "signup-digest": true,
};

/**
 * Their names, for `name = ANY(...)` in queries that look jobs up by data->>'signupId': pg-boss partitions its
 * job table by queue name and indexes it by (name, ...), so the filter reads those queues only.
 */
export const SIGNUP_JOB_NAMES = Object.keys(SIGNUP_JOBS) as SignupJobName[];

/**
 * Retries with exponential backoff: the n-th retry waits JOB_RETRY_DELAY_SECONDS * 2^(n-1), up to twice that
 * with pg-boss's jitter. With the defaults (30 s, 10 retries) a job keeps trying for about half a day, then
 * lands in pg-boss's `failed` state (dead), where it stays visible in pgboss.job / pgboss.archive.
 */
export function retryPolicy(): { retryLimit: number; retryDelay: number; retryBackoff: true } {
  const e = env();
  return { retryLimit: e.JOB_RETRY_LIMIT, retryDelay: e.JOB_RETRY_DELAY_SECONDS, retryBackoff: true };
}
