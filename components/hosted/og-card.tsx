import { parseHex, readableTextOn } from "@/lib/waitlists/contrast";
import type { Theme } from "@/lib/waitlists/schemas";

// The 1200x630 link-preview card, laid out for next/og (Satori: flexbox only, inline styles). Colours are
// the waitlist's validated hex values; owner text is only ever text content. Satori wants one text node per
// element (or display: flex), hence the template strings.

export const OG_SIZE = { width: 1200, height: 630 } as const;

/** a over b at `amount` (0-1), in sRGB: Satori has no color-mix(). */
function mix(a: string, b: string, amount: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return a;
  const ch = (x: number, y: number) => Math.round(x * amount + y * (1 - amount)).toString(16).padStart(2, "0");
  return `#${ch(ca.r, cb.r)}${ch(ca.g, cb.g)}${ch(ca.b, cb.b)}`;
}

export function OgCard({
  theme,
  title,
  description,
  host,
  position,
}: {
  theme: Pick<Theme, "primary" | "bg" | "text">;
  title: string;
  description: string;
  host: string;
  /** The sharer's place: the card then reads "#47 on <title>". */
  position: number | null;
}) {
  const muted = mix(theme.text, theme.bg, 0.62);
  const tint = mix(theme.primary, theme.bg, 0.16);
  const initial = [...title.trim()][0]?.toUpperCase() ?? "W";
  const clipped = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        backgroundColor: theme.bg,
        backgroundImage: `radial-gradient(circle at 85% 0%, ${tint} 0%, ${theme.bg} 55%)`,
        color: theme.text,
        fontFamily: "Inter",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
        <div
          style={{
            width: 64,
            height: 64,
            borderRadius: 16,
            backgroundColor: theme.primary,
            color: readableTextOn(theme.primary),
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            fontSize: 36,
            fontWeight: 800,
          }}
        >
          {initial}
        </div>
        <div style={{ fontSize: 32, fontWeight: 600 }}>{clipped(title, 40)}</div>
      </div>

      {position !== null ? (
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ fontSize: 40, fontWeight: 600, color: muted }}>I&apos;m on the list</div>
          <div style={{ display: "flex", alignItems: "baseline", gap: 28 }}>
            <div style={{ fontSize: 220, fontWeight: 800, color: theme.primary, letterSpacing: -8, lineHeight: 1 }}>
              {`#${position.toLocaleString("en-US")}`}
            </div>
          </div>
          <div style={{ fontSize: 56, fontWeight: 800, letterSpacing: -1.5, marginTop: 8 }}>{`on ${clipped(title, 36)}`}</div>
        </div>
      ) : (
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div
            style={{
              display: "flex",
              alignSelf: "flex-start",
              padding: "10px 22px",
              borderRadius: 999,
              backgroundColor: tint,
              fontSize: 26,
              fontWeight: 600,
              color: theme.text,
            }}
          >
            Join the waitlist
          </div>
          <div style={{ fontSize: 88, fontWeight: 800, letterSpacing: -3, lineHeight: 1.05, marginTop: 28 }}>
            {clipped(title, 60)}
          </div>
          {description ? (
            <div style={{ fontSize: 34, color: muted, marginTop: 24, lineHeight: 1.35 }}>{clipped(description, 120)}</div>
          ) : null}
        </div>
      )}

      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 26, color: muted }}>
        <div>{host}</div>
        <div
          style={{
            display: "flex",
            padding: "14px 30px",
            borderRadius: 999,
            backgroundColor: theme.primary,
            color: readableTextOn(theme.primary),
            fontWeight: 600,
          }}
        >
          {position !== null ? "Join me" : "Get early access"}
        </div>
      </div>
    </div>
  );
}
