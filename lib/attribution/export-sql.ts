import "server-only";
import { ATTRIBUTION_CSV_COLUMNS } from "@/lib/attribution/csv-columns";
import { sourceSql } from "@/lib/attribution/sources";

// The select list of the CSV's attribution and metadata columns, in ATTRIBUTION_CSV_COLUMNS order, for the
// export's COPY (lib/signups/export.ts). Every cell is text someone else chose, so each goes through the
// formula guard (`safe`), the metadata JSON included.

const CELL: Record<(typeof ATTRIBUTION_CSV_COLUMNS)[number], (x: string) => string> = {
  source: (x) => sourceSql(x),
  utm_source: (x) => `(${x}.attribution->>'utm_source')`,
  utm_medium: (x) => `(${x}.attribution->>'utm_medium')`,
  utm_campaign: (x) => `(${x}.attribution->>'utm_campaign')`,
  utm_term: (x) => `(${x}.attribution->>'utm_term')`,
  utm_content: (x) => `(${x}.attribution->>'utm_content')`,
  referring_site: (x) => `(${x}.attribution->>'referrer')`,
  metadata: (x) => `(${x}.metadata::text)`,
};

export function attributionCsvSql(x: string, safe: (expression: string) => string): string {
  return ATTRIBUTION_CSV_COLUMNS.map((column) => `${safe(CELL[column](x))} AS ${column}`).join(",\n           ");
}
