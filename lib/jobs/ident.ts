/** A PostgreSQL identifier, quoted. The job schema's name is validated by lib/env.ts and quoted all the same. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
