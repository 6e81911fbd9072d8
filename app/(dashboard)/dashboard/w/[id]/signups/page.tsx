import type { Metadata } from "next";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { getFieldDefinitions } from "@/lib/fields/mutations";
import { topSources } from "@/lib/attribution/sources";
import { listSignups } from "@/lib/signups/queries";
import { listSignupsQuerySchema } from "@/lib/signups/schemas";
import { mayExportPersonalData } from "@/lib/teams/export-access";
import { ExportForm } from "../../../../_components/import/export-form";
import { SignupsTable } from "../../../../_components/signups/signups-table";
import { SIGNUPS_PAGE_SIZE, type SignupsFilter } from "../../../../_components/signups/signups-filter";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Signups" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignupsPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/signups`);

  // The first page is rendered here (no loading flash); the table pages, filters and edits through the API.
  const parsed = listSignupsQuerySchema.safeParse({
    q: first(search.q) || undefined,
    status: first(search.status),
    order: first(search.order),
    source: first(search.source) || undefined,
    limit: SIGNUPS_PAGE_SIZE,
  });
  const query = parsed.success ? parsed.data : listSignupsQuerySchema.parse({ limit: SIGNUPS_PAGE_SIZE });
  const [page, questions, sources, canExport] = await Promise.all([
    listSignups(waitlist.id, query),
    getFieldDefinitions(waitlist.id),
    topSources(waitlist.id),
    // The export route decides the same on its own; this only keeps a refused link off the page.
    mayExportPersonalData(waitlist.team_id, waitlist.role),
  ]);
  const filter: SignupsFilter = { q: query.q ?? "", status: query.status, order: query.order, source: query.source ?? "" };

  return (
    <div className="space-y-6">
      {waitlist.canEdit ? null : (
        <ViewOnlyNote more={canExport ? null : "Exporting the list is for admins and owners unless the team's owners allow viewers to."} />
      )}
      <SignupsTable
        waitlistId={waitlist.id}
        slug={waitlist.slug}
        totalSignups={waitlist.signup_count}
        initialFilter={filter}
        initialPage={page}
        questions={questions.map(({ id, label, type, archived }) => ({ id, label, type, archived }))}
        sources={sources.map((s) => s.source)}
        canEdit={waitlist.canEdit}
        canExport={canExport}
      />
      {canExport ? <ExportForm waitlistId={waitlist.id} /> : null}
    </div>
  );
}
