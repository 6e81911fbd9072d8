import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { getInvitationSettings } from "@/lib/invitations/settings";
import { listWaves } from "@/lib/invitations/waves";
import { InvitationSettingsForm } from "../../../../_components/invitations/invitation-settings-form";
import { InviteNowForm } from "../../../../_components/invitations/invite-now-form";
import { ScheduleWaveForm } from "../../../../_components/invitations/schedule-wave-form";
import { WavesList } from "../../../../_components/invitations/waves-list";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Let people in" };

type Props = { params: Promise<{ id: string }> };

export default async function InvitationsPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/invitations`);
  const [settings, waves] = await Promise.all([getInvitationSettings(waitlist.id), listWaves(waitlist.id)]);
  const zones = Intl.supportedValuesOf("timeZone");

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Let people in</h2>
        <p className="text-sm text-muted">
          Invited people leave the line (everyone behind them moves up) and get your invitation by email.{" "}
          {waitlist.waiting_count.toLocaleString("en-US")} waiting now.
        </p>
      </div>
      {/* Inviting and scheduling are an admin's (the API refuses a viewer): a viewer sees the waves and settings. */}
      {waitlist.canEdit ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Invite now</CardTitle>
              <CardDescription>The top of the line, right away. To pick people, select them on the Signups tab.</CardDescription>
            </CardHeader>
            <CardContent>
              <InviteNowForm waitlistId={waitlist.id} waiting={waitlist.waiting_count} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Schedule a wave</CardTitle>
              <CardDescription>Let the top people in on a schedule, in {settings.time_zone}.</CardDescription>
            </CardHeader>
            <CardContent>
              <ScheduleWaveForm waitlistId={waitlist.id} timeZone={settings.time_zone} />
            </CardContent>
          </Card>
        </div>
      ) : (
        <ViewOnlyNote />
      )}
      <Card>
        <CardHeader>
          <CardTitle>Waves</CardTitle>
          <CardDescription>Scheduled waves run on their own; cancel one to stop it.</CardDescription>
        </CardHeader>
        <CardContent>
          <WavesList waitlistId={waitlist.id} waves={waves} timeZone={settings.time_zone} canEdit={waitlist.canEdit} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>The invitation</CardTitle>
          <CardDescription>What invited people get by email, and the time zone of your schedules.</CardDescription>
        </CardHeader>
        <CardContent>
          <InvitationSettingsForm waitlistId={waitlist.id} initial={settings} zones={zones} readOnly={!waitlist.canEdit} />
        </CardContent>
      </Card>
    </div>
  );
}
