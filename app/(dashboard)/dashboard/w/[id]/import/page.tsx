import type { Metadata } from "next";
import { plans } from "@/lib/billing/plans";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { PlanPanel } from "../../../../_components/billing/plan-panel";
import { CsvImport } from "../../../../_components/import/csv-import";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Import" };

type Props = { params: Promise<{ id: string }> };

export default async function ImportPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/import`);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Import people from a CSV</h2>
        <p className="mt-1 text-sm text-muted">
          Moving from another waitlist tool? Imported people join the back of the line in the order they originally
          joined (by <code>joined_at</code> when the file has it). Emails already on the list are skipped, never
          duplicated. You see the column mapping and the first rows before anything is written.
        </p>
      </div>
      {plans()[waitlist.plan].canImport ? (
        // Importing writes to the list: admins and owners (the route answers 403 to a viewer).
        waitlist.canEdit ? <CsvImport waitlistId={waitlist.id} /> : <ViewOnlyNote />
      ) : (
        <>
          <p className="rounded-control bg-brand-50 px-4 py-3 text-sm text-brand-800 ring-1 ring-brand-200" data-testid="import-pro-only">
            CSV import is part of Pro, which covers every list of your team.{" "}
            {waitlist.role === "owner" ? "Upgrade your team to import a list." : "Ask a team owner to upgrade."}
          </p>
          <PlanPanel waitlist={waitlist} />
        </>
      )}
    </div>
  );
}
