import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { getRestrictionSettings } from "@/lib/restrictions/settings";
import { RefusalCounts } from "../../../../_components/restrictions/refusal-counts";
import { RestrictionsForm } from "../../../../_components/restrictions/restrictions-form";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Restrictions" };

type Props = { params: Promise<{ id: string }> };

export default async function RestrictionsPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/restrictions`);
  const settings = await getRestrictionSettings(waitlist.id);

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Restrictions</h2>
        <p className="text-sm text-muted">
          Who may join. Refused people see a message telling them what to do instead; nothing of theirs is stored.
        </p>
      </div>
      {waitlist.canEdit ? null : <ViewOnlyNote />}
      <Card>
        <CardHeader>
          <CardTitle>Refused in the last 7 days</CardTitle>
          <CardDescription>Signups each rule turned away, today included (UTC days).</CardDescription>
        </CardHeader>
        <CardContent>
          <RefusalCounts counts={settings.refused_last_7_days} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sign-up rules</CardTitle>
          <CardDescription>Changes apply to new signups within a minute; people already on the list stay.</CardDescription>
        </CardHeader>
        <CardContent>
          <RestrictionsForm waitlistId={waitlist.id} initial={settings} readOnly={!waitlist.canEdit} />
        </CardContent>
      </Card>
    </div>
  );
}
