import { needsFormulaGuard, guardCellSql } from "@/lib/signups/csv-guard";
import type { FieldDefinition } from "@/lib/fields/definitions";

// The answer columns of the CSV export (lib/signups/export.ts): one per question, archived ones included, in
// the question list's order, headed by the label. Cells go through the same formula guard as every text cell;
// a multiple choice is its options joined with "; ", a checkbox true/false, a number as written.

/** PostgreSQL cuts identifiers (our headers) at 63 bytes; labels are cut a little earlier, on a character. */
const HEADER_BYTES = 56;

export function answerHeaders(fields: readonly FieldDefinition[], taken: readonly string[]): string[] {
  const used = new Set(taken);
  return fields.map((f) => {
    let header = cut(f.label);
    if (needsFormulaGuard(header)) header = `'${cut(header)}`;
    if (used.has(header)) header = `${cut(header.slice(0, 40))} [${f.id}]`;
    used.add(header);
    return header;
  });
}

function cut(text: string): string {
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > HEADER_BYTES) break;
    out += ch;
  }
  return out;
}

type Quoting = { escapeLiteral(v: string): string; escapeIdentifier(v: string): string };

/** ", <cell> AS <header>" per question, for the SELECT list of the export's COPY; "" without questions. */
export function answerColumnsSql(client: Quoting, fields: readonly FieldDefinition[], taken: readonly string[], row = "x"): string {
  const headers = answerHeaders(fields, taken);
  return fields
    .map((f, i) => {
      const value = `${row}.answers -> ${client.escapeLiteral(f.id)}`;
      const cell = `(CASE jsonb_typeof(${value})
          WHEN 'array' THEN (SELECT string_agg(e, '; ') FROM jsonb_array_elements_text(${value}) AS e)
          ELSE ${row}.answers ->> ${client.escapeLiteral(f.id)} END)`;
      return `, ${guardCellSql(cell, (v) => client.escapeLiteral(v))} AS ${client.escapeIdentifier(headers[i] ?? f.id)}`;
    })
    .join("");
}
