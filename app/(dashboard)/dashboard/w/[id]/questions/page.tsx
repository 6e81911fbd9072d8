import type { Metadata } from "next";
import { plans } from "@/lib/billing/plans";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { getFieldDefinitions } from "@/lib/fields/mutations";
import { QuestionsEditor } from "../../../../_components/questions/questions-editor";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Questions" };

type Props = { params: Promise<{ id: string }> };

export default async function QuestionsPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/questions`);
  const fields = await getFieldDefinitions(waitlist.id);

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Your questions</h2>
        <p className="text-sm text-muted">
          Ask people who sign up about themselves: up to 10 questions, each required, optional or required only
          after a given answer. Answers show in Signups, the CSV export and the API.
        </p>
      </div>
      {waitlist.canEdit ? null : <ViewOnlyNote />}
      <QuestionsEditor
        waitlistId={waitlist.id}
        initial={fields}
        theme={waitlist.theme}
        title={waitlist.title}
        branding={plans()[waitlist.plan].branding}
        readOnly={!waitlist.canEdit}
      />
    </div>
  );
}
