import { afterAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/waitlists/route";
import * as item from "@/app/api/waitlists/[id]/route";
import * as signups from "@/app/api/waitlists/[id]/signups/route";
import { findNul } from "@/lib/api/nul";
import { closeDb, db } from "@/lib/db";
import { uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { postSignup } from "@/tests/support/public-api";

// U+0000 cannot be stored in PostgreSQL text; before the boundary check each of these answered 500.

afterAll(closeDb);

const NUL = "\u0000";

describe("findNul", () => {
  it("names the first string holding U+0000 by its dotted path", () => {
    expect(findNul({ a: "x", theme: { logo_url: `https://x${NUL}` } })).toBe("theme.logo_url");
    expect(findNul({ list: ["ok", `b${NUL}`] })).toBe("list.1");
    expect(findNul({ [`k${NUL}`]: "v" })).toBe("");
    expect(findNul({ a: "fine", n: 1, b: null, c: [true] })).toBeNull();
  });
});

describe("a NUL character in any text", () => {
  it("is a 400 invalid_input naming the field on the owner API, and changes nothing", async () => {
    const owner = await signedInOwner();
    const created = await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug: uniqueSlug("nul"), title: `a${NUL}b` } });
    expect(created.status).toBe(400);
    expect(created.json).toMatchObject({ ok: false, error: { code: "invalid_input", field: "title" } });
    expect(await db().waitlist.count({ where: { createdBy: owner.id } })).toBe(0);

    const ok = await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug: uniqueSlug("nul"), title: "Clean" } });
    const id = (ok.json.waitlist as { id: string }).id;
    const patched = await callOwner(item.PATCH, { id }, { cookie: owner.cookie, method: "PATCH", body: { description: `x${NUL}`, title: "Changed" } });
    expect(patched.status).toBe(400);
    expect(patched.json).toMatchObject({ ok: false, error: { code: "invalid_input", field: "description" } });
    expect((await callOwner(item.GET, { id }, { cookie: owner.cookie })).json.waitlist).toMatchObject({ title: "Clean", description: "" });

    const search = await callOwner(signups.GET, { id }, { cookie: owner.cookie, query: "?q=%00x" });
    expect(search.status).toBe(400);
    expect(search.json).toMatchObject({ ok: false, error: { code: "invalid_input", field: "q" } });
  });

  it("is a 400 invalid_input naming the field on the public signup, and nobody is added", async () => {
    const owner = await signedInOwner();
    const created = await callOwner(collection.POST, {}, { cookie: owner.cookie, body: { slug: uniqueSlug("nul"), title: "Public" } });
    const { id, slug } = created.json.waitlist as { id: string; slug: string };
    for (const field of ["name", "company", "ref"]) {
      const r = await postSignup(slug, { email: uniqueEmail(), [field]: `x${NUL}y` });
      expect({ field, status: r.status, json: r.json }).toMatchObject({ field, status: 400, json: { ok: false, error: { code: "invalid_input", field } } });
    }
    expect(await db().signup.count({ where: { waitlistId: id } })).toBe(0);
  });
});
