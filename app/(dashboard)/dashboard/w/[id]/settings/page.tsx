import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { plans } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { DeleteWaitlist } from "../../../../_components/settings/delete-waitlist";
import { DoubleOptInSetting } from "../../../../_components/settings/double-opt-in-setting";
import { ReferralDigestSetting } from "../../../../_components/settings/referral-digest-setting";
import { SettingsForm } from "../../../../_components/settings/settings-form";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ id: string }> };

// Everyone in the team sees the settings; admins and owners change them; only owners delete the list (the
// API answers 403 otherwise), so the others see why the button is not there.
export default async function SettingsPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/settings`);
  const branding = plans(env().FREE_SIGNUP_CAP)[waitlist.plan].branding;
  const readOnly = !waitlist.canEdit;

  return (
    <div className="space-y-10">
      {readOnly ? <ViewOnlyNote /> : null}
      <SettingsForm waitlist={waitlist} branding={branding} readOnly={readOnly} />
      <DoubleOptInSetting id={waitlist.id} enabled={waitlist.double_opt_in} readOnly={readOnly} />
      <ReferralDigestSetting waitlistId={waitlist.id} enabled={waitlist.referral_digest} readOnly={readOnly} />
      {waitlist.role === "owner" ? (
        <DeleteWaitlist id={waitlist.id} slug={waitlist.slug} signups={waitlist.signup_count} />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Delete this waitlist</CardTitle>
            <CardDescription>Deleting a list and every signup on it is for the team&apos;s owners.</CardDescription>
          </CardHeader>
          <CardContent>
            <ViewOnlyNote testId="delete-owner-only">
              You are {waitlist.role === "admin" ? "an admin" : "a viewer"} in this team: ask a team owner if this list
              should be deleted.
            </ViewOnlyNote>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
