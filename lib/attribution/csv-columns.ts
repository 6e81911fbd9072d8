// The CSV export's columns for where people came from and their metadata, after the contract's columns, in
// this fixed order (lib/signups/export.ts writes them, lib/signups/schemas.ts lists them). Metadata is one
// column of JSON: its keys differ per signup, and one column keeps the file's shape the same for every list.
export const ATTRIBUTION_CSV_COLUMNS = [
  "source", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "referring_site", "metadata",
] as const;
