import { env } from "@/lib/env";

// A tiny levelled logger. Errors are logged by name and message only: stack traces and causes can carry
// connection strings or request bodies, which must stay out of logs.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function enabled(level: Level): boolean {
  let configured: keyof typeof LEVELS = "info";
  try {
    configured = env().LOG_LEVEL;
  } catch {
    // env not configured yet (e.g. during start-up validation): log at info
  }
  return LEVELS[level] >= LEVELS[configured];
}

function describe(detail: unknown): string {
  if (detail === undefined) return "";
  if (detail instanceof Error) return ` ${detail.name}: ${detail.message}`;
  if (typeof detail === "string") return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return "";
  }
}

function write(level: Level, message: string, detail?: unknown): void {
  if (!enabled(level)) return;
  const line = `[waitforge] ${level}: ${message}${describe(detail)}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (m: string, d?: unknown) => write("debug", m, d),
  info: (m: string, d?: unknown) => write("info", m, d),
  warn: (m: string, d?: unknown) => write("warn", m, d),
  error: (m: string, d?: unknown) => write("error", m, d),
};
