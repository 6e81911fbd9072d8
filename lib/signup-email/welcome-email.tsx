import { Body, Button, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";

// The welcome email. Every value (the owner's title, the person's name, links) goes through React's escaping;
// the theme's colours are hex-validated on every write and re-read leniently (readTheme), and the logo is an
// http(s) URL, so nothing user-written reaches the HTML unescaped.

export type WelcomeEmailProps = {
  waitlistTitle: string;
  /** The waitlist's primary colour and a readable label colour on it. */
  primary: string;
  onPrimary: string;
  /** Empty: no logo. */
  logoUrl: string;
  name: string | null;
  /** Null once the person was let in before the email went out. */
  position: number | null;
  referralBoost: number;
  shareUrl: string;
  statusUrl: string;
  unsubscribeUrl: string;
};

const FONT = "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

export function welcomeSubject({ waitlistTitle, position }: Pick<WelcomeEmailProps, "waitlistTitle" | "position">): string {
  return position === null ? `You're in: ${waitlistTitle}` : `You're #${position} on the ${waitlistTitle} waitlist`;
}

function referralLine(boost: number): string {
  const places = boost === 1 ? "one place" : `${boost} places`;
  return `Every friend who joins through your link moves you up ${places}.`;
}

export function WelcomeEmail(props: WelcomeEmailProps) {
  const { waitlistTitle, primary, onPrimary, logoUrl, name, position, referralBoost, shareUrl, statusUrl, unsubscribeUrl } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{welcomeSubject(props)}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: FONT }}>
        <Container style={{ maxWidth: 520, margin: "40px auto", padding: 32, backgroundColor: "#ffffff", borderRadius: 12 }}>
          {logoUrl ? (
            <Img src={logoUrl} alt={waitlistTitle} height={40} style={{ maxHeight: 40, width: "auto" }} />
          ) : (
            <Text style={{ fontSize: 14, fontWeight: 700, color: primary, margin: 0 }}>{waitlistTitle}</Text>
          )}
          <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
            {name ? `Thanks for joining, ${name}!` : "Thanks for joining!"}
          </Heading>
          <Text style={{ fontSize: 15, color: "#334155", lineHeight: "24px" }}>
            {position === null
              ? `You're on the ${waitlistTitle} list, and you've already been let in.`
              : `You're on the ${waitlistTitle} waitlist. Your place in line:`}
          </Text>
          {position !== null && (
            <Text data-position style={{ fontSize: 40, fontWeight: 800, color: primary, margin: "8px 0" }}>
              #{position}
            </Text>
          )}
          <Heading as="h2" style={{ fontSize: 16, color: "#0f172a", margin: "24px 0 4px" }}>
            Move up the line
          </Heading>
          <Text style={{ fontSize: 15, color: "#334155", lineHeight: "24px" }}>
            {referralLine(referralBoost)} Share your personal link:
          </Text>
          <Section style={{ margin: "8px 0 16px" }}>
            <Button
              href={shareUrl}
              style={{ backgroundColor: primary, color: onPrimary, padding: "12px 20px", borderRadius: 8, fontWeight: 600 }}
            >
              Your share link
            </Button>
          </Section>
          <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px", wordBreak: "break-all" }}>{shareUrl}</Text>
          <Text style={{ fontSize: 15, color: "#334155", lineHeight: "24px" }}>
            Check your place any time on your <Link href={statusUrl} style={{ color: primary }}>private status page</Link>.
            Keep that link to yourself: anyone who has it can see your place.
          </Text>
          <Hr style={{ borderColor: "#e2e8f0" }} />
          <Text style={{ fontSize: 12, color: "#94a3b8", lineHeight: "18px" }}>
            You get this email because you joined the {waitlistTitle} waitlist.{" "}
            <Link href={unsubscribeUrl} style={{ color: "#64748b" }}>Unsubscribe</Link> (you keep your place in line).
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function welcomeText(props: WelcomeEmailProps): string {
  const { waitlistTitle, name, position, referralBoost, shareUrl, statusUrl, unsubscribeUrl } = props;
  return [
    name ? `Thanks for joining, ${name}!` : "Thanks for joining!",
    "",
    position === null
      ? `You're on the ${waitlistTitle} list, and you've already been let in.`
      : `You're #${position} on the ${waitlistTitle} waitlist.`,
    "",
    `${referralLine(referralBoost)} Share your personal link:`,
    shareUrl,
    "",
    "Your private status page (keep it to yourself):",
    statusUrl,
    "",
    "--",
    `You get this email because you joined the ${waitlistTitle} waitlist.`,
    `Unsubscribe (you keep your place in line): ${unsubscribeUrl}`,
  ].join("\n");
}
