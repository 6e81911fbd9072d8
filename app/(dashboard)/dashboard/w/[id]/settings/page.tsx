import type { Metadata } from "next";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { plans } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { DeleteWaitlist } from "../../../../_components/settings/delete-waitlist";
import { DoubleOptInSetting } from "../../../../_components/settings/double-opt-in-setting";
import { ReferralDigestSetting } from "../../../../_components/settings/referral-digest-setting";
import { SettingsForm } from "../../../../_components/settings/settings-form";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ id: string }> };

export default async function SettingsPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/settings`);
  const branding = plans(env().FREE_SIGNUP_CAP)[waitlist.plan].branding;

  return (
    <div className="space-y-10">
      <SettingsForm waitlist={waitlist} branding={branding} />
      <DoubleOptInSetting id={waitlist.id} enabled={waitlist.double_opt_in} />
      <ReferralDigestSetting waitlistId={waitlist.id} enabled={waitlist.referral_digest} />
      <DeleteWaitlist id={waitlist.id} slug={waitlist.slug} signups={waitlist.signup_count} />
    </div>
  );
}
