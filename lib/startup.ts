import http from "node:http";
import { env, EnvError, pinAuthUrl, servingProblems } from "@/lib/env";
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
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[waitforge] ${error.message}\nSee .env.example for every variable.`);
      process.exit(1);
    }
    throw error;
  }
}
