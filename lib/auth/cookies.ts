import { env } from "@/lib/env";

/** Secure cookies whenever the app is served over https (or SECURE_COOKIES says so). */
export function secureCookies(): boolean {
  const e = env();
  return e.SECURE_COOKIES ?? (e.AUTH_URL ?? e.APP_URL).startsWith("https://");
}
