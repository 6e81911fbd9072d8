import type { Metadata } from "next";
import { CodeBlock } from "@/components/ui/code-block";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { env } from "@/lib/env";
import { countMembers, listFeatureKeys } from "@/lib/features/settings";
import { FeatureKeysForm } from "../../../../_components/features/feature-keys-form";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Feature keys" };

type Props = { params: Promise<{ id: string }> };

export default async function FeaturesPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/features`);
  const [{ keys }, members] = await Promise.all([listFeatureKeys(waitlist.id), countMembers(waitlist.id)]);
  const example = keys[0] ?? "ai-search";
  const origin = env().APP_URL.replace(/\/$/, "");
  const curl = [
    `curl -X PUT ${origin}/api/v1/features/${example}/members/USER_ID \\`,
    `  -H "Authorization: Bearer wf_live_…" -H "Content-Type: application/json" \\`,
    `  -d '{"email": "ada@example.com", "name": "Ada"}'`,
  ].join("\n");

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Feature keys</h2>
        <p className="text-sm text-muted">
          Put your product&apos;s signed-in users on this list from your backend, by feature. Members get a place, a
          referral link and this list&apos;s emails like everyone else, and show in Signups with their user id.
        </p>
      </div>
      {waitlist.canEdit ? null : <ViewOnlyNote />}
      <Card>
        <CardHeader>
          <CardTitle>Keys of this waitlist</CardTitle>
          <CardDescription>
            {members === 1 ? "1 person" : `${members} people`} on this list joined through a feature key.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FeatureKeysForm waitlistId={waitlist.id} initial={keys} readOnly={!waitlist.canEdit} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>From your backend</CardTitle>
          <CardDescription>
            With a read-write API key of this team: PUT joins (idempotent), GET checks, DELETE leaves. The email is
            needed the first time only.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CodeBlock title="Join" language="shell" code={curl} />
        </CardContent>
      </Card>
    </div>
  );
}
