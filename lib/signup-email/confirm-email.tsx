import { Heading, Text } from "@react-email/components";
import { EmailButton, EmailLayout, TEXT_STYLE, textFooter, type EmailTheme, type FooterLinks } from "@/lib/signup-email/email-layout";

// The double opt-in email: one button to the confirm page. Transactional (the person asked for it by signing
// up), so it carries no unsubscribe link; someone who did not sign up just ignores it and hears nothing more.

export type ConfirmEmailProps = { theme: EmailTheme; footer: FooterLinks; name: string | null; confirmUrl: string };

export function confirmSubject({ theme }: Pick<ConfirmEmailProps, "theme">): string {
  return `Confirm your spot on ${theme.waitlistTitle}`;
}

function reason(title: string): string {
  return `You get this email because this address was used to join the ${title} waitlist. If that wasn't you, ignore it: nothing happens without the click, and we won't write again.`;
}

const BODY = "Confirm your email address to take your place in line. Until you do, you don't have a place and your referral link doesn't count.";

export function ConfirmEmail(props: ConfirmEmailProps) {
  const { theme, footer, name, confirmUrl } = props;
  return (
    <EmailLayout theme={theme} preview={confirmSubject(props)} reason={reason(theme.waitlistTitle)} footer={footer}>
      <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
        {name ? `One more step, ${name}` : "One more step"}
      </Heading>
      <Text style={TEXT_STYLE}>{BODY}</Text>
      <EmailButton theme={theme} href={confirmUrl}>Confirm my spot</EmailButton>
      <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px", wordBreak: "break-all" }}>{confirmUrl}</Text>
    </EmailLayout>
  );
}

export function confirmText(props: ConfirmEmailProps): string {
  const { theme, footer, name, confirmUrl } = props;
  return [
    name ? `One more step, ${name}` : "One more step",
    "",
    BODY,
    "",
    "Confirm my spot:",
    confirmUrl,
    "",
    ...textFooter(reason(theme.waitlistTitle), footer),
  ].join("\n");
}
