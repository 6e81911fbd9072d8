import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportGET } from "@/app/api/waitlists/[id]/export.csv/route";
import { POST } from "@/app/api/waitlists/[id]/import/route";
import { closeDb, db } from "@/lib/db";
import { createSignup } from "@/lib/signups/mutations";
import { IMPORT_MAX_BYTES } from "@/lib/signups/import-parse";
import { createWaitlist, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { signedInOwner } from "@/tests/support/owner-api";

afterAll(closeDb);

async function proList(plan: "PRO" | "FREE" = "PRO", capacity: number | null = null) {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("imp"), plan, capacity });
  return { owner, waitlist };
}

async function upload(id: string, cookie: string, csv: string | Uint8Array, query = "", type = "text/csv") {
  const req = new Request(`http://localhost:3000/api/waitlists/${id}/import${query}`, {
    method: "POST",
    headers: { cookie, "content-type": type, origin: "http://localhost:3000" },
    body: csv as BodyInit,
  });
  const res = await POST(req, { params: Promise.resolve({ id }) });
  const text = await res.text();
  const lines = res.headers.get("content-type")?.includes("ndjson") ? text.trim().split("\n").map((l) => JSON.parse(l)) : [JSON.parse(text)];
  return { status: res.status, lines, last: lines.at(-1) as Record<string, unknown> };
}

const people = (id: string) =>
  db().signup.findMany({ where: { waitlistId: id }, orderBy: { seq: "asc" }, select: { email: true, name: true, company: true, twitter: true, createdAt: true, seq: true } });

