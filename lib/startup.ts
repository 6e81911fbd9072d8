import http from "node:http";
import { env, EnvError, pinAuthUrl, servingProblems, type Env } from "@/lib/env";
import { trustOnlyTheSocket } from "@/lib/security/direct-client-ip";

// Once, when the Node.js server starts (instrumentation.ts): configuration problems stop it here, each named,
// instead of surfacing as a 500 on the first request; then the process-wide security settings are applied.
export function startUp(): void {
  try {
    const e = env();
    const problems = servingProblems(e);
    if (problems.length > 0) throw new EnvError(problems);
    pinAuthUrl();
    if (e.NODE_ENV === "production" && !e.TURNSTILE_SECRET_KEY) {
      console.error("[waitforge] TURNSTILE_SECRET_KEY is not set: every public signup will be refused (Turnstile fails closed).");
    }
    if (e.NODE_ENV === "production" && !e.AUTH_SECRET) {
      console.error("[waitforge] AUTH_SECRET is not set: owner sign-in will not work.");
    }
    if (e.emailTransport === "log") {
      console.warn("[waitforge] EMAIL_TRANSPORT=log: sign-in links are written to the server log and .data/outbox, not sent.");
    }
    if (!e.CLIENT_IP_HEADER && e.proxyHops === 0) trustOnlyTheSocket(http.Server);
    startInlineWorker(e);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[waitforge] ${error.message}\nSee .env.example for every variable.`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The job worker inside the server process (WORKER_MODE=inline, the default), so `npm run dev` / `npm start`
 * need nothing else running. Not while Next builds, and not under tests (Vitest never loads instrumentation).
 * A worker that cannot start (the database not up yet) is not fatal: it tries again, backing off to a minute,
 * and jobs wait in the queue meanwhile.
 */
function startInlineWorker(e: Env): void {
  if (e.WORKER_MODE !== "inline" || e.NEXT_PHASE === "phase-production-build" || e.NODE_ENV === "test") return;
  const attempt = (retryMs: number): void => {
    void import("@/lib/jobs/worker")
      .then(({ startWorker }) => startWorker())
      .then(
        () => console.log("[waitforge] job worker running in this process (WORKER_MODE=inline)"),
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          console.error(`[waitforge] the job worker could not start (${reason}); trying again in ${retryMs / 1000} s`);
          setTimeout(() => attempt(Math.min(retryMs * 2, 60_000)), retryMs).unref();
        },
      );
  };
  attempt(5_000);
}
