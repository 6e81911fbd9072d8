import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { listTeamKeys } from "@/lib/keys/queries";
import { MAX_ACTIVE_KEYS } from "@/lib/keys/schemas";
import { appOrigin } from "@/lib/waitlists/hosted";
import { CreateKeyForm } from "../../_components/keys/create-key-form";
import { KeysList } from "../../_components/keys/keys-list";
import { ViewOnlyNote } from "../../_components/view-only-note";

export const metadata: Metadata = { title: "API keys" };

// Team-level: one set of keys reaches all of the team's waitlists (docs/api-keys.md); admins and owners manage
// them, and /api/keys answers 403 to a viewer, so a viewer gets the reason instead of the forms and no list
// (a key's name and scope are the team's integration details).
export default async function ApiKeysPage() {
  const { current } = await dashboardTeams("/dashboard/keys");
  const manages = current.role !== "viewer";
  const keys = manages ? await listTeamKeys(current.teamId) : [];
  const origin = appOrigin();
  const team = current.personal ? "your personal team" : current.name;

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
          . These are the keys of <strong className="font-medium text-ink" data-testid="keys-team">{team}</strong>: each
          reaches every waitlist of the team (and nothing of other teams). Treat them like passwords.
        </p>
      </div>
      {manages ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Create a key</CardTitle>
              <CardDescription>
                Up to {MAX_ACTIVE_KEYS} active keys per team. A read-write key acts as an admin of the team, a
                read-only key as a viewer that may export. Keys cannot create or revoke keys; only the team&apos;s
                admins and owners, signed in here, can.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <CreateKeyForm teamId={current.teamId} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>The team&apos;s keys</CardTitle>
              <CardDescription>Revoke a key you no longer use, or one that may have leaked: requests with it fail at once.</CardDescription>
            </CardHeader>
            <CardContent>
              <KeysList keys={keys} teamId={current.teamId} />
            </CardContent>
          </Card>
        </>
      ) : (
        <ViewOnlyNote testId="keys-view-only">
          You have view access to {team}: its API keys are created and revoked by its admins and owners. Ask an admin
          if you need a key.
        </ViewOnlyNote>
      )}
    </div>
  );
}
