import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { listTeamKeys } from "@/lib/keys/queries";
import { MAX_ACTIVE_KEYS } from "@/lib/keys/schemas";
import { appOrigin } from "@/lib/waitlists/hosted";
import { CreateKeyForm } from "../../_components/keys/create-key-form";
import { KeysList } from "../../_components/keys/keys-list";

export const metadata: Metadata = { title: "API keys" };

// Team-level: one set of keys reaches all of the team's waitlists (docs/api-keys.md); admins and owners manage them.
export default async function ApiKeysPage() {
  const { current } = await dashboardTeams("/dashboard/keys");
  const keys = current.role === "viewer" ? [] : await listTeamKeys(current.teamId);
  const origin = appOrigin();

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">API keys</h1>
        <p className="mt-1 text-sm text-muted">
          Use the owner API from your servers and scripts: send a key as{" "}
          <code className="font-mono text-ink">Authorization: Bearer wf_live_…</code> to{" "}
          <code className="font-mono text-ink">{origin}/api/waitlists</code> and the other routes in the{" "}
          <a href="/api/openapi.json" className="underline">
            OpenAPI document
          </a>
          . Keys reach every waitlist of your account; treat them like passwords.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
          <CardDescription>Up to {MAX_ACTIVE_KEYS} active keys. Keys cannot create or revoke keys; only you, signed in here, can.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateKeyForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your keys</CardTitle>
          <CardDescription>Revoke a key you no longer use, or one that may have leaked: requests with it fail at once.</CardDescription>
        </CardHeader>
        <CardContent>
          <KeysList keys={keys} />
        </CardContent>
      </Card>
    </div>
  );
}
