import net from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeDb } from "@/lib/db";
import { findFreePort } from "@/lib/dev/embedded-postgres";
import { resetEnvCache } from "@/lib/env";

const realUrl = process.env.DATABASE_URL;

async function useDatabaseUrl(url: string | undefined): Promise<void> {
  await closeDb();
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  resetEnvCache();
}

afterEach(async () => {
  vi.restoreAllMocks();
  await useDatabaseUrl(realUrl);
});
afterAll(async () => {
  await closeDb();
});

describe("GET /api/health", () => {
  it("answers 200 {ok:true} after a database round trip", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers 503 database_unavailable when nothing listens on the database port", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const port = await findFreePort();
    await useDatabaseUrl(`postgresql://secret-user:secret-pass@127.0.0.1:${port}/nowhere`);
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      ok: false,
      error: { code: "database_unavailable", message: expect.any(String) },
    });
    // No internals: neither the address nor the credentials of the database.
    expect(text).not.toMatch(/secret|127\.0\.0\.1|ECONNREFUSED/);
  });

  it("gives up within about 2 s when the database accepts connections but never answers", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sockets = new Set<net.Socket>();
    const blackhole = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const { port } = blackhole.address() as net.AddressInfo;
    try {
      await useDatabaseUrl(`postgresql://u:p@127.0.0.1:${port}/db`);
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackhole.close(resolve));
    }
  });

  it("answers 503 when DATABASE_URL is missing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await useDatabaseUrl(undefined);
    const response = await GET();
    expect(response.status).toBe(503);
  });
});
