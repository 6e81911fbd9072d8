import "server-only";
import { render } from "@react-email/components";
import { sendEmail } from "@/lib/email/transport";
import { MagicLinkEmail, magicLinkText } from "@/lib/email/magic-link-email";

export async function sendMagicLink(to: string, url: string, expiresInMinutes: number): Promise<void> {
  const host = new URL(url).host;
  const props = { url, host, expiresInMinutes };
  const html = await render(MagicLinkEmail(props));
  await sendEmail({ to, subject: "Your WaitForge sign-in link", html, text: magicLinkText(props) });
}
