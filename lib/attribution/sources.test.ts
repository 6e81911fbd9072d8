import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportGET } from "@/app/api/waitlists/[id]/export.csv/route";
import { GET as signupsGET } from "@/app/api/waitlists/[id]/signups/route";
import { GET as statsGET } from "@/app/api/waitlists/[id]/stats/route";
import { topSources } from "@/lib/attribution/sources";
import { closeDb, pool } from "@/lib/db";
import { createSignup } from "@/lib/signups/mutations";
import { exportMyData } from "@/lib/signups/my-data";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// The owner's side of attribution: the source label, Top sources, the table's filter, the owner API and the CSV.

afterAll(closeDb);

type Seed = { attribution?: object; metadata?: object; ref?: string; daysAgo?: number };

async function seed(waitlistId: string, people: Seed[]) {
  const codes: string[] = [];
  for (const p of people) {
    const r = await createSignup({
      waitlistId,
      email: uniqueEmail(),
      ref: p.ref ?? null,
      attribution: p.attribution ? JSON.stringify(p.attribution) : null,
      metadata: p.metadata ? JSON.stringify(p.metadata) : null,
    });
    if (r.kind !== "created") throw new Error("seed");
    codes.push(r.refCode);
    if (p.daysAgo) {
      await pool().query(`UPDATE signups SET created_at = created_at - make_interval(days => $2) WHERE ref_code = $1`, [r.refCode, p.daysAgo]);
    }
  }
  return codes;
}

async function setup() {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id });
  const [first] = await seed(waitlist.id, [{ attribution: { utm_source: "hn", referrer: "news.ycombinator.com" } }]);
  await seed(waitlist.id, [
    { attribution: { utm_source: "hn" } },
    { attribution: { referrer: "t.co" } },
    { attribution: { referrer: "t.co" } },
    { attribution: { referrer: "t.co" } },
    // A share link without utm or a referring site is "referral"; with one, the site wins.
    { ref: first, attribution: { ref: first } },
    { ref: first, attribution: { ref: first, referrer: "t.co" } },
    {},
    // Older than 30 days: not in Top sources, still listed and exported.
    { attribution: { utm_source: "old-newsletter" }, daysAgo: 40 },
  ]);
  return { owner, waitlist };
}

describe("Top sources", () => {
  it("counts the last 30 days by utm_source, else referring site, else referral / direct, biggest first", async () => {
    const { owner, waitlist } = await setup();
    const expected = [
      { source: "t.co", signups: 4 },
      { source: "hn", signups: 2 },
      { source: "direct", signups: 1 },
      { source: "referral", signups: 1 },
    ];
    expect(await topSources(waitlist.id)).toEqual(expected);
    const stats = await callOwner(statsGET as never, { id: waitlist.id }, { cookie: owner.cookie });
    expect(stats.status).toBe(200);
    expect((stats.json.stats as { top_sources: unknown }).top_sources).toEqual(expected);
  });

  it("is empty for a list without signups", async () => {
    const waitlist = await createWaitlist();
    expect(await topSources(waitlist.id)).toEqual([]);
  });
});

describe("the signups list: source, attribution, metadata and the source filter", () => {
  it("filters by a source label and answers each person's attribution and metadata", async () => {
    const { owner, waitlist } = await setup();
    await seed(waitlist.id, [{ attribution: { utm_source: "hn", utm_campaign: "launch" }, metadata: { plan: "pro", seats: 3 } }]);
    const list = async (query: string) => {
      const r = await callOwner(signupsGET as never, { id: waitlist.id }, { cookie: owner.cookie, query });
      expect(r.status).toBe(200);
      return r.json.signups as { source: string; attribution: unknown; metadata: unknown }[];
    };
    const hn = await list("?source=hn&order=joined");
    expect(hn.map((s) => s.source)).toEqual(["hn", "hn", "hn"]);
    expect(hn[0]).toMatchObject({ attribution: { utm_source: "hn", utm_campaign: "launch" }, metadata: { plan: "pro", seats: 3 } });
    expect(await list("?source=t.co")).toHaveLength(4);
    expect(await list("?source=old-newsletter")).toHaveLength(1);
    expect(await list("?source=direct")).toMatchObject([{ source: "direct", attribution: null, metadata: null }]);
    expect(await list("?source=nobody")).toEqual([]);
    expect(await list("")).toHaveLength(10);
    const bad = await callOwner(signupsGET as never, { id: waitlist.id }, { cookie: owner.cookie, query: `?source=${"x".repeat(201)}` });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: "invalid_input", field: "source" } });
  });
});

describe("the CSV export", () => {
  it("has source, utm_*, referring_site and metadata columns, formula-guarded", async () => {
    const { owner, waitlist } = await setup();
    await seed(waitlist.id, [
      { attribution: { utm_source: "=HYPERLINK(\"http://x\")", utm_medium: "email", referrer: "mail.example.com" }, metadata: { note: "-2+3", n: 1 } },
    ]);
    const req = new Request(`http://localhost:3000/api/waitlists/${waitlist.id}/export.csv`, { headers: { cookie: owner.cookie } });
    const res = await exportGET(req, { params: Promise.resolve({ id: waitlist.id }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split("\n")[0]).toMatch(/,joined_at,external_id,source,utm_source,utm_medium,utm_campaign,utm_term,utm_content,referring_site,metadata$/);
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    const last = rows.find((r) => r.utm_medium === "email");
    expect(last).toMatchObject({
      source: "'=HYPERLINK(\"http://x\")",
      utm_source: "'=HYPERLINK(\"http://x\")",
      referring_site: "mail.example.com",
      utm_campaign: "",
    });
    expect(JSON.parse(last?.metadata ?? "")).toEqual({ n: 1, note: "-2+3" });
    expect(rows.filter((r) => r.source === "t.co")).toHaveLength(4);
    expect(rows.find((r) => r.utm_source === "old-newsletter")?.source).toBe("old-newsletter");
    expect(rows.filter((r) => r.source === "direct")).toMatchObject([{ metadata: "", utm_source: "", referring_site: "" }]);
  });
});

describe("download my data", () => {
  it("includes the person's metadata and attribution, but not the referral code (it points at someone else)", async () => {
    const waitlist = await createWaitlist();
    const [code] = await seed(waitlist.id, [{}]);
    const r = await createSignup({
      waitlistId: waitlist.id,
      email: uniqueEmail(),
      ref: code,
      attribution: JSON.stringify({ utm_source: "hn", referrer: "t.co", ref: code }),
      metadata: JSON.stringify({ plan: "team" }),
    });
    if (r.kind !== "created") throw new Error("setup");
    const mine = await exportMyData(r.statusToken);
    expect(mine?.data.signup).toMatchObject({ metadata: { plan: "team" }, attribution: { utm_source: "hn", referrer: "t.co" } });
    expect(JSON.stringify(mine)).not.toContain(code);
  });
});
