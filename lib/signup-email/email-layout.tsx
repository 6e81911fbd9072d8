import type { ReactNode } from "react";
import { Body, Button, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";

// The frame every email to a signup shares: the waitlist's logo (or title in its colour), the content, and a
// footer that says why the mail came and carries the unsubscribe link. Every value goes through React's
// escaping; the theme's colours are hex-validated on every write and re-read leniently (readTheme), and the
// logo is an http(s) URL, so nothing user-written reaches the HTML unescaped.

export type EmailTheme = {
  waitlistTitle: string;
  /** The waitlist's primary colour and a readable label colour on it. */
  primary: string;
  onPrimary: string;
  /** Empty: no logo. */
  logoUrl: string;
};

/** Links every email's footer carries. `unsubscribeUrl` null: a transactional email the person asked for. */
export type FooterLinks = { unsubscribeUrl: string | null; extra?: { label: string; href: string }[] };

export const FONT = "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
export const TEXT_STYLE = { fontSize: 15, color: "#334155", lineHeight: "24px" } as const;

export function EmailLayout(props: { theme: EmailTheme; preview: string; reason: string; footer: FooterLinks; children: ReactNode }) {
  const { theme, preview, reason, footer, children } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: FONT }}>
        <Container style={{ maxWidth: 520, margin: "40px auto", padding: 32, backgroundColor: "#ffffff", borderRadius: 12 }}>
          {theme.logoUrl ? (
            <Img src={theme.logoUrl} alt={theme.waitlistTitle} height={40} style={{ maxHeight: 40, width: "auto" }} />
          ) : (
            <Text style={{ fontSize: 14, fontWeight: 700, color: theme.primary, margin: 0 }}>{theme.waitlistTitle}</Text>
          )}
          {children}
          <Hr style={{ borderColor: "#e2e8f0" }} />
          <Text style={{ fontSize: 12, color: "#94a3b8", lineHeight: "18px" }}>
            {reason}
            {footer.unsubscribeUrl && (
              <>
                {" "}
                <Link href={footer.unsubscribeUrl} style={{ color: "#64748b" }}>Unsubscribe</Link> (you keep your place in line).
              </>
            )}
            {footer.extra?.map((l) => (
              <span key={l.href}>
                {" · "}
                <Link href={l.href} style={{ color: "#64748b" }}>{l.label}</Link>
              </span>
            ))}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A call-to-action button in the waitlist's colours. */
export function EmailButton(props: { theme: EmailTheme; href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Button
        href={props.href}
        style={{ backgroundColor: props.theme.primary, color: props.theme.onPrimary, padding: "12px 20px", borderRadius: 8, fontWeight: 600 }}
      >
        {props.children}
      </Button>
    </Section>
  );
}

/** The plain-text part's footer, matching EmailLayout's. */
export function textFooter(reason: string, footer: FooterLinks): string[] {
  return [
    "--",
    reason,
    ...(footer.unsubscribeUrl ? [`Unsubscribe (you keep your place in line): ${footer.unsubscribeUrl}`] : []),
    ...(footer.extra ?? []).map((l) => `${l.label}: ${l.href}`),
  ];
}
