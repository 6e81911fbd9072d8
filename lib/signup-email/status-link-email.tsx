import { Heading, Text } from "@react-email/components";
import { EmailButton, EmailLayout, TEXT_STYLE, textFooter, type EmailTheme, type FooterLinks } from "@/lib/signup-email/email-layout";

// "Email me my link": a fresh private status link, asked for on the hosted page. Transactional (the person
// asked for it): no unsubscribe link, and it says what to do if someone else typed the address.

export type StatusLinkEmailProps = { theme: EmailTheme; footer: FooterLinks; statusUrl: string };

export function statusLinkSubject({ theme }: Pick<StatusLinkEmailProps, "theme">): string {
  return `Your link to the ${theme.waitlistTitle} waitlist`;
}

function reason(title: string): string {
  return `You get this email because someone asked for this address's status link on the ${title} waitlist page. If that wasn't you, ignore it: nothing changes.`;
}

export function StatusLinkEmail(props: StatusLinkEmailProps) {
  const { theme, footer, statusUrl } = props;
  return (
    <EmailLayout theme={theme} preview={statusLinkSubject(props)} reason={reason(theme.waitlistTitle)} footer={footer}>
      <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
        Here&apos;s your private status link
      </Heading>
      <Text style={TEXT_STYLE}>
        See your place on the {theme.waitlistTitle} waitlist, share your referral link, download your data or leave
        the list from your status page:
      </Text>
      <EmailButton theme={theme} href={statusUrl}>Open my status page</EmailButton>
      <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px", wordBreak: "break-all" }}>{statusUrl}</Text>
      <Text style={TEXT_STYLE}>Keep this link to yourself: anyone who has it can see your place.</Text>
    </EmailLayout>
  );
}

export function statusLinkText(props: StatusLinkEmailProps): string {
  const title = props.theme.waitlistTitle;
  return [
    "Here's your private status link",
    "",
    `See your place on the ${title} waitlist, share your referral link, download your data or leave the list from your status page:`,
    props.statusUrl,
    "",
    "Keep this link to yourself: anyone who has it can see your place.",
    "",
    ...textFooter(reason(title), props.footer),
  ].join("\n");
}
