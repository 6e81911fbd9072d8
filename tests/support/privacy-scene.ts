import { db } from "@/lib/db";
import { sendWelcomeEmail } from "@/lib/signup-email/send-welcome";
import { createSignup } from "@/lib/signups/mutations";
import type { CapturedEmail } from "@/tests/support/fake-resend";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import type { MailWorld } from "@/tests/support/mail-world";

// The self-service tests' line (boost 2): Ann, Rex, then Pat (referred by Rex), Quin (referred by Pat) and
// Zed. Pat, the person under test, got the welcome email, so they have email ledger rows and footer tokens.

export async function privacyScene(world: MailWorld) {
  const waitlist = await createWaitlist({ title: "Privacy club", referralBoost: 2, fieldCompany: true, fieldTwitter: true });
  const join = async (label: string, extra: { ref?: string; name?: string; company?: string; twitter?: string } = {}) => {
    const email = uniqueEmail(label);
    const r = await createSignup({ waitlistId: waitlist.id, email, ...extra });
    if (r.kind !== "created") throw new Error(`scene signup: ${r.kind}`);
    return { ...r, email };
  };
  const ann = await join("ann");
  const rex = await join("rex");
  const pat = await join("pat", { ref: rex.refCode, name: "Pat Doe", company: "Doe & Co", twitter: "patdoe" });
  const quin = await join("quin", { ref: pat.refCode });
  const zed = await join("zed");
  await sendWelcomeEmail(pat.id);
  const mail = world.messagesTo(pat.email).at(-1);
  if (!mail) throw new Error("scene: no welcome email to Pat");
  return { waitlist, ann, rex, pat, quin, zed, mail, footer: footerTokens(mail) };
}

/** The tokens of an email footer's "Download my data" and "Leave this waitlist" links (text part). */
export function footerTokens(mail: CapturedEmail): { data: string; leave: string } {
  const text = mail.text ?? "";
  const data = /Download my data: \S+\/api\/public\/data\/([A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/.exec(text)?.[1];
  const leave = /Leave this waitlist: \S+\/leave\/([A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/.exec(text)?.[1];
  if (!data || !leave) throw new Error(`no privacy links in the footer of:\n${text}`);
  return { data, leave };
}

export const signupRow = (id: string) => db().signup.findUnique({ where: { id } });
