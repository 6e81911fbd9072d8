import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentOwner } from "@/lib/auth/session";
import { plans } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { findOwnedWaitlist } from "@/lib/waitlists/queries";
import { DeleteWaitlist } from "../../../../_components/settings/delete-waitlist";
import { SettingsForm } from "../../../../_components/settings/settings-form";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ id: string }> };

export default async function SettingsPage({ params }: Props) {
  const { id } = await params;
  const owner = await currentOwner();
  if (!owner) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/dashboard/w/${id}/settings`)}`);
  const waitlist = await findOwnedWaitlist(owner.id, id);
  if (!waitlist) notFound();
  const branding = plans(env().FREE_SIGNUP_CAP)[waitlist.plan].branding;

  return (
    <div className="space-y-10">
      <SettingsForm waitlist={waitlist} branding={branding} />
      <DeleteWaitlist id={waitlist.id} slug={waitlist.slug} signups={waitlist.signup_count} />
    </div>
  );
}
