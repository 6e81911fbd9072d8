import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/waitlists/[id]/export.csv/route";
import { closeDb, db, pool } from "@/lib/db";
import { setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { CSV_COLUMNS } from "@/lib/signups/schemas";
import { createWaitlist, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

afterAll(closeDb);

async function setup() {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("csv") });
  return { owner, waitlist };
}

async function exportCsv(id: string, cookie: string, query = "") {
  const r = await callOwner(GET as never, { id }, { cookie, query });
  return r;
}

async function rowsOf(id: string, cookie: string, query = "") {
  const req = new Request(`http://localhost:3000/api/waitlists/${id}/export.csv${query}`, { headers: { cookie } });
  const res = await GET(req, { params: Promise.resolve({ id }) });
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, text, rows: parse(text, { columns: true, bom: true }) as Record<string, string>[] };
}

describe("GET /api/waitlists/:id/export.csv", () => {
  it("exports every column with a header, in position order, as UTF-8 with RFC 4180 quoting", async () => {
    const { owner, waitlist } = await setup();
    const a = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("a"), name: 'Zoë "Z" Ångström, PhD', company: "Line\nbreak Inc" });
    const b = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("b"), name: "李小龍" });
    if (a.kind !== "created" || b.kind !== "created") throw new Error("setup");
    const c = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("c"), name: "محمد", twitter: "mo", ref: b.refCode });
    const d = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("d"), ref: b.refCode });
    if (c.kind !== "created" || d.kind !== "created") throw new Error("setup");
    await setSignupStatus(waitlist.id, a.id, "INVITED");

    const { res, text, rows } = await rowsOf(waitlist.id, owner.cookie);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${waitlist.slug}-signups-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(text.split("\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(text).toContain('"Zoë ""Z"" Ångström, PhD"');
    // b has two referrals: score 2-2 = 0, first in line; then c, d; a was let in and has no position.
    const bEmail = (await db().signup.findUniqueOrThrow({ where: { id: b.id } })).email;
    expect(rows.map((r) => [r.position, r.name, r.status])).toEqual([
      ["1", "李小龍", "waiting"],
      ["2", "محمد", "waiting"],
      ["3", "", "waiting"],
      ["", 'Zoë "Z" Ångström, PhD', "invited"],
    ]);
    expect(rows[0]).toMatchObject({ referrals: "2", referred_by: "", ref_code: b.refCode });
    expect(rows[1]).toMatchObject({ referred_by: bEmail, twitter: "mo", referrals: "0" });
    expect(rows[3]!.company).toBe("Line\nbreak Inc");
    expect(rows[3]!.joined_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("neutralises formula injection in every text cell", async () => {
    const { owner, waitlist } = await setup();
    const hostile = ["=HYPERLINK(\"http://evil\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];
    for (const [i, h] of hostile.entries()) {
      await createSignup({ waitlistId: waitlist.id, email: `${h}${i}@evil.example`, name: h, company: h, twitter: h });
    }
    const { rows } = await rowsOf(waitlist.id, owner.cookie);
    expect(rows).toHaveLength(hostile.length);
    for (const [i, row] of rows.entries()) {
      for (const col of ["email", "name", "company", "twitter"] as const) {
        expect(row[col]!.startsWith("'"), `${col} of row ${i}: ${JSON.stringify(row[col])}`).toBe(true);
        expect(row[col]!.slice(1).startsWith(hostile[i]!)).toBe(true);
      }
    }
  });

  it("neutralises formula starters after a separator anywhere in a cell, and leaves plain text alone", async () => {
    const { owner, waitlist } = await setup();
    // Spreadsheets that split on ; (or , or tab) turn what follows the separator into a cell of its own.
    const hostile = [";=1+1;", 'a,=HYPERLINK("http://evil")', "x\t+cmd", "line\n-2+3", "a; @SUM(A1)", 'q,"=1+1"', "'=already quoted"];
    const plain = ["Jean-Luc", "a+b=c", "Acme, Inc", "semi;colon"];
    for (const [i, text] of [...hostile, ...plain].entries()) {
      await createSignup({ waitlistId: waitlist.id, email: uniqueEmail(`f${i}`), name: text, company: text });
    }
    const { rows } = await rowsOf(waitlist.id, owner.cookie);
    expect(rows.map((r) => r.name)).toEqual([...hostile.map((h) => `'${h}`), ...plain]);
    expect(rows.map((r) => r.company)).toEqual(rows.map((r) => r.name));
  });

  it("filters by status and join time, and exports an empty list as a header only", async () => {
    const { owner, waitlist } = await setup();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const r = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail() });
      if (r.kind === "created") ids.push(r.id);
    }
    await db().signup.update({ where: { id: ids[0] }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    await setSignupStatus(waitlist.id, ids[2]!, "INVITED");
    expect((await rowsOf(waitlist.id, owner.cookie, "?status=waiting")).rows.map((r) => r.position)).toEqual(["1", "2"]);
    expect((await rowsOf(waitlist.id, owner.cookie, "?status=invited")).rows).toHaveLength(1);
    const recent = await rowsOf(waitlist.id, owner.cookie, "?joined_after=2026-06-01");
    expect(recent.rows.map((r) => r.position)).toEqual(["2", ""]);
    const old = await rowsOf(waitlist.id, owner.cookie, "?joined_before=2026-06-01T00:00:00Z");
    expect(old.rows.map((r) => r.position)).toEqual(["1"]);
    // The dashboard's form sends unset dates as empty strings.
    const form = await rowsOf(waitlist.id, owner.cookie, "?status=waiting&joined_after=&joined_before=");
    expect(form.rows.map((r) => r.position)).toEqual(["1", "2"]);

    const empty = await setup();
    const { text, rows } = await rowsOf(empty.waitlist.id, empty.owner.cookie);
    expect(rows).toEqual([]);
    expect(text.trim()).toBe(CSV_COLUMNS.join(","));
  });

  // Signed out (401) and another owner's list (404): tests/access/api-access.test.ts, like every owner route.
  it("answers 400 for bad filters", async () => {
    const { owner, waitlist } = await setup();
    // Dates JavaScript reads but PostgreSQL refuses (year 0, past 9999 once in UTC) are refused before any byte is sent.
    const refused = [
      "?status=gone", "?joined_after=yesterday", "?joined_before=2026-13-45", "?joined_after=0000-01-01",
      "?joined_before=0001-01-01T00:00%2B01:00", "?joined_after=9999-12-31T23:59-01:00",
    ];
    for (const q of refused) {
      const r = await exportCsv(waitlist.id, owner.cookie, q);
      expect({ q, status: r.status, code: (r.json.error as { code?: string } | undefined)?.code }).toEqual({ q, status: 400, code: "invalid_input" });
    }
    for (const q of ["?joined_after=0001-01-01", "?joined_before=9999-12-31T23:59:59.999Z"]) {
      expect({ q, status: (await rowsOf(waitlist.id, owner.cookie, q)).res.status }).toEqual({ q, status: 200 });
    }
  });

  it("stops the database work when the client disconnects mid-export", async () => {
    const { owner, waitlist } = await setup();
    await pool().query(
      `INSERT INTO signups (waitlist_id, email, ref_code, seq, score, status_token_hash)
       SELECT $1, 'bulk' || g || '@example.com', 'X' || lpad(g::text, 7, '0') || substr($1, 1, 4), g, 2 * g, md5($1 || g)
         FROM generate_series(1, 100000) g`,
      [waitlist.id],
    );
    const req = new Request(`http://localhost:3000/api/waitlists/${waitlist.id}/export.csv`, { headers: { cookie: owner.cookie } });
    const res = await GET(req, { params: Promise.resolve({ id: waitlist.id }) });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const copies = async () =>
      Number(
        (await pool().query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`,
          [waitlist.id],
        )).rows[0]!.n,
      );
    expect(await copies()).toBe(1);
    await reader.cancel();
    const deadline = Date.now() + 5000;
    while ((await copies()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await copies()).toBe(0);
  });
});
