import { Badge } from "@/components/ui/badge";
import type { ApiKeyView } from "@/lib/keys/schemas";
import { RevokeKeyButton } from "./revoke-key-button";

// The team's active keys: what tells them apart (name, first characters), what they may do, who made them (their
// keys are revoked when they leave the team), when last used. Revoking names the team shown (`teamId`).

const date = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function KeysList({ keys, teamId }: { keys: ApiKeyView[]; teamId: string }) {
  if (keys.length === 0) {
    return (
      <div className="rounded-control border border-dashed border-line px-4 py-8 text-center" data-testid="keys-empty">
        <p className="text-sm font-medium text-ink">No API keys yet</p>
        <p className="mt-1 text-sm text-muted">Create one above to use the owner API from your servers and scripts.</p>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-line" aria-label="API keys">
      {keys.map((k) => (
        <li key={k.id} data-testid="api-key" className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink">
              <span className="break-all">{k.name}</span>
              <Badge tone={k.scope === "write" ? "warning" : "neutral"}>{k.scope === "write" ? "read and write" : "read-only"}</Badge>
            </p>
            <p className="text-xs text-muted">
              <code className="font-mono text-ink" aria-label={`Starts with ${k.prefix}`}>
                {k.prefix}…
              </code>
              {" · "}Created {date(k.created_at)}
              {" by "}
              <span data-testid="key-created-by" className={k.created_by_email ? "break-all text-ink" : undefined}>
                {k.created_by_email ?? "an unknown person"}
              </span>
              {" · "}Last used: <span data-testid="key-last-used">{k.last_used_at ? date(k.last_used_at) : "never"}</span>
            </p>
          </div>
          <RevokeKeyButton keyId={k.id} name={k.name} teamId={teamId} />
        </li>
      ))}
    </ul>
  );
}
