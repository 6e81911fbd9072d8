import { Heading, Text } from "@react-email/components";
import { EmailButton, EmailLayout, TEXT_STYLE, textFooter, type EmailTheme, type FooterLinks } from "@/lib/signup-email/email-layout";

// The "friends joined through your link" digest: how many since the last one, and the move in line.

export type DigestEmailProps = {
  theme: EmailTheme;
  footer: FooterLinks;
  name: string | null;
  /** Friends credited since the last digest (at least 1). */
  friends: number;
  /** The place the last digest told (or the place without these friends, for a first digest); null: unknown. */
  from: number | null;
  to: number;
  shareUrl: string;
};

function friendsLine(friends: number): string {
  return friends === 1 ? "1 friend joined through your link" : `${friends} friends joined through your link`;
}

/** "you moved up from #A to #B" only when that is what happened; otherwise just where they are now. */
export function moveLine({ from, to }: Pick<DigestEmailProps, "from" | "to">): string {
  return from !== null && from > to ? `you moved up from #${from} to #${to}` : `you're now #${to}`;
}

export function digestSubject(props: Pick<DigestEmailProps, "theme" | "friends" | "from" | "to">): string {
  return `${friendsLine(props.friends)}: ${moveLine(props)} on ${props.theme.waitlistTitle}`;
}

function reason(title: string): string {
  return `You get this email because friends joined the ${title} waitlist through your link. At most one a day.`;
}

export function DigestEmail(props: DigestEmailProps) {
  const { theme, footer, name, shareUrl } = props;
  return (
    <EmailLayout theme={theme} preview={digestSubject(props)} reason={reason(theme.waitlistTitle)} footer={footer}>
      <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
        {name ? `Good news, ${name}!` : "Good news!"}
      </Heading>
      <Text style={TEXT_STYLE}>
        {friendsLine(props.friends)}; {moveLine(props)}.
      </Text>
      <Text data-position style={{ fontSize: 40, fontWeight: 800, color: theme.primary, margin: "8px 0" }}>
        #{props.to}
      </Text>
      <Text style={TEXT_STYLE}>Keep sharing your personal link to move up further:</Text>
      <EmailButton theme={theme} href={shareUrl}>Your share link</EmailButton>
      <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px", wordBreak: "break-all" }}>{shareUrl}</Text>
    </EmailLayout>
  );
}

export function digestText(props: DigestEmailProps): string {
  const { theme, footer, name, shareUrl } = props;
  return [
    name ? `Good news, ${name}!` : "Good news!",
    "",
    `${friendsLine(props.friends)}; ${moveLine(props)} on the ${theme.waitlistTitle} waitlist.`,
    "",
    "Keep sharing your personal link to move up further:",
    shareUrl,
    "",
    ...textFooter(reason(theme.waitlistTitle), footer),
  ].join("\n");
}
