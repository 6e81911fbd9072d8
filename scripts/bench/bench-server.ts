import path from "node:path";
import { startProductionServer, type ProductionServer } from "@/tests/support/production-server";

// The production server as the HTTP benchmarks run it: the bench database, Turnstile enforced against a local
// siteverify, plus whatever a benchmark adds (client-IP handling, a roomier rate limit). With BENCH_CPU_PROF_DIR
// set, the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
export function startBenchServer(verifyUrl: string, extra: Record<string, string>): Promise<ProductionServer> {
  return startProductionServer({
    env: (baseUrl) => ({
      DATABASE_URL: process.env.DATABASE_URL!,
      APP_URL: baseUrl,
      TURNSTILE_MODE: "enforce",
      TURNSTILE_SITE_KEY: "bench-site-key",
      TURNSTILE_SECRET_KEY: "bench-secret",
      TURNSTILE_VERIFY_URL: verifyUrl,
      ...nodeOptions(),
      ...extra,
    }),
  });
}

/** The server's NODE_OPTIONS: the CPU profile preload (BENCH_CPU_PROF_DIR) and BENCH_NODE_OPTIONS (V8 flags to compare). */
function nodeOptions(): { NODE_OPTIONS?: string } {
  const parts = [
    process.env.BENCH_CPU_PROF_DIR ? `--import ${path.join(import.meta.dirname, "cpu-profile-preload.mjs")}` : "",
    process.env.BENCH_NODE_OPTIONS ?? "",
  ].filter(Boolean);
  return parts.length > 0 ? { NODE_OPTIONS: parts.join(" ") } : {};
}
