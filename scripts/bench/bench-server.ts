import { startProductionServer, type ProductionServer } from "@/tests/support/production-server";

// The production server as the HTTP benchmarks run it: the bench database, Turnstile enforced against a local
// siteverify, plus whatever a benchmark adds (client-IP handling, a roomier rate limit).
export function startBenchServer(verifyUrl: string, extra: Record<string, string>): Promise<ProductionServer> {
  return startProductionServer({
    env: (baseUrl) => ({
      DATABASE_URL: process.env.DATABASE_URL!,
      APP_URL: baseUrl,
      TURNSTILE_MODE: "enforce",
      TURNSTILE_SITE_KEY: "bench-site-key",
      TURNSTILE_SECRET_KEY: "bench-secret",
      TURNSTILE_VERIFY_URL: verifyUrl,
      ...extra,
    }),
  });
}
