import type { Metadata } from "next";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { getFieldDefinitions } from "@/lib/fields/mutations";
import { listSignups } from "@/lib/signups/queries";
import { listSignupsQuerySchema } from "@/lib/signups/schemas";
import { ExportForm } from "../../../../_components/import/export-form";
import { SignupsTable } from "../../../../_components/signups/signups-table";
import { SIGNUPS_PAGE_SIZE, type SignupsFilter } from "../../../../_components/signups/signups-filter";

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
    limit: SIGNUPS_PAGE_SIZE,
  });
  const query = parsed.success ? parsed.data : listSignupsQuerySchema.parse({ limit: SIGNUPS_PAGE_SIZE });
  const [page, questions] = await Promise.all([listSignups(waitlist.id, query), getFieldDefinitions(waitlist.id)]);
  const filter: SignupsFilter = { q: query.q ?? "", status: query.status, order: query.order };

  return (
    <div className="space-y-6">
      <SignupsTable
        waitlistId={waitlist.id}
        slug={waitlist.slug}
        totalSignups={waitlist.signup_count}
        initialFilter={filter}
        initialPage={page}
        questions={questions.map(({ id, label, type, archived }) => ({ id, label, type, archived }))}
      />
      <ExportForm waitlistId={waitlist.id} />
    </div>
  );
}
