import "server-only";
import type { JobName, JobPayloads } from "@/lib/jobs/queues";
import { sendStatusLinkEmail } from "@/lib/signup-email/send-status-link";
import { sendWelcomeEmail } from "@/lib/signup-email/send-welcome";

// What the worker does with each queue's job. A handler that throws fails the attempt: pg-boss retries it
// with backoff (lib/jobs/queues.ts). Whatever it returns is kept as the job's output.
export const HANDLERS: { [N in JobName]: (data: JobPayloads[N]) => Promise<unknown> } = {
  "signup-welcome": (data) => sendWelcomeEmail(data.signupId),
  "signup-status-link": (data) => sendStatusLinkEmail(data.signupId, data.requestId),
};
