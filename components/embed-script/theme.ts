import { captchaThemeOn, isHexColor, readableTextOn } from "@/lib/waitlists/contrast";

// The owner's theme from the public config as CSS custom properties on the host element. Every value is checked
// here again (hex colours, known keys only): the config travels over the network, and only these vetted values
// ever reach CSS. The same contrast helpers as the hosted page pick the button label colour.

const SANS = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// The embed cannot load our bundled font files on someone else's site: each choice names the face (used when
// the visitor has it) and falls back to a system stack of the same kind.
const FONTS: Record<string, string> = {
  system: SANS,
  serif: 'ui-serif, Georgia, Cambria, "Times New Roman", serif',
  mono: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  rounded: `ui-rounded, "SF Pro Rounded", Nunito, ${SANS}`,
  inter: `Inter, ${SANS}`,
  "space-grotesk": `"Space Grotesk", ${SANS}`,
  fraunces: "Fraunces, ui-serif, Georgia, serif",
};

/** [control, card] corner radii. */
const RADII: Record<string, [string, string]> = { none: ["0px", "0px"], soft: ["10px", "16px"], round: ["999px", "22px"] };

export type EmbedTheme = { vars: Record<`--wf-${string}`, string>; captcha: "light" | "dark" };

const own = <T>(table: Record<string, T>, key: unknown): T | undefined =>
  typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

export function embedTheme(theme: unknown): EmbedTheme {
  const t = theme && typeof theme === "object" ? (theme as Record<string, unknown>) : {};
  const color = (value: unknown, fallback: string) => (isHexColor(value) ? value : fallback);
  const primary = color(t.primary, "#4f46e5");
  const bg = color(t.bg, "#ffffff");
  const [control, card] = own(RADII, t.radius) ?? ["10px", "16px"];
  return {
    vars: {
      "--wf-primary": primary,
      "--wf-bg": bg,
      "--wf-text": color(t.text, "#0f172a"),
      "--wf-on": readableTextOn(primary),
      "--wf-font": own(FONTS, t.font) ?? SANS,
      "--wf-r": control,
      "--wf-rc": card,
    },
    captcha: captchaThemeOn(bg),
  };
}
