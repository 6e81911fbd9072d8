import { isHexColor } from "@/lib/waitlists/contrast";
import { DEFAULT_THEME, THEME_FONTS, THEME_RADII, type Theme } from "@/lib/waitlists/schemas";

// Drafts of a theme (the dashboard renders them while the owner types) reduced to values that are safe to
// hand to CSS and <img>: hex colours, enum members and http(s) URLs, or the defaults. Pure and client-safe.

/** A theme as a draft: any field may be missing or not yet valid. */
export type ThemeDraft = Partial<Record<keyof Theme, unknown>>;

export type ResolvedTheme = Pick<Theme, "primary" | "bg" | "text" | "font" | "radius">;

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function color(value: unknown, fallback: string): string {
  return isHexColor(value) ? value.toLowerCase() : fallback;
}

export function resolveTheme(draft: ThemeDraft): ResolvedTheme {
  return {
    primary: color(draft.primary, DEFAULT_THEME.primary),
    bg: color(draft.bg, DEFAULT_THEME.bg),
    text: color(draft.text, DEFAULT_THEME.text),
    font: pick(draft.font, THEME_FONTS, DEFAULT_THEME.font),
    radius: pick(draft.radius, THEME_RADII, DEFAULT_THEME.radius),
  };
}

/** An http(s) URL or null: what <img src> may receive from an owner. */
export function safeImageUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048 || !/^https?:\/\/[^\s"'<>]+$/i.test(value)) return null;
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}
