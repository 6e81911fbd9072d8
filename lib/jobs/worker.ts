import "server-only";
import type PgBoss from "pg-boss";
import { startBoss } from "@/lib/jobs/boss";
import { runJob } from "@/lib/jobs/handlers";
import { JOB_NAMES, type JobName, type JobPayloads } from "@/lib/jobs/queues";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { startDigestSweeps } from "@/lib/signup-email/digest-sweep";
import { startWebhookDispatcher } from "@/lib/webhooks/dispatcher";

// The worker: polls every queue and runs its handler. Inside the app server (WORKER_MODE=inline, started by
// lib/startup.ts) and in `npm run worker`; any number may run at once, since pg-boss hands each job to one
// of them (SELECT ... FOR UPDATE SKIP LOCKED) and the handlers themselves are safe to run twice.

export type Worker = {
  /** Waits up to `timeoutMs` for running jobs; jobs still running then are failed (and so retried). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops at once: running jobs are failed without waiting, as if the worker had been killed and expired. */
  abandon(): Promise<void>;
};

/**
 * Jobs fetched per poll. pg-boss 10 waits a full polling interval after every fetch, even a busy one, so one
 * job per fetch would cap a worker at one email per interval; a batch runs side by side, each job completed
 * or failed (and so retried) on its own.
 */
const BATCH_SIZE = 5;

export async function startWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<Worker> {
  const boss = await startBoss({ supervise: true });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? env().WORKER_POLL_SECONDS;
  for (const name of JOB_NAMES) {
    await boss.work<JobPayloads[JobName]>(name, { batchSize: BATCH_SIZE, pollingIntervalSeconds }, async (batch) => {
      await Promise.all(
        batch.map(async (job) => {
          try {
            await runJob(name, job.data);
          } catch (error) {
            logger.warn(`job ${name} ${job.id} failed; pg-boss retries it until its retry limit`, error);
            const message = error instanceof Error ? error.message : String(error);
            // Only this job: pg-boss completes the rest of the batch when this callback resolves.
            await boss.fail(name, job.id, { message }).catch((e: unknown) => logger.error("could not fail a job", e));
          }
        }),
      );
    });
  }
  await startDigestSweeps();
  // Webhook deliveries have their own table and schedule (lib/webhooks/dispatcher.ts), polled beside the queues.
  const webhooks = startWebhookDispatcher();
  return {
    stop: async ({ timeoutMs = 10_000 } = {}) => {
      await webhooks.stop();
      await stopBoss(boss, { graceful: true, timeout: timeoutMs });
    },
    abandon: async () => {
      void webhooks.stop();
      await stopBoss(boss, { graceful: false });
    },
  };
}

async function stopBoss(boss: PgBoss, options: PgBoss.StopOptions): Promise<void> {
  // close: false, the pool is the app's (closeDb closes it).
  await boss.stop({ ...options, close: false, wait: true });
}
