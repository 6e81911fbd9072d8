import { logger } from "@/lib/log";
import { AppError } from "@/lib/errors";
import { limitedBody } from "@/lib/api/body";
import { jsonOk } from "@/lib/api/respond";
import { recordFollowUp } from "@/lib/audit/follow-up";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { plans } from "@/lib/billing/plans";
import { importRows } from "@/lib/signups/import";
import { IMPORT_MAX_BYTES, parseImport } from "@/lib/signups/import-parse";
import { importQuerySchema } from "@/lib/signups/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

const CSV_TYPES = /^(text\/csv|text\/plain|application\/csv|application\/vnd\.ms-excel|application\/octet-stream)\s*(;|$)/i;
const REPORT_LIMIT = 10_000;

// POST text/csv. ?dry_run=1 answers the column mapping, counts and the first rows without writing anything.
// ?welcome=1 queues each imported person's welcome email in the import's transaction (off by default).
// Otherwise the whole file is validated first (a bad file changes nothing), then rows go in in batches of one
// transaction and the answer is a stream of NDJSON lines: {"type":"progress",...} per batch, then
// {"type":"done",...}, or {"type":"error",...} when it failed and nothing was imported.
export const POST = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  if (!plans()[waitlist.plan].canImport) {
    throw new AppError("plan_required", "CSV import is a Pro feature. Upgrade this waitlist to import a list.");
  }
  if (!CSV_TYPES.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("invalid_content_type", "Upload the file as CSV (Content-Type: text/csv).");
  }
  const query = parseQuery(req, importQuerySchema);
  const parsed = await parseImport(limitedBody(req, IMPORT_MAX_BYTES));
  const summary = {
    columns: parsed.columns,
    mapping: parsed.mapping,
    total_rows: parsed.total,
    valid_rows: parsed.rows.length,
    invalid_rows: parsed.issues.length,
  };
  // Counts only (the rows are personal data). The rows go in after the answer starts, so their outcome is a
  // second record, "import.finished", written when the import ends.
  audit({ dry_run: query.dry_run === "1", rows: parsed.total, valid_rows: parsed.rows.length, invalid_rows: parsed.issues.length, welcome: query.welcome === "1" });
  if (query.dry_run === "1") {
    return jsonOk({ ok: true, ...summary, preview: parsed.rows.slice(0, 10).map(publicRow), issues: parsed.issues.slice(0, 100) });
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ type: "started", ...summary });
        const result = await importRows(waitlist.id, parsed.rows, (p) => send({ type: "progress", ...p }), {
          welcome: query.welcome === "1",
        });
        const issues = [...parsed.issues, ...result.issues].sort((a, b) => a.line - b.line);
        await recordFollowUp(req, access, "import.finished", { imported: result.imported, skipped: issues.length });
        send({
          type: "done",
          imported: result.imported,
          skipped: issues.length,
          issues: issues.slice(0, REPORT_LIMIT),
          issues_truncated: issues.length > REPORT_LIMIT,
        });
      } catch (error) {
        logger.error("import stopped", error);
        await recordFollowUp(req, access, "import.finished", { failed: true });
        // All batches are one transaction (lib/signups/import.ts): progress reported so far was rolled back.
        send({ type: "error", message: "The import stopped because of a server error and nothing was imported. Upload the file again." });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
});

function publicRow(r: { line: number; email: string; name: string | null; company: string | null; twitter: string | null; joinedAt: Date | null }) {
  return { line: r.line, email: r.email, name: r.name, company: r.company, twitter: r.twitter, joined_at: r.joinedAt?.toISOString() ?? null };
}
