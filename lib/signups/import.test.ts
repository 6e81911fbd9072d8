import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db, pool } from "@/lib/db";
import { IMPORT_BATCH_SIZE, importRows, type ImportProgress } from "@/lib/signups/import";
import type { ImportRow } from "@/lib/signups/import-parse";
import { createSignup } from "@/lib/signups/mutations";
import { createWaitlist } from "@/tests/support/fixtures";

afterAll(closeDb);

const row = (i: number, joinedAt: Date | null = null): ImportRow => ({
  line: i + 2,
  email: `all-or-nothing-${i}@example.com`,
  name: `Person ${i}`,
  company: null,
  twitter: null,
  joinedAt,
});

describe("importRows", () => {
  it("is all-or-nothing: a batch failing after earlier ones leaves no row and the counters as they were", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    await createSignup({ waitlistId: w.id, email: "before@example.com" });
    const before = await db().waitlist.findUniqueOrThrow({ where: { id: w.id } });
    const blocksBefore = await pool().query(`SELECT block, waiting FROM signup_blocks WHERE waitlist_id = $1 ORDER BY block`, [w.id]);

    // A date PostgreSQL refuses (year 0) in the second batch: the parse step refuses these, but a failure
    // here stands for any fault in a later batch (a lost connection, a constraint).
    const rows = Array.from({ length: IMPORT_BATCH_SIZE + 10 }, (_, i) => row(i));
    rows[IMPORT_BATCH_SIZE + 5] = row(IMPORT_BATCH_SIZE + 5, new Date("0000-06-01T00:00:00Z"));
    const progress: ImportProgress[] = [];
    await expect(importRows(w.id, rows, (p) => void progress.push(p))).rejects.toThrow(/out of range|time zone/);

    // Progress still streamed for the first batch, but nothing of it stayed.
    expect(progress).toEqual([{ imported: IMPORT_BATCH_SIZE, skipped: 0, processed: IMPORT_BATCH_SIZE, total: rows.length }]);
    expect(await db().signup.findMany({ where: { waitlistId: w.id }, select: { email: true } })).toEqual([{ email: "before@example.com" }]);
    const after = await db().waitlist.findUniqueOrThrow({ where: { id: w.id } });
    expect({ next: after.nextSeq, signups: after.signupCount, waiting: after.waitingCount }).toEqual({
      next: before.nextSeq,
      signups: before.signupCount,
      waiting: before.waitingCount,
    });
    expect((await pool().query(`SELECT block, waiting FROM signup_blocks WHERE waitlist_id = $1 ORDER BY block`, [w.id])).rows).toEqual(blocksBefore.rows);
  });

  it("imports every batch when nothing fails, numbering on from the people already there", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    await createSignup({ waitlistId: w.id, email: "first@example.com" });
    const rows = Array.from({ length: IMPORT_BATCH_SIZE + 3 }, (_, i) => row(i));
    const result = await importRows(w.id, rows, () => undefined);
    expect(result).toEqual({ imported: rows.length, issues: [] });
    const seqs = await db().signup.findMany({ where: { waitlistId: w.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(seqs.map((s) => s.seq)).toEqual(Array.from({ length: rows.length + 1 }, (_, i) => i + 1));
  });
});
