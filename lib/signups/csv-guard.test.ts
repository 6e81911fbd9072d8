import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pool } from "@/lib/db";
import { guardCell, guardCellSql, needsFormulaGuard, unguardCell } from "@/lib/signups/csv-guard";

afterAll(closeDb);

// Strings dense in what the rule is about (starters, separators, spaces, quotes, apostrophes), with some text.
const tricky = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ";", ",", " ", '"', "'") },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }) },
  ),
  maxLength: 16,
});

describe("the CSV formula guard", () => {
  it("guards a starter at the start or after a separator (through spaces and quotes), and nothing else", () => {
    const guarded = [
      "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", " =1", '"=1"', "'=1", "''+1",
      ";=1+1;", 'a,=HYPERLINK("http://evil")', "a\t+1", "a\n-1", "a\r@x", "a; =1", 'a,"=1"', "a;\t1",
    ];
    const plain = ["Jean-Luc", "a+b=c", "Acme, Inc", "semi;colon", "'quoted", "x@example.com", "O'Brien", "", "a; b"];
    expect(guarded.filter((v) => !needsFormulaGuard(v))).toEqual([]);
    expect(plain.filter((v) => needsFormulaGuard(v))).toEqual([]);
  });

  it("round-trips any text: unguardCell(guardCell(v)) === v", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 40 })), (v) => unguardCell(guardCell(v)) === v),
      { numRuns: 2_000 },
    );
  });

  it("means the same in PostgreSQL as in JavaScript (the export's SQL against guardCell)", async () => {
    const client = await pool().connect();
    try {
      const sql = `SELECT ${guardCellSql("v", (s) => client.escapeLiteral(s))} AS out FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i`;
      // Each run checks a batch of 50 strings in one query (PostgreSQL text cannot hold NUL, so none has one).
      await fc.assert(
        fc.asyncProperty(fc.array(tricky.filter((v) => !v.includes("\0")), { minLength: 50, maxLength: 50 }), async (values) => {
          const { rows } = await client.query<{ out: string }>(sql, [values]);
          expect(rows.map((r) => r.out)).toEqual(values.map(guardCell));
        }),
        { numRuns: 100 },
      );
    } finally {
      client.release();
    }
  });
});
