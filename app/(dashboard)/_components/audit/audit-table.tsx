import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { summarizeDetails } from "@/lib/audit/details";
import { relativeTime, utcTime } from "@/lib/audit/format";
import type { AuditEntryRow } from "@/lib/audit/queries";
import { shortUserAgent } from "@/lib/audit/user-agent";

// The audit log's entries, newest first: when, who, what (and to what, on which list), from where, and the
// details in words. A plain table (server-rendered); it scrolls sideways on narrow screens, and the scroll area
// takes keyboard focus so it can be scrolled without a mouse.

export function AuditTable({ entries, now }: { entries: AuditEntryRow[]; now: number }) {
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600" tabIndex={0} role="region" aria-label="Audit log entries">
        <table className="w-full min-w-[56rem] text-left text-sm" data-testid="audit-table">
          <caption className="sr-only">Audit log, newest first</caption>
          <thead className="border-b border-line bg-surface text-xs font-medium text-muted">
            <tr>
              <th scope="col" className="px-4 py-3">When</th>
              <th scope="col" className="px-4 py-3">Who</th>
              <th scope="col" className="px-4 py-3">What</th>
              <th scope="col" className="px-4 py-3">Where</th>
              <th scope="col" className="px-4 py-3">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {entries.map((e) => (
              <EntryRow key={e.id} entry={e} now={now} />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function EntryRow({ entry: e, now }: { entry: AuditEntryRow; now: number }) {
  const details = summarizeDetails(e.details, e.action);
  return (
    <tr className="align-top" data-testid="audit-entry" data-action={e.action}>
      <td className="px-4 py-3 whitespace-nowrap">
        <time dateTime={e.at} className="block text-ink tabular-nums">
          {utcTime(e.at)}
        </time>
        <span className="text-xs text-muted">{relativeTime(e.at, now)}</span>
      </td>
      <td className="max-w-64 px-4 py-3" data-testid="audit-actor">
        <Actor entry={e} />
      </td>
      <td className="max-w-80 px-4 py-3">
        <p className="font-medium text-ink" data-testid="audit-label">{e.label}</p>
        <Target entry={e} />
      </td>
      <td className="px-4 py-3 text-xs text-muted">
        <p className="font-mono text-ink">{e.ip ?? "–"}</p>
        {e.user_agent ? <p title={e.user_agent}>{shortUserAgent(e.user_agent)}</p> : null}
      </td>
      <td className="max-w-80 px-4 py-3 text-xs text-muted">
        {details.length === 0 ? (
          "–"
        ) : (
          <ul className="space-y-0.5" data-testid="audit-details">
            {details.map((line, i) => (
              <li key={i} className="break-words">
                {line}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function Actor({ entry: e }: { entry: AuditEntryRow }) {
  if (e.actor.kind === "system") return <Badge tone="warning">{e.actor.label}</Badge>;
  return (
    <div className="space-y-1">
      <p className="break-words text-ink">{e.actor.label}</p>
      {e.actor.kind === "key" ? <Badge tone="brand">API key</Badge> : null}
    </div>
  );
}

function Target({ entry: e }: { entry: AuditEntryRow }) {
  const list = e.waitlist_id ? (e.waitlist_title ?? "a deleted waitlist") : null;
  // A change of the waitlist itself is named by the list alone.
  const target = e.target === e.waitlist_id ? null : e.target;
  if (!target && !list) return null;
  return (
    <p className="mt-0.5 text-xs text-muted">
      {target ? (
        e.target_label ? (
          <span className="break-words">{e.target_label}</span>
        ) : (
          <span>
            id <code className="font-mono" title={target}>{shortId(target)}</code>
          </span>
        )
      ) : null}
      {target && list ? " · " : null}
      {list ? <span>on {list}</span> : null}
    </p>
  );
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
