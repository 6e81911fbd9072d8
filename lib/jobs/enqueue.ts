import "server-only";
import type pg from "pg";
import { asBossDb, jobs } from "@/lib/jobs/boss";
import { QUEUES, retryPolicy, type JobName, type JobPayloads } from "@/lib/jobs/queues";

/**
 * Queues a job. With `client` (a pg client inside BEGIN ... COMMIT) the job row is written in that
 * transaction: it exists exactly when the change that caused it commits, so a crash between the commit and the
 * send loses nothing, and a rolled-back change leaves no job. Returns the job id, or null when a job with the
 * same event key is already waiting.
 */
export async function enqueue<N extends JobName>(
  name: N,
  data: JobPayloads[N],
  options: { client?: pg.ClientBase; startAfter?: Date; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const boss = await jobs();
  const queue = QUEUES[name];
  return boss.send(name, data, {
    ...retryPolicy(),
    singletonKey: queue.singletonKey(data),
    expireInSeconds: queue.expireInSeconds,
    ...(options.client ? { db: asBossDb(options.client) } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
}
