import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Tells every app instance that a waitlist's public config changed, so each drops its cached copy within a
// second instead of serving the old one for up to CONFIG_CACHE_MS. Redis pub/sub when REDIS_URL is set;
// without Redis (or while it is down) nothing is sent and other instances catch up when their entry expires.

export const CONFIG_CHANNEL = "wf:config:changed";

type Bus = { publisher: Redis; subscriber: Redis; listeners: Set<(slug: string) => void> };
const holder = globalThis as typeof globalThis & { __waitforgeConfigBus?: Bus | null };

function bus(): Bus | null {
  if (holder.__waitforgeConfigBus !== undefined) return holder.__waitforgeConfigBus;
  const url = env().REDIS_URL;
  if (!url) return (holder.__waitforgeConfigBus = null);
  // No offline queue: a change published while Redis is away is dropped, not delivered late and out of order.
  const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1 };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  const listeners = new Set<(slug: string) => void>();
  for (const client of [publisher, subscriber]) client.on("error", (e: Error) => logger.warn("config bus: redis error", e));
  subscriber.subscribe(CONFIG_CHANNEL).catch((e: unknown) => logger.warn("config bus: subscribe failed", e));
  subscriber.on("message", (channel: string, slug: string) => {
    if (channel === CONFIG_CHANNEL) for (const listener of listeners) listener(slug);
  });
  return (holder.__waitforgeConfigBus = { publisher, subscriber, listeners });
}

/** Calls `listener` with each slug another instance (or this one) announces; a no-op without Redis. */
export function onConfigChanged(listener: (slug: string) => void): void {
  bus()?.listeners.add(listener);
}

export function announceConfigChanged(slug: string): void {
  bus()
    ?.publisher.publish(CONFIG_CHANNEL, slug)
    .catch((e: unknown) => logger.warn("config bus: publish failed (other instances catch up within CONFIG_CACHE_MS)", e));
}

/** Resolves once this process listens (at once without Redis). */
export async function configBusReady(timeoutMs = 2000): Promise<boolean> {
  const b = bus();
  if (!b) return true;
  if (b.subscriber.status === "ready") return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    b.subscriber.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Tests switch configuration between cases. */
export function closeConfigBus(): void {
  const b = holder.__waitforgeConfigBus;
  holder.__waitforgeConfigBus = undefined;
  b?.publisher.disconnect();
  b?.subscriber.disconnect();
}
