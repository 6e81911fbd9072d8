import "server-only";
import { parse } from "csv-parse";
import { AppError } from "@/lib/errors";
import { unguardCell } from "@/lib/signups/csv-guard";
import { canonicalMailbox } from "@/lib/signups/mailbox";
import { emailSchema, isStorableDate, STORABLE_DATE_RANGE, TEXT_MAX_LENGTH, twitterSchema } from "@/lib/signups/schemas";

// Phase one of a CSV import: parse and validate the whole file before anything is written, so a bad file
// changes nothing. Rows come out in join order with a per-row report of what was skipped and why.

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

export type ImportField = "email" | "name" | "company" | "twitter" | "joined_at";

const ALIASES: Record<ImportField, string[]> = {
  email: ["email", "emailaddress", "mail", "e-mail", "useremail"],
  name: ["name", "fullname", "firstname", "displayname"],
  company: ["company", "organization", "organisation", "companyname"],
  twitter: ["twitter", "twitterhandle", "x", "xhandle"],
  joined_at: ["joinedat", "joined", "createdat", "signedupat", "signupdate", "date", "timestamp", "subscribedat"],
};

export type ImportRow = {
  line: number;
  email: string;
  name: string | null;
  company: string | null;
  twitter: string | null;
  joinedAt: Date | null;
};

export type ImportIssue = { line: number; email: string; reason: string };

export type ParsedImport = {
  columns: string[];
  mapping: Partial<Record<ImportField, string>>;
  rows: ImportRow[];
  issues: ImportIssue[];
  total: number;
};

export function detectMapping(columns: string[]): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  const normalised = columns.map((c) => c.toLowerCase().replace(/[^a-z0-9-]/g, ""));
  for (const field of Object.keys(ALIASES) as ImportField[]) {
    const index = normalised.findIndex((n) => ALIASES[field].includes(n));
    if (index >= 0) mapping[field] = columns[index];
  }
  return mapping;
}

function text(value: string | undefined): string | null {
  // PostgreSQL text cannot hold NUL; in a name or company it is noise (often a UTF-16 file read as UTF-8).
  const v = unguardCell((value ?? "").replaceAll("\0", "")).trim();
  return v === "" ? null : v.slice(0, TEXT_MAX_LENGTH);
}

/** Reads a CSV body (already size-checked by the caller's stream) into validated rows. */
export async function parseImport(source: AsyncIterable<Uint8Array>, options: { limit?: number } = {}): Promise<ParsedImport> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  let columns: string[] | null = null;
  let mapping: Partial<Record<ImportField, string>> = {};
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  let total = 0;
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (parser.destroyed) return;
        if (!parser.write(chunk)) {
          await new Promise((r) => {
            parser.once("drain", r);
            parser.once("close", r);
          });
        }
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = record.map((c) => c.trim());
        mapping = detectMapping(columns);
        if (!mapping.email) {
          throw new AppError("invalid_csv", `No email column found. The first row must name the columns, one of them "email" (found: ${columns.slice(0, 8).join(", ").slice(0, 200)}).`);
        }
        continue;
      }
      total += 1;
      if (total > IMPORT_MAX_ROWS) throw new AppError("invalid_csv", `The file has more than ${IMPORT_MAX_ROWS.toLocaleString("en-US")} rows; split it into smaller files.`);
      const line = info.lines;
      const get = (field: ImportField) => {
        const name = mapping[field];
        return name === undefined ? undefined : record[columns!.indexOf(name)];
      };
      const rawEmail = unguardCell(get("email") ?? "");
      const email = emailSchema.safeParse(rawEmail);
      if (!email.success) {
        issues.push({ line, email: rawEmail.slice(0, 254), reason: email.error.issues[0]?.message ?? "invalid email" });
        continue;
      }
      if (seen.has(canonicalMailbox(email.data))) {
        issues.push({ line, email: email.data, reason: "Duplicate of an earlier row in this file." });
        continue;
      }
      const twitter = twitterSchema.safeParse(unguardCell(get("twitter") ?? ""));
      const rawDate = get("joined_at")?.trim();
      const joinedAt = rawDate ? new Date(rawDate) : null;
      if (joinedAt && Number.isNaN(joinedAt.getTime())) {
        issues.push({ line, email: email.data, reason: `"${rawDate!.slice(0, 40)}" is not a date.` });
        continue;
      }
      if (joinedAt && !isStorableDate(joinedAt)) {
        issues.push({ line, email: email.data, reason: `"${rawDate!.slice(0, 40)}" is not a date ${STORABLE_DATE_RANGE}.` });
        continue;
      }
      seen.add(canonicalMailbox(email.data));
      rows.push({
        line,
        email: email.data,
        name: text(get("name")),
        company: text(get("company")),
        twitter: twitter.success ? (twitter.data ?? null) : null,
        joinedAt,
      });
      if (options.limit && rows.length >= options.limit) break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_csv", `This file could not be read as CSV: ${(error as Error).message.slice(0, 200)}`);
  } finally {
    parser.destroy();
    await feed.catch(() => undefined);
  }
  if (!columns) throw new AppError("invalid_csv", "The file is empty. Upload a CSV with a header row and an email column.");
  // Join order: dated rows by date, then undated rows in file order (a stable sort keeps file order in ties).
  rows.sort((a, b) => (a.joinedAt?.getTime() ?? Infinity) - (b.joinedAt?.getTime() ?? Infinity));
  return { columns, mapping, rows, issues, total };
}
