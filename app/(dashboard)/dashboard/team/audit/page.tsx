import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { auditActorOptions, listAuditEntries } from "@/lib/audit/queries";
import { AUDIT_PAGE_DEFAULT, auditQuerySchema, fromDashboardSearch, type AuditQuery } from "@/lib/audit/schemas";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { roleAtLeast } from "@/lib/teams/roles";
import { listTeamWaitlists } from "@/lib/waitlists/queries";
import { AuditFilters, type AuditFilterValues } from "../../../_components/audit/audit-filters";
import { AuditTable } from "../../../_components/audit/audit-table";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["who", "category", "waitlist", "from", "to"] as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// The chosen team's audit log (docs/audit-log.md), for its admins and owners; the same read as
// GET /api/teams/:teamId/audit. Filters and paging are the query string, so everything works without JavaScript.
export default async function AuditLogPage({ searchParams }: Props) {
  const { current } = await dashboardTeams("/dashboard/team/audit");
  if (!roleAtLeast(current.role, "admin")) {
    return (
      <Card className="px-6 py-10 text-center" data-testid="audit-viewer-notice">
        <p className="text-sm font-semibold text-ink">Only admins and owners can see the audit log</p>
        <p className="mt-1 text-sm text-muted">Ask an owner or an admin of this team if you need to know who changed something.</p>
      </Card>
    );
  }

  const search = await searchParams;
  const values = Object.fromEntries(FILTERS.map((f) => [f, first(search[f]).slice(0, 100)])) as AuditFilterValues;
  const parsed = auditQuerySchema.safeParse({ ...fromDashboardSearch(search), limit: AUDIT_PAGE_DEFAULT });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({ limit: AUDIT_PAGE_DEFAULT });
  const reason = (parsed.error?.issues[0]?.message ?? "it is not valid").replace(/\.$/, "");
  const error = parsed.success ? null : `That filter can't be used: ${reason}. Showing everything instead.`;

  const { page, actors, waitlists, readAt } = await readLog(current.teamId, query);
  const filtered = parsed.success && FILTERS.some((f) => values[f] !== "");
  // The same filters, at another page (none: the newest entries).
  const pageHref = (cursor?: string) => {
    const params = new URLSearchParams(parsed.success ? Object.entries(values).filter(([, v]) => v !== "") : []);
    if (cursor) params.set("cursor", cursor);
    const qs = params.toString();
    return qs ? `/dashboard/team/audit?${qs}` : "/dashboard/team/audit";
  };

  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-muted">
        Every change made in this team by a member or an API key (settings, letting people in, removals, imports,
        exports, keys, webhooks, members), and plan changes from Stripe, newest first. Entries can&apos;t be edited or
        deleted, and are kept indefinitely.
      </p>
      <AuditFilters
        values={values}
        error={error}
        actors={actors.map(({ value, label }) => ({ value, label }))}
        waitlists={waitlists.map((w) => ({ value: w.id, label: w.title }))}
      />
      {page.entries.length === 0 ? (
        <Card className="px-6 py-10 text-center" data-testid="audit-empty">
          <p className="text-sm font-semibold text-ink">{filtered || query.cursor ? "No entries match" : "Nothing recorded yet"}</p>
          <p className="mt-1 text-sm text-muted">
            {filtered || query.cursor
              ? "Try other filters, or clear them to see everything."
              : "Changes made by members and API keys appear here as they happen."}
          </p>
        </Card>
      ) : (
        <AuditTable entries={page.entries} now={readAt} />
      )}
      <nav aria-label="Audit log pages" className="flex flex-wrap items-center justify-between gap-3">
        {query.cursor ? (
          <Link href={pageHref()} className={buttonClasses({ variant: "ghost" })}>
            ← Newest entries
          </Link>
        ) : (
          <span />
        )}
        {page.next_cursor ? (
          <Link href={pageHref(page.next_cursor)} className={buttonClasses({ variant: "secondary" })} data-testid="audit-older">
            Older entries →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

/** One page of the log and the filters' choices; `readAt` is what "5 minutes ago" is measured from. */
async function readLog(teamId: string, query: AuditQuery) {
  const [page, actors, waitlists] = await Promise.all([listAuditEntries(teamId, query), auditActorOptions(teamId), listTeamWaitlists(teamId)]);
  return { page, actors, waitlists, readAt: Date.now() };
}
