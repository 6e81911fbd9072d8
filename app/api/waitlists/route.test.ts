import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/waitlists/route";
import * as item from "@/app/api/waitlists/[id]/route";
import * as signups from "@/app/api/waitlists/[id]/signups/route";
import * as signup from "@/app/api/waitlists/[id]/signups/[signupId]/route";
import * as stats from "@/app/api/waitlists/[id]/stats/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createSignup } from "@/lib/signups/mutations";
import { uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

beforeAll(() => {
  process.env.APP_URL = "http://localhost:3000";
  resetEnvCache();
});
afterAll(closeDb);

const code = (r: { json: Record<string, unknown> }) => (r.json.error as { code: string } | undefined)?.code;

async function ownerWithList(extra: Record<string, unknown> = {}) {
  const owner = await signedInOwner();
  const created = await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug: uniqueSlug("o"), title: "Launch", ...extra } });
  expect(created.status).toBe(201);
  return { owner, waitlist: created.json.waitlist as { id: string; slug: string } };
}

// Who may call which route is tests/access/api-access.test.ts; these are the hostile shapes of a credential or id.
describe("owner API: malformed credentials and ids", () => {
  it("treats malformed percent-escapes in the session cookie as a signed-out visitor, not a 500", async () => {
    for (const cookie of ["waitforge_session=%zz", "waitforge_session=%E0%A4%A", "a=1; waitforge_session=%"]) {
      expect((await callOwner(collection.GET, {}, { cookie })).status).toBe(401);
      expect((await callOwner(item.GET, { id: "x" }, { cookie })).status).toBe(401);
    }
  });

  it("answers ids that are no id at all (a NUL byte PostgreSQL cannot compare) with 404", async () => {
    const { owner } = await ownerWithList();
    const answers = [];
    for (const bad of ["\u0000", "a\u0000", "%00"]) {
      answers.push(await callOwner(item.GET, { id: bad }, { cookie: owner.cookie }));
      answers.push(await callOwner(item.DELETE, { id: bad }, { cookie: owner.cookie, method: "DELETE" }));
    }
    expect(answers.map((a) => [a.status, code(a)])).toEqual(answers.map(() => [404, "not_found"]));
  });
});

describe("owner API: waitlists", () => {
  it("creates, lists with counts, reads, updates and deletes", async () => {
    const { owner, waitlist } = await ownerWithList({ description: "Soon." });
    await createSignup({ waitlistId: waitlist.id, email: uniqueEmail() });
    const list = await callOwner(collection.GET, {}, { cookie: owner.cookie });
    expect(list.json.waitlists).toEqual([expect.objectContaining({ id: waitlist.id, signup_count: 1, plan: "FREE", cap: 1000 })]);

    const patched = await callOwner(item.PATCH, { id: waitlist.id }, {
      cookie: owner.cookie,
      method: "PATCH",
      body: {
        title: "New",
        theme: { primary: "#FF0000" },
        fields: { company: true },
        capacity: 50,
        referral_boost: 3,
        is_open: false,
        allowed_hosts: ["Acme.com", "*.acme.dev", "acme.com"],
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.waitlist).toMatchObject({
      title: "New",
      theme: { primary: "#ff0000", bg: "#ffffff" },
      fields: { name: true, company: true, twitter: false },
      capacity: 50,
      referral_boost: 3,
      is_open: false,
      allowed_hosts: ["acme.com", "*.acme.dev"],
      cap: 50,
    });
    expect((await callOwner(item.GET, { id: waitlist.id }, { cookie: owner.cookie })).json.waitlist).toMatchObject({ title: "New" });

    expect((await callOwner(item.DELETE, { id: waitlist.id }, { cookie: owner.cookie, method: "DELETE" })).status).toBe(200);
    expect((await callOwner(item.GET, { id: waitlist.id }, { cookie: owner.cookie })).status).toBe(404);
    expect(await db().signup.count({ where: { waitlistId: waitlist.id } })).toBe(0);
  });

  it("409s a taken slug and 400s reserved or malformed slugs and bad settings, changing nothing", async () => {
    const { owner, waitlist } = await ownerWithList();
    const taken = await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug: waitlist.slug, title: "Dup" } });
    expect(taken.status).toBe(409);
    expect(code(taken)).toBe("slug_taken");
    // confirm, data, leave: static segments of /api/public/ that would shadow such a list's public API.
    for (const slug of ["pricing", "confirm", "data", "leave", "A B", "-x-", "ab", "x".repeat(60)]) {
      const r = await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug, title: "T" } });
      expect(r.status).toBe(400);
      expect(code(r)).toBe("invalid_input");
    }
    expect((await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug: uniqueSlug(), title: "" } })).status).toBe(400);
    for (const body of [
      { theme: { primary: "red" } },
      { theme: { logo_url: "javascript:alert(1)" } },
      { theme: { font: "comic" } },
      { capacity: 0 },
      { referral_boost: -1 },
      { referral_boost: 1.5 },
      { allowed_hosts: ["https://acme.com"] },
      { allowed_hosts: Array.from({ length: 21 }, (_, i) => `s${i}.example`) },
      { allowed_hosts: "acme.com" },
      { unknown: true },
      // PostgreSQL cannot store NUL: refused here rather than failing in the database as a 500.
      { title: "a\u0000b" },
      { description: "\u0000" },
      { theme: { logo_url: "https://e.example/\u0000.png" } },
    ]) {
      const r = await callOwner(item.PATCH, { id: waitlist.id }, { cookie: owner.cookie, method: "PATCH", body });
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
    const bad = await callOwner(item.PATCH, { id: waitlist.id }, { cookie: owner.cookie, method: "PATCH", body: { theme: { primary: "red" } } });
    expect((bad.json.error as { field?: string }).field).toBe("theme.primary");
    expect((await callOwner(item.GET, { id: waitlist.id }, { cookie: owner.cookie })).json.waitlist).toMatchObject({ theme: { primary: "#4f46e5" } });
  });

  it("re-ranks the line when the referral boost changes", async () => {
    const { owner, waitlist } = await ownerWithList();
    const people = [];
    for (let i = 0; i < 6; i++) {
      const r = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail() });
      if (r.kind === "created") people.push(r);
    }
    await createSignup({ waitlistId: waitlist.id, email: uniqueEmail(), ref: people[5]!.refCode });
    const before = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie });
    const at = (r: typeof before, ref: string) => (r.json.signups as { ref_code: string; position: number }[]).find((s) => s.ref_code === ref)?.position;
    expect(at(before, people[5]!.refCode)).toBe(5); // boost 1: level with #5, and the referred-up person goes first
    await callOwner(item.PATCH, { id: waitlist.id }, { cookie: owner.cookie, method: "PATCH", body: { referral_boost: 10 } });
    const after = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie });
    expect(at(after, people[5]!.refCode)).toBe(1);
  });
});

