import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/teams/roles";

// The email inviting someone into a team (lib/teams/invitations.ts). React Email escapes every value, so the
// team's name and the inviter's address are never spliced into raw HTML.

export type TeamInvitationEmailProps = {
  url: string;
  teamName: string;
  inviter: string;
  role: Role;
  email: string;
  expiresInDays: number;
};

export function TeamInvitationEmail({ url, teamName, inviter, role, email, expiresInDays }: TeamInvitationEmailProps) {
  const article = role === "admin" || role === "owner" ? "an" : "a";
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${inviter} invited you to ${teamName} on WaitForge`}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" }}>
        <Container style={{ maxWidth: 480, margin: "40px auto", padding: 32, backgroundColor: "#ffffff", borderRadius: 12 }}>
          <Text style={{ fontSize: 14, fontWeight: 700, color: "#4f46e5", margin: 0 }}>WaitForge</Text>
          <Heading as="h1" style={{ fontSize: 22, color: "#0f172a", margin: "16px 0 8px" }}>
            Join {teamName} on WaitForge
          </Heading>
          <Text style={{ fontSize: 15, color: "#334155", lineHeight: "24px" }}>
            {inviter} invited you to the team {teamName} as {article} {ROLE_LABELS[role].toLowerCase()}:{" "}
            {ROLE_DESCRIPTIONS[role].charAt(0).toLowerCase() + ROLE_DESCRIPTIONS[role].slice(1)}
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button
              href={url}
              style={{ backgroundColor: "#4f46e5", color: "#ffffff", padding: "12px 20px", borderRadius: 8, fontWeight: 600 }}
            >
              Open the invitation
            </Button>
          </Section>
          <Text style={{ fontSize: 13, color: "#64748b", lineHeight: "20px" }}>
            Sign in with {email} to accept. The link works once and expires in {expiresInDays} days. If the button
            does not work, paste this link into your browser:
            <br />
            {url}
          </Text>
          <Hr style={{ borderColor: "#e2e8f0" }} />
          <Text style={{ fontSize: 12, color: "#94a3b8" }}>
            Not expecting this? You can ignore this email: nothing happens unless you accept.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function teamInvitationText({ url, teamName, inviter, role, email, expiresInDays }: TeamInvitationEmailProps): string {
  return [
    `${inviter} invited you to the team ${teamName} on WaitForge, as ${ROLE_LABELS[role].toLowerCase()}.`,
    ROLE_DESCRIPTIONS[role],
    "",
    `Sign in with ${email} and accept here (the link works once and expires in ${expiresInDays} days):`,
    url,
    "",
    "Not expecting this? Ignore this email: nothing happens unless you accept.",
  ].join("\n");
}
