import localFont from "next/font/local";
import type { Theme } from "@/lib/waitlists/schemas";

// The hosted page's font choices. Bundled faces come from @fontsource-variable packages through
// next/font/local (builds run offline, and visitors' browsers should not call a font CDN). preload is off:
// every face's @font-face is declared, but a browser downloads only the one the page's theme uses.

const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  preload: false,
  variable: "--wf-font-inter",
});

const spaceGrotesk = localFont({
  src: "../../node_modules/@fontsource-variable/space-grotesk/files/space-grotesk-latin-wght-normal.woff2",
  weight: "300 700",
  display: "swap",
  preload: false,
  variable: "--wf-font-space-grotesk",
});

const fraunces = localFont({
  src: "../../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  preload: false,
  variable: "--wf-font-fraunces",
});

const nunito = localFont({
  src: "../../node_modules/@fontsource-variable/nunito/files/nunito-latin-wght-normal.woff2",
  weight: "200 1000",
  display: "swap",
  preload: false,
  variable: "--wf-font-nunito",
});

/** Classes that declare the bundled faces' CSS variables; put on the element that sets --wf-font. */
export const FONT_VARIABLE_CLASSES = [inter.variable, spaceGrotesk.variable, fraunces.variable, nunito.variable].join(" ");

const SANS = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** A font-family value per theme font: constants only, so no owner text ever reaches CSS. */
export const FONT_STACKS: Record<Theme["font"], string> = {
  system: SANS,
  serif: 'ui-serif, "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, Cambria, "Times New Roman", serif',
  mono: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  rounded: `ui-rounded, "SF Pro Rounded", var(--wf-font-nunito), ${SANS}`,
  inter: `var(--wf-font-inter), ${SANS}`,
  "space-grotesk": `var(--wf-font-space-grotesk), ${SANS}`,
  fraunces: `var(--wf-font-fraunces), ui-serif, Georgia, serif`,
};

/** Labels for the dashboard's font picker. */
export const FONT_LABELS: Record<Theme["font"], string> = {
  system: "System sans",
  serif: "System serif",
  mono: "Monospace",
  rounded: "Rounded (Nunito)",
  inter: "Inter",
  "space-grotesk": "Space Grotesk",
  fraunces: "Fraunces (display serif)",
};
