import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";

// `npm run worker`: the job worker as its own process (run as many as you like, next to app servers started
// with WORKER_MODE=off or inline). Stops gracefully on SIGINT/SIGTERM: running jobs get 10 s to finish, the
// rest are failed and so retried by another worker.

async function main(): Promise<void> {
  const e = env();
  const worker = await startWorker();
  console.log(`[worker] running (polling every ${e.WORKER_POLL_SECONDS} s); Ctrl-C to stop`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[worker] ${signal}: stopping`);
    worker
      .stop({ timeoutMs: 10_000 })
      .then(() => closeDb())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
