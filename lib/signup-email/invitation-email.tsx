import { Heading, Link, Text } from "@react-email/components";
import { EmailButton, EmailLayout, TEXT_STYLE, textFooter, type EmailTheme, type FooterLinks } from "@/lib/signup-email/email-layout";

// The "You're in" email: the owner's message (plain text: React escapes it, line breaks kept with
// pre-wrap), a button to the owner's link, and the person's invite code when the list issues them.

export type InvitationEmailProps = {
  theme: EmailTheme;
  footer: FooterLinks;
  name: string | null;
  message: string;
  inviteUrl: string | null;
  inviteCode: string | null;
  statusUrl: string;
};

export function invitationSubject({ theme }: Pick<InvitationEmailProps, "theme">): string {
  // Not the welcome's "You're in: <title>" (a welcome sent after an early invitation), so the two tell apart.
  return `You're in! Your invitation to ${theme.waitlistTitle}`;
}

function reason(title: string): string {
  return `You get this email because you joined the ${title} waitlist.`;
}

export function InvitationEmail(props: InvitationEmailProps) {
  const { theme, footer, name, message, inviteUrl, inviteCode, statusUrl } = props;
  const title = theme.waitlistTitle;
  return (
    <EmailLayout theme={theme} preview={invitationSubject(props)} reason={reason(title)} footer={footer}>
      <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
        {name ? `You're in, ${name}!` : "You're in!"}
      </Heading>
      <Text style={TEXT_STYLE}>Your wait for {title} is over: you&apos;ve been let in.</Text>
      {message.trim() !== "" && (
        <Text data-message style={{ ...TEXT_STYLE, whiteSpace: "pre-wrap" }}>
          {message.trim()}
        </Text>
      )}
      {inviteCode && (
        <>
          <Text style={TEXT_STYLE}>Your invite code:</Text>
          <Text data-invite-code style={{ fontSize: 28, fontWeight: 800, letterSpacing: 4, color: theme.primary, margin: "4px 0 16px", fontFamily: "monospace" }}>
            {inviteCode}
          </Text>
        </>
      )}
      {inviteUrl && <EmailButton theme={theme} href={inviteUrl}>Get started</EmailButton>}
      {inviteUrl && <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px", wordBreak: "break-all" }}>{inviteUrl}</Text>}
      <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px" }}>
        Your <Link href={statusUrl} style={{ color: theme.primary }}>private status page</Link> shows this invitation too.
      </Text>
    </EmailLayout>
  );
}

export function invitationText(props: InvitationEmailProps): string {
  const { theme, footer, name, message, inviteUrl, inviteCode, statusUrl } = props;
  const title = theme.waitlistTitle;
  return [
    name ? `You're in, ${name}!` : "You're in!",
    "",
    `Your wait for ${title} is over: you've been let in.`,
    ...(message.trim() !== "" ? ["", message.trim()] : []),
    ...(inviteCode ? ["", `Your invite code: ${inviteCode}`] : []),
    ...(inviteUrl ? ["", "Get started:", inviteUrl] : []),
    "",
    "Your private status page:",
    statusUrl,
    "",
    ...textFooter(reason(title), footer),
  ].join("\n");
}
