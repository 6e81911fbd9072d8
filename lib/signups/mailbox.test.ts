import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pool } from "@/lib/db";
import { canonicalMailbox } from "@/lib/signups/mailbox";

afterAll(closeDb);

// [address, its canonical mailbox]: the SQL function (the definition, behind the generated column) and the
// TypeScript mirror must both give the second for the first.
const SHAPES: [string, string][] = [
  ["alice@example.com", "alice@example.com"],
  ["Alice@Example.COM", "alice@example.com"],
  ["alice+news@example.com", "alice@example.com"],
  ["alice+news+more@example.com", "alice@example.com"],
  ["alice+@example.com", "alice@example.com"],
  ["+alice@example.com", "+alice@example.com"],
  ["a.lice@example.com", "a.lice@example.com"],
  ["a.lice@gmail.com", "alice@gmail.com"],
  ["A.L.I.C.E+x@GMAIL.com", "alice@gmail.com"],
  ["alice@googlemail.com", "alice@gmail.com"],
  ["al.ice+tag@googlemail.com", "alice@gmail.com"],
  ["alice@gmail.co.uk", "alice@gmail.co.uk"],
  ["a.lice@mail.gmail.com", "a.lice@mail.gmail.com"],
  ["alice@sub.example.com", "alice@sub.example.com"],
  ["alice+x@sub.example.com", "alice@sub.example.com"],
  ['"a+b"@example.com', '"a+b"@example.com'],
  ['"A.B+c"@gmail.com', '"ab+c"@gmail.com'],
  ["josé@exämple.com", "josé@exämple.com"],
  ["JOSÉ+x@xn--exmple-cua.com", "josé@xn--exmple-cua.com"],
  ["user@[192.168.0.1]", "user@[192.168.0.1]"],
  ["...@gmail.com", "...@gmail.com"],
  ["no-at-sign", "no-at-sign"],
];

describe("the canonical mailbox", () => {
  it.each(SHAPES)("%s is the mailbox %s (TypeScript mirror)", (email, mailbox) => {
    expect(canonicalMailbox(email)).toBe(mailbox);
  });

  it("is what the database's canonical_mailbox() gives for every shape", async () => {
    const { rows } = await pool().query<{ email: string; mailbox: string }>(
      `SELECT e AS email, canonical_mailbox(e) AS mailbox FROM unnest($1::text[]) AS e`,
      [SHAPES.map(([email]) => email)],
    );
    expect(rows.map((r) => [r.email, r.mailbox])).toEqual(SHAPES);
  });
});
