// WCAG 2.x colour contrast, pure and dependency-free: the dashboard preview warns owners about theme
// combinations that fail AA, and the hosted page picks a readable label colour for the primary button.
// The page still renders whatever the owner chose; these are warnings, never corrections of their brand.

export type Rgb = { r: number; g: number; b: number };

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** AA thresholds: 4.5 for body text, 3 for large text (>= 24px, or >= 18.66px bold) and UI components. */
export const AA_NORMAL = 4.5;
export const AA_LARGE = 3;
export const AAA_NORMAL = 7;

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && HEX.test(value);
}

/** "#abc" or "#aabbcc" (any case) to 0-255 channels; null for anything else. */
export function parseHex(value: string): Rgb | null {
  if (!isHexColor(value)) return null;
  const hex = value.length === 4 ? [...value.slice(1)].map((c) => c + c).join("") : value.slice(1);
  const n = Number.parseInt(hex, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance as WCAG defines it (0 = black, 1 = white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio between two hex colours, 1 to 21; NaN when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return Number.NaN;
  const la = relativeLuminance(ca);
  const lb = relativeLuminance(cb);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

export function meetsAA(foreground: string, background: string, size: "normal" | "large" = "normal"): boolean {
  return contrastRatio(foreground, background) >= (size === "large" ? AA_LARGE : AA_NORMAL);
}

/** White or near-black, whichever reads better on the given colour (labels on the owner's primary). */
export function readableTextOn(background: string): "#ffffff" | "#0b0b0f" {
  return contrastRatio("#ffffff", background) >= contrastRatio("#0b0b0f", background) ? "#ffffff" : "#0b0b0f";
}

/** Turnstile's own light/dark look, matched to the owner's background (the hosted page and the script embed). */
export function captchaThemeOn(background: string): "light" | "dark" {
  const rgb = parseHex(background);
  return rgb && relativeLuminance(rgb) < 0.35 ? "dark" : "light";
}

export type ContrastCheck = {
  id: "text-on-bg" | "button-label" | "primary-on-bg";
  label: string;
  foreground: string;
  background: string;
  ratio: number;
  required: number;
  passes: boolean;
};

/**
 * The pairs the hosted page actually draws, each against the AA threshold that applies to it. Colours that
 * are not valid hex (a half-typed draft in the dashboard) are skipped rather than reported.
 */
export function checkThemeContrast(theme: { primary: string; bg: string; text: string }): ContrastCheck[] {
  const pairs: Omit<ContrastCheck, "ratio" | "passes">[] = [
    { id: "text-on-bg", label: "Text on background", foreground: theme.text, background: theme.bg, required: AA_NORMAL },
    {
      id: "button-label",
      label: "Button label on primary colour",
      foreground: isHexColor(theme.primary) ? readableTextOn(theme.primary) : theme.primary,
      background: theme.primary,
      required: AA_NORMAL,
    },
    // The button and focus ring must stand out from the page: the 3:1 rule for UI components.
    { id: "primary-on-bg", label: "Primary colour on background", foreground: theme.primary, background: theme.bg, required: AA_LARGE },
  ];
  return pairs
    .filter((p) => isHexColor(p.foreground) && isHexColor(p.background))
    .map((p) => {
      const ratio = contrastRatio(p.foreground, p.background);
      return { ...p, ratio, passes: ratio >= p.required };
    });
}

/** Only the failing checks, with a sentence an owner can act on. */
export function contrastWarnings(theme: { primary: string; bg: string; text: string }): string[] {
  return checkThemeContrast(theme)
    .filter((c) => !c.passes)
    .map((c) => `${c.label}: contrast ${formatRatio(c.ratio)}, WCAG AA needs at least ${c.required}:1.`);
}

export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