describe("owner API: signups", () => {
  it("pages through signups by position and by join time, searches and filters", async () => {
    const { owner, waitlist } = await ownerWithList();
    const emails = [];
    for (let i = 0; i < 7; i++) {
      const email = uniqueEmail(i === 3 ? "needle" : "hay");
      emails.push(email);
      await createSignup({ waitlistId: waitlist.id, email, name: `Person ${i}` });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query });
      expect(page.status).toBe(200);
      seen.push(...(page.json.signups as { position: number }[]).map((s) => s.position));
      cursor = page.json.next_cursor as string | null;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const newest = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query: "?order=joined&limit=2" });
    expect((newest.json.signups as { email: string }[]).map((s) => s.email)).toEqual([emails[6], emails[5]]);

    const found = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query: "?q=NEEDLE" });
    expect(found.json.signups).toEqual([expect.objectContaining({ email: emails[3], position: 4, name: "Person 3", referrals: 0, status: "waiting" })]);
    const wildcard = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query: "?q=%25" });
    expect(wildcard.json.signups).toEqual([]);

    for (const query of ["?order=nope", "?limit=0", "?cursor=garbage", "?status=deleted", "?q=a%00b"]) {
      const r = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query });
      expect({ query, status: r.status }).toEqual({ query, status: 400 });
    }
    // Well-formed cursors whose numbers do not fit the int columns they are compared with.
    const cursorOf = (c: number[]) => Buffer.from(JSON.stringify(c)).toString("base64url");
    const outOfRange = [
      `?cursor=${cursorOf([0, 2 ** 31, 1])}`,
      `?cursor=${cursorOf([0, 1, -(2 ** 31) - 1])}`,
      `?order=joined&cursor=${cursorOf([2 ** 31])}`,
      `?order=joined&cursor=${cursorOf([Number.MAX_SAFE_INTEGER])}`,
    ];
    for (const query of outOfRange) {
      const r = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query });
      expect({ query, status: r.status, error: r.json.error }).toEqual({ query, status: 400, error: expect.objectContaining({ code: "invalid_input", field: "cursor" }) });
    }
  });

  it("lets people in and removes them; positions behind move up", async () => {
    const { owner, waitlist } = await ownerWithList();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail() });
      if (r.kind === "created") ids.push(r.id);
    }
    const invite = await callOwner(signup.PATCH, { id: waitlist.id, signupId: ids[0]! }, { cookie: owner.cookie, method: "PATCH", body: { status: "invited" } });
    expect(invite.json).toEqual({ ok: true, changed: true });
    const del = await callOwner(signup.DELETE, { id: waitlist.id, signupId: ids[1]! }, { cookie: owner.cookie, method: "DELETE" });
    expect(del.status).toBe(200);
    const list = await callOwner(signups.GET, { id: waitlist.id }, { cookie: owner.cookie, query: "?status=waiting" });
    expect((list.json.signups as { id: string; position: number }[]).map((s) => [s.id, s.position])).toEqual([
      [ids[2], 1],
      [ids[3], 2],
    ]);
    const s = await callOwner(stats.GET, { id: waitlist.id }, { cookie: owner.cookie });
    expect(s.json.stats).toMatchObject({ total: 3, waiting: 2, invited: 1, today: 3, last_7_days: 3, referred: 0 });
    expect((s.json.stats as { per_day: unknown[] }).per_day).toHaveLength(30);

    expect((await callOwner(signup.DELETE, { id: waitlist.id, signupId: ids[1]! }, { cookie: owner.cookie, method: "DELETE" })).status).toBe(404);
    expect((await callOwner(signup.DELETE, { id: waitlist.id, signupId: "not-a-uuid" }, { cookie: owner.cookie, method: "DELETE" })).status).toBe(404);
    const bad = await callOwner(signup.PATCH, { id: waitlist.id, signupId: ids[2]! }, { cookie: owner.cookie, method: "PATCH", body: { status: "gone" } });
    expect(bad.status).toBe(400);
  });
});
