import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { newStatusToken } from "@/lib/signups/codes";
import { params, routeRequest, uniqueIp } from "@/tests/support/fixtures";
import { APP, startMailWorld, type MailWorld } from "@/tests/support/mail-world";
import { privacyScene } from "@/tests/support/privacy-scene";
import { GET } from "./route";

// "Download my data": the person's status token (the one shown at signup, or any mailed status link such as
// every email footer's) opens a JSON attachment of everything held about them, and nothing about anyone else.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
});
afterAll(async () => {
  await world.close();
});

async function download(token: string) {
  const res = await GET(routeRequest(`/api/public/data/${token}`, undefined, { ip: uniqueIp() }), params({ token }));
  const text = await res.text();
  return { res, status: res.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe("GET /api/public/data/:token", () => {
  it("answers the person's data as a private, unindexed JSON attachment, from the footer link and the signup's own token", async () => {
    const { waitlist, pat, rex, quin, ann, zed, footer } = await privacyScene(world);
    const got = await download(footer.data);
    expect(got.status).toBe(200);
    expect(got.res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(got.res.headers.get("content-disposition")).toBe(`attachment; filename="${waitlist.slug}-my-data.json"`);
    expect(got.res.headers.get("cache-control")).toBe("no-store");
    expect(got.res.headers.get("x-robots-tag")).toContain("noindex");

    expect(got.json).toEqual({
      waitlist: { title: "Privacy club", url: `${APP}/w/${waitlist.slug}` },
      exported_at: ISO,
      signup: {
        email: pat.email,
        name: "Pat Doe",
        company: "Doe & Co",
        twitter: "patdoe",
        status: "waiting",
        // Boost 2: Rex (seq 2, one referral: score 0), Ann (seq 1, score 1), Pat (seq 3, one referral: score 1).
        position: 2,
        ref_code: pat.refCode,
        share_url: `${APP}/w/${waitlist.slug}?ref=${pat.refCode}`,
        referral_count: 1,
        referred: true,
        unsubscribed: false,
        created_at: ISO,
        unsubscribed_at: null,
      },
      emails: [{ kind: "welcome", sent_at: ISO }],
    });
    // Nothing about anyone else: not who referred them, not whom they referred, nobody's address or code.
    for (const other of [rex, quin, ann, zed]) {
      expect(got.text).not.toContain(other.email);
      expect(got.text).not.toContain(other.refCode);
      expect(got.text).not.toContain(other.id);
    }
    expect(got.text).not.toContain(pat.id);

    // The status token shown at signup opens the same file; so would any mailed status link.
    const again = await download(pat.statusToken);
    expect(again.status).toBe(200);
    expect({ ...again.json, exported_at: null }).toEqual({ ...got.json, exported_at: null });
  });

  it("gives a let-in person's status without a place, and shows an unsubscribe", async () => {
    const { pat } = await privacyScene(world);
    await pool().query(`UPDATE signups SET status = 'INVITED', unsubscribed_at = now() WHERE id = $1`, [pat.id]);
    const got = await download(pat.statusToken);
    expect(got.json.signup).toMatchObject({ status: "invited", position: null, unsubscribed: true, unsubscribed_at: ISO });
  });

  it("404s for unknown, malformed and other kinds of token (unsubscribe, leave) with the one error shape", async () => {
    const { pat, footer } = await privacyScene(world);
    const unsubscribe = await mintSignupToken(pat.id, "unsubscribe");
    for (const token of [newStatusToken().token, "not-a-token", unsubscribe, footer.leave]) {
      const got = await download(token);
      expect(got.status).toBe(404);
      expect(got.json).toMatchObject({ ok: false, error: { code: "not_found", message: expect.any(String) } });
      expect(got.res.headers.get("content-disposition")).toBeNull();
      expect(got.text).not.toContain(pat.email);
    }
  });
});
