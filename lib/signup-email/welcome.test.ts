import { describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db";
import { getSignupStatus } from "@/lib/signups/status";
import { sendWelcomeEmail } from "@/lib/signup-email/send-welcome";
import { createWaitlist } from "@/tests/support/fixtures";
import { APP, FROM_ADDRESS, withMailWorld, type MailWorld } from "@/tests/support/mail-world";

// The welcome email end to end: signup statement -> job in the same transaction -> real worker -> real Resend
// SDK -> local fake. Content, links, headers, and that it arrives exactly once.

let world: MailWorld;
withMailWorld((w) => (world = w));

const UNSUBSCRIBE_HEADER = new RegExp(`^<${APP}/api/public/unsubscribe/([A-Za-z0-9_-]{32})>$`);

describe("the welcome email", () => {
  it("arrives once, from the waitlist's name, with place, share link, status link and one-click unsubscribe", async () => {
    const waitlist = await createWaitlist({
      title: 'Rocket "Club" <b>&</b>',
      referralBoost: 3,
      theme: { primary: "#ff5500", logo_url: "https://cdn.example/logo.png" },
    });
    await world.signup({ waitlistId: waitlist.id });
    const s = await world.signup({ waitlistId: waitlist.id, name: "Ada <i>Lovelace</i>" });
    await world.worker();

    await vi.waitFor(() => expect(world.messagesTo(s.email)).toHaveLength(1), { timeout: 15_000 });
    await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 10_000 });
    const [mail] = world.messagesTo(s.email);
    const html = mail!.html ?? "";
    const text = mail!.text ?? "";

    expect(mail!.from).toBe(`"Rocket \\"Club\\" <b>&</b>" <${FROM_ADDRESS}>`);
    expect(mail!.subject).toBe('You\'re #2 on the Rocket "Club" <b>&</b> waitlist');
    // User text only ever reaches the HTML escaped.
    expect(html).not.toContain("<b>&</b>");
    expect(html).not.toContain("<i>Lovelace</i>");
    expect(html).toContain("Ada &lt;i&gt;Lovelace&lt;/i&gt;");
    expect(html).toContain("#ff5500");
    expect(html).toContain('src="https://cdn.example/logo.png"');
    expect(text).toContain("You're #2 on the");
    expect(text).toContain("moves you up 3 places");

    const share = `${APP}/w/${waitlist.slug}?ref=${s.refCode}`;
    expect(text).toContain(share);
    expect(html).toContain(share);

    // The status link is a fresh secret of its own that opens the real status page's data.
    const statusLink = new RegExp(`${APP}/w/${waitlist.slug}/status/([A-Za-z0-9_-]{32})`).exec(text);
    expect(statusLink).not.toBeNull();
    expect(statusLink![1]).not.toBe(s.statusToken);
    expect(html).toContain(statusLink![0]);
    expect(await getSignupStatus(waitlist.slug, statusLink![1]!)).toMatchObject({ position: 2, refCode: s.refCode });

    // RFC 8058 headers; the body's link opens the confirm page for the same token.
    const token = UNSUBSCRIBE_HEADER.exec(mail!.headers["List-Unsubscribe"] ?? "")?.[1];
    expect(token).toBeDefined();
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(text).toContain(`${APP}/unsubscribe/${token}`);
    expect(html).toContain(`${APP}/unsubscribe/${token}`);

    // Only hashes are stored; the job holds the signup id and nothing secret.
    const { rows } = await pool().query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM signup_tokens WHERE token_hash = $1 OR token_hash = $2`,
      [token, statusLink![1]],
    );
    expect(rows[0]!.n).toBe(0);
    const jobs = await pool().query<{ data: unknown }>(`SELECT data FROM ${world.schema}.job WHERE data->>'signupId' = $1`, [s.id]);
    expect(jobs.rows).toEqual([{ data: { signupId: s.id } }]);
    expect(await db().signupEmail.count({ where: { signupId: s.id, kind: "welcome" } })).toBe(1);
  });

  it("says so, without a place, when the person was let in before it went out; no logo means the title", async () => {
    const s = await world.signup();
    await pool().query(`UPDATE signups SET status = 'INVITED' WHERE id = $1`, [s.id]);
    expect(await sendWelcomeEmail(s.id)).toMatchObject({ sent: true });
    const [mail] = world.messagesTo(s.email);
    expect(mail!.subject).toBe("You're in: Rocket Club");
    expect(mail!.html).not.toContain("<img");
    expect(mail!.text).toContain("already been let in");
  });

  it("is sent once however often the job runs, even by two runs at the same moment", async () => {
    const s = await world.signup();
    // Both find nothing recorded and send; Resend's idempotency key (the event key) lets one message through.
    await Promise.all([sendWelcomeEmail(s.id), sendWelcomeEmail(s.id)]);
    expect(await sendWelcomeEmail(s.id)).toEqual({ sent: false, reason: "already_sent" });
    expect(world.messagesTo(s.email)).toHaveLength(1);
    expect(await db().signupEmail.count({ where: { signupId: s.id } })).toBe(1);
  });

  it("is not sent to someone removed from the list before the worker got to it", async () => {
    const s = await world.signup();
    await pool().query(`DELETE FROM signups WHERE id = $1`, [s.id]);
    expect(await sendWelcomeEmail(s.id)).toEqual({ sent: false, reason: "gone" });
    expect(world.messagesTo(s.email)).toHaveLength(0);
  });
});
