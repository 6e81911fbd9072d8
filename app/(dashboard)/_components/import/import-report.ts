// The per-row report of an import, as a CSV the owner can download (built in the browser from the answer).

export type ImportIssue = { line: number; email: string; reason: string };

const cell = (v: string | number) => {
  const s = String(v);
  // Same guard as the export: a spreadsheet must not run a cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function issuesCsv(issues: ImportIssue[]): string {
  return ["line,email,reason", ...issues.map((i) => [i.line, i.email, i.reason].map(cell).join(","))].join("\r\n") + "\r\n";
}
