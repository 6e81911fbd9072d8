import type { OptionalField } from "@/components/hosted/signup-fields";
import type { PublicConfig } from "@/lib/waitlists/schemas";
import { API_ORIGIN } from "./script-tag";

// GET /api/public/<slug>/config, read defensively: whatever arrives, the embed gets plain values of the right
// type (the theme is vetted separately in theme.ts).

export type EmbedConfig = {
  title: string;
  fields: Partial<Record<OptionalField, boolean>>;
  branding: boolean;
  /** Empty when Turnstile is off (development): no widget, no token. */
  siteKey: string;
  theme: unknown;
};

/** The waitlist's config; null when there is no such waitlist. Throws when the server can't be reached. */
export async function fetchConfig(slug: string): Promise<EmbedConfig | null> {
  const res = await fetch(`${API_ORIGIN}/api/public/${encodeURIComponent(slug)}/config`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`config answered ${res.status}`);
  const json = ((await res.json()) ?? {}) as Partial<Record<keyof PublicConfig, unknown>>;
  const fields = json.fields && typeof json.fields === "object" ? (json.fields as Record<string, unknown>) : {};
  return {
    title: typeof json.title === "string" ? json.title : "",
    fields: { name: fields.name === true, company: fields.company === true, twitter: fields.twitter === true },
    branding: json.branding === true,
    siteKey: typeof json.turnstile_site_key === "string" ? json.turnstile_site_key : "",
    theme: json.theme,
  };
}
