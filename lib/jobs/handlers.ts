import "server-only";
import type { JobName, JobPayloads } from "@/lib/jobs/queues";
import { runWave } from "@/lib/invitations/waves";
import { sendInvitationEmail } from "@/lib/signup-email/send-invitation";
import { sendStatusLinkEmail } from "@/lib/signup-email/send-status-link";
import { sendWelcomeEmail } from "@/lib/signup-email/send-welcome";
import { sendConfirmationEmail } from "@/lib/signup-email/send-confirm";
import { runDigestSweep } from "@/lib/signup-email/digest-sweep";
import { sendDigestEmail } from "@/lib/signup-email/send-digest";

// What the worker does with each queue's job. A handler that throws fails the attempt: pg-boss retries it
// with backoff (lib/jobs/queues.ts). Whatever it returns is kept as the job's output.
export const HANDLERS: { [N in JobName]: (data: JobPayloads[N]) => Promise<unknown> } = {
  "signup-welcome": (data) => sendWelcomeEmail(data.signupId),
  "signup-confirm": (data) => sendConfirmationEmail(data.signupId, data.resend),
  "signup-invited": (data) => sendInvitationEmail(data.signupId),
  "invite-wave": (data) => runWave(data.waveId, data.runAt),
  "signup-status-link": (data) => sendStatusLinkEmail(data.signupId, data.requestId),
  "signup-digest": (data) => sendDigestEmail(data.signupId, data.day),
  "digest-sweep": () => runDigestSweep(),
};

/** Runs a job's handler; generic, so a name and its payload type stay paired for any queue. */
export function runJob<N extends JobName>(name: N, data: JobPayloads[N]): Promise<unknown> {
  return HANDLERS[name](data);
}
