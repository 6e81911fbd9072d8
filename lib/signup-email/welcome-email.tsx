import { Heading, Link, Text } from "@react-email/components";
import { EmailButton, EmailLayout, TEXT_STYLE, textFooter, type EmailTheme, type FooterLinks } from "@/lib/signup-email/email-layout";

// The welcome email: place in line, the share link, the private status link and how referrals work.

export type WelcomeEmailProps = {
  theme: EmailTheme;
  footer: FooterLinks;
  name: string | null;
  /** Null once the person was let in before the email went out. */
  position: number | null;
  referralBoost: number;
  shareUrl: string;
  statusUrl: string;
};

export function welcomeSubject({ theme, position }: Pick<WelcomeEmailProps, "theme" | "position">): string {
  return position === null ? `You're in: ${theme.waitlistTitle}` : `You're #${position} on the ${theme.waitlistTitle} waitlist`;
}

function referralLine(boost: number): string {
  const places = boost === 1 ? "one place" : `${boost} places`;
  return `Every friend who joins through your link moves you up ${places}.`;
}

function reason(title: string): string {
  return `You get this email because you joined the ${title} waitlist.`;
}

export function WelcomeEmail(props: WelcomeEmailProps) {
  const { theme, footer, name, position, referralBoost, shareUrl, statusUrl } = props;
  const title = theme.waitlistTitle;
  return (
    <EmailLayout theme={theme} preview={welcomeSubject(props)} reason={reason(title)} footer={footer}>
      <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
        {name ? `Thanks for joining, ${name}!` : "Thanks for joining!"}
      </Heading>
      <Text style={TEXT_STYLE}>
        {position === null
          ? `You're on the ${title} list, and you've already been let in.`
          : `You're on the ${title} waitlist. Your place in line:`}
      </Text>
      {position !== null && (
        <Text data-position style={{ fontSize: 40, fontWeight: 800, color: theme.primary, margin: "8px 0" }}>
          #{position}
        </Text>
      )}
      <Heading as="h2" style={{ fontSize: 16, color: "#0f172a", margin: "24px 0 4px" }}>
        Move up the line
      </Heading>
      <Text style={TEXT_STYLE}>{referralLine(referralBoost)} Share your personal link:</Text>
      <EmailButton theme={theme} href={shareUrl}>Your share link</EmailButton>
      <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px", wordBreak: "break-all" }}>{shareUrl}</Text>
      <Text style={TEXT_STYLE}>
        Check your place any time on your <Link href={statusUrl} style={{ color: theme.primary }}>private status page</Link>.
        Keep that link to yourself: anyone who has it can see your place.
      </Text>
    </EmailLayout>
  );
}

export function welcomeText(props: WelcomeEmailProps): string {
  const { theme, footer, name, position, referralBoost, shareUrl, statusUrl } = props;
  const title = theme.waitlistTitle;
  return [
    name ? `Thanks for joining, ${name}!` : "Thanks for joining!",
    "",
    position === null ? `You're on the ${title} list, and you've already been let in.` : `You're #${position} on the ${title} waitlist.`,
    "",
    `${referralLine(referralBoost)} Share your personal link:`,
    shareUrl,
    "",
    "Your private status page (keep it to yourself):",
    statusUrl,
    "",
    ...textFooter(reason(title), footer),
  ].join("\n");
}
