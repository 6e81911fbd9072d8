import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";

// The sign-in email. React Email escapes every value, so the URL and host are never spliced into raw HTML.

export type MagicLinkEmailProps = { url: string; host: string; expiresInMinutes: number };

export function MagicLinkEmail({ url, host, expiresInMinutes }: MagicLinkEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Your WaitForge sign-in link</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" }}>
        <Container style={{ maxWidth: 480, margin: "40px auto", padding: 32, backgroundColor: "#ffffff", borderRadius: 12 }}>
          <Text style={{ fontSize: 14, fontWeight: 700, color: "#4f46e5", margin: 0 }}>WaitForge</Text>
          <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
            Sign in to WaitForge
          </Heading>
          <Text style={{ fontSize: 15, color: "#334155", lineHeight: "24px" }}>
            Click the button below to sign in to {host}. The link works once and expires in {expiresInMinutes} minutes.
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button
              href={url}
              style={{ backgroundColor: "#4f46e5", color: "#ffffff", padding: "12px 20px", borderRadius: 8, fontWeight: 600 }}
            >
              Sign in
            </Button>
          </Section>
          <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px" }}>
            If the button does not work, paste this link into your browser:
            <br />
            {url}
          </Text>
          <Hr style={{ borderColor: "#e2e8f0" }} />
          <Text style={{ fontSize: 12, color: "#94a3b8" }}>
            If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function magicLinkText({ url, host, expiresInMinutes }: MagicLinkEmailProps): string {
  return [
    `Sign in to WaitForge (${host})`,
    "",
    `Open this link to sign in. It works once and expires in ${expiresInMinutes} minutes:`,
    url,
    "",
    "If you did not ask to sign in, ignore this email.",
  ].join("\n");
}