describe("POST /api/waitlists/:id/import", () => {
  it("previews the mapping and first rows without writing anything", async () => {
    const { owner, waitlist } = await proList();
    const csv = "Email Address,Full Name,Organisation,Signed up at\nada@example.com,Ada,Analytical,2024-01-02\nbad-email,Bob,,\n";
    const r = await upload(waitlist.id, owner.cookie, csv, "?dry_run=1");
    expect(r.status).toBe(200);
    expect(r.last).toMatchObject({
      mapping: { email: "Email Address", name: "Full Name", company: "Organisation", joined_at: "Signed up at" },
      total_rows: 2,
      valid_rows: 1,
      invalid_rows: 1,
      preview: [{ line: 2, email: "ada@example.com", name: "Ada", company: "Analytical", joined_at: "2024-01-02T00:00:00.000Z" }],
      issues: [{ line: 3, email: "bad-email" }],
    });
    expect(await db().signup.count({ where: { waitlistId: waitlist.id } })).toBe(0);
  });

  it("imports in join order, keeps joined_at, and reports duplicates and bad rows by line", async () => {
    const { owner, waitlist } = await proList();
    await createSignup({ waitlistId: waitlist.id, email: "already@example.com" });
    const csv = [
      "email,name,company,twitter,joined_at",
      "late@example.com,Late,,@late,2025-05-01T10:00:00Z",
      "early@example.com,Early,\"Acme, Inc\",,2025-01-01T10:00:00Z",
      "not-an-email,Nope,,,",
      "already@example.com,Again,,,",
      "EARLY@example.com,Twice,,,",
      "undated@example.com,Ünïcødé 名前,,,",
      "when@example.com,When,,,yesterday",
    ].join("\r\n");
    const r = await upload(waitlist.id, owner.cookie, csv);
    expect(r.status).toBe(200);
    expect(r.lines[0]).toMatchObject({ type: "started", total_rows: 7, valid_rows: 4 });
    expect(r.lines.some((l) => l.type === "progress")).toBe(true);
    expect(r.last).toMatchObject({ type: "done", imported: 3, skipped: 4 });
    expect((r.last.issues as { line: number; reason: string }[]).map((i) => [i.line, i.reason])).toEqual([
      [4, expect.stringContaining("valid email")],
      [5, "Already on this waitlist."],
      [6, "Duplicate of an earlier row in this file."],
      [8, expect.stringContaining("not a date")],
    ]);
    const rows = await people(waitlist.id);
    expect(rows.map((p) => p.email)).toEqual(["already@example.com", "early@example.com", "late@example.com", "undated@example.com"]);
    expect(rows[1]).toMatchObject({ company: "Acme, Inc", createdAt: new Date("2025-01-01T10:00:00Z") });
    expect(rows[2]!.twitter).toBe("late");
    expect(rows[3]!.name).toBe("Ünïcødé 名前");
    const w = await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id } });
    expect(w).toMatchObject({ signupCount: 4, waitingCount: 4, nextSeq: 4 });
  });

  it("refuses bad files with a clear error and changes nothing", async () => {
    const { owner, waitlist } = await proList();
    const cases: [string | Uint8Array, string, string][] = [
      ["", "text/csv", "invalid_csv"],
      ["name,company\nAda,Acme\n", "text/csv", "invalid_csv"],
      ['email,name\n"unterminated,x\n', "text/csv", "invalid_csv"],
      ["email\na@example.com\n", "application/json", "invalid_content_type"],
      [new Uint8Array(IMPORT_MAX_BYTES + 10).fill(97), "text/csv", "payload_too_large"],
    ];
    for (const [csv, type, code] of cases) {
      const r = await upload(waitlist.id, owner.cookie, csv, "", type);
      expect({ code, status: r.status, got: (r.last.error as { code: string }).code }).toEqual({ code, status: 400, got: code });
    }
    expect(await db().signup.count({ where: { waitlistId: waitlist.id } })).toBe(0);
  });

  it("is a Pro feature and respects the owner's capacity", async () => {
    const free = await proList("FREE");
    const r = await upload(free.waitlist.id, free.owner.cookie, "email\na@example.com\n");
    expect(r.status).toBe(402);
    expect(r.last).toMatchObject({ ok: false, error: { code: "plan_required" } });

    const capped = await proList("PRO", 2);
    const done = await upload(capped.waitlist.id, capped.owner.cookie, "email\na@example.com\nb@example.com\nc@example.com\n");
    expect(done.last).toMatchObject({ imported: 2, skipped: 1, issues: [{ line: 4, reason: "The waitlist is full." }] });
  });

  it("round-trips: export then import into a new waitlist gives the same people in the same order", async () => {
    const source = await proList();
    const hostile = ["=1+1", "Zoë", "李", "Ada, Countess", 'Quote "q"', ";=1+1;", 'a,=HYPERLINK("x")', "'=quoted", "''+two", "'plain", "tab\t-x"];
    for (const [i, name] of hostile.entries()) {
      await createSignup({ waitlistId: source.waitlist.id, email: uniqueEmail(`rt${i}`), name, company: i % 2 ? "-minus" : null });
    }
    const req = new Request(`http://localhost:3000/api/waitlists/${source.waitlist.id}/export.csv`, { headers: { cookie: source.owner.cookie } });
    const exported = await (await exportGET(req, { params: Promise.resolve({ id: source.waitlist.id }) })).text();
    expect(parse(exported, { columns: true })).toHaveLength(hostile.length);

    const target = await createWaitlist({ ownerId: source.owner.id, slug: uniqueSlug("rt"), plan: "PRO" });
    const r = await upload(target.id, source.owner.cookie, exported);
    expect(r.last).toMatchObject({ type: "done", imported: hostile.length, skipped: 0 });
    const strip = (rows: Awaited<ReturnType<typeof people>>) => rows.map(({ email, name, company, createdAt }) => ({ email, name, company, createdAt }));
    expect(strip(await people(target.id))).toEqual(strip(await people(source.waitlist.id)));
  });

  it("reports dates PostgreSQL cannot store as per-row issues, even in a later batch, and imports the rest", async () => {
    const { owner, waitlist } = await proList();
    // Dated rows go in by date, so the year-10000 row lands in the second batch of 1000.
    const lines = ["email,joined_at"];
    for (let i = 0; i < 1200; i++) lines.push(`d${i}@example.com,2025-01-01T00:00:${String(i % 60).padStart(2, "0")}Z`);
    lines.push("future@example.com,+010000-01-01", "zero@example.com,0000-06-01", "east@example.com,0001-01-01T00:00+01:00");
    const r = await upload(waitlist.id, owner.cookie, lines.join("\n"));
    expect(r.last).toMatchObject({ type: "done", imported: 1200, skipped: 3 });
    expect((r.last.issues as { line: number; reason: string }[]).map((i) => [i.line, i.reason])).toEqual([
      [1202, expect.stringContaining("between the years 1 and 9999")],
      [1203, expect.stringContaining("between the years 1 and 9999")],
      [1204, expect.stringContaining("between the years 1 and 9999")],
    ]);
    expect(await db().signup.count({ where: { waitlistId: waitlist.id } })).toBe(1200);
  });

  it("imports 100,000 rows in one request, streaming progress per batch", async () => {
    const { owner, waitlist } = await proList();
    const lines = ["email,name"];
    for (let i = 0; i < 100_000; i++) lines.push(`bulk${i}@example.com,Person ${i}`);
    const r = await upload(waitlist.id, owner.cookie, lines.join("\n"));
    expect(r.last).toMatchObject({ type: "done", imported: 100_000, skipped: 0 });
    expect(r.lines.filter((l) => l.type === "progress")).toHaveLength(100);
    const w = await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id } });
    expect(w).toMatchObject({ signupCount: 100_000, waitingCount: 100_000, nextSeq: 100_000 });
  }, 120_000);
});
