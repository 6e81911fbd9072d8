import type { CSSProperties } from "react";
import { FONT_STACKS } from "@/components/hosted/fonts";
import { readableTextOn } from "@/lib/waitlists/contrast";
import type { Theme } from "@/lib/waitlists/schemas";
import { resolveTheme, type ThemeDraft } from "@/lib/waitlists/theme-draft";

export { resolveTheme, safeImageUrl, type ThemeDraft } from "@/lib/waitlists/theme-draft";

// Owner theme -> CSS custom properties on one wrapper element, through a React style object. Every value is
// re-validated (resolveTheme: hex only, enum members only) even though saved themes already are: the
// dashboard renders drafts while the owner is still typing, and a half-typed value must fall back, not reach CSS.

const RADII: Record<Theme["radius"], { control: string; card: string }> = {
  none: { control: "0px", card: "0px" },
  soft: { control: "0.625rem", card: "1.25rem" },
  round: { control: "9999px", card: "1.75rem" },
};

export type ThemeVars = CSSProperties & Record<`--wf-${string}`, string>;

/**
 * The custom properties the hosted components read (bg-(--wf-bg), text-(--wf-text) ...). Derived shades
 * are color-mix() of validated colours, so owners get a coherent palette from three inputs.
 */
export function themeStyle(draft: ThemeDraft): ThemeVars {
  const t = resolveTheme(draft);
  const radius = RADII[t.radius];
  return {
    "--wf-primary": t.primary,
    "--wf-on-primary": readableTextOn(t.primary),
    "--wf-bg": t.bg,
    "--wf-text": t.text,
    "--wf-muted": "color-mix(in srgb, var(--wf-text) 68%, var(--wf-bg))",
    "--wf-line": "color-mix(in srgb, var(--wf-text) 14%, var(--wf-bg))",
    "--wf-surface": "color-mix(in srgb, var(--wf-text) 3.5%, var(--wf-bg))",
    "--wf-field": "color-mix(in srgb, var(--wf-text) 1.5%, var(--wf-bg))",
    "--wf-tint": "color-mix(in srgb, var(--wf-primary) 12%, var(--wf-bg))",
    "--wf-radius": radius.control,
    "--wf-radius-card": radius.card,
    "--wf-font": FONT_STACKS[t.font],
    backgroundColor: t.bg,
    color: t.text,
    fontFamily: FONT_STACKS[t.font],
  };
}
