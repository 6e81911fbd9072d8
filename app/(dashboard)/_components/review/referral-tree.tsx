"use client";

import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { TreeNode } from "@/lib/review/queries";

// "View referral tree" for one referrer: fetched when opened (a farm's tree can be large), shown as an indented
// list, each person with their status and the state of the credit they gave; held and rejected stand out.

type Tree = { nodes: TreeNode[]; truncated: boolean };
type State = { kind: "closed" | "loading" } | { kind: "open"; tree: Tree } | { kind: "error"; message: string };

const CREDIT: Record<NonNullable<TreeNode["credit"]>, { label: string; tone: BadgeTone }> = {
  credited: { label: "credited", tone: "success" },
  held: { label: "credit held", tone: "warning" },
  revoked: { label: "credit taken back", tone: "neutral" },
  rejected: { label: "rejected", tone: "danger" },
};

function Branch({ parent, byParent }: { parent: string; byParent: Map<string, TreeNode[]> }) {
  const children = byParent.get(parent) ?? [];
  if (children.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 border-l border-line pl-4">
      {children.map((node) => (
        <TreeItem key={node.id} node={node} byParent={byParent} />
      ))}
    </ul>
  );
}

function TreeItem({ node, byParent }: { node: TreeNode; byParent: Map<string, TreeNode[]> }) {
  const flagged = node.credit === "held" || node.credit === "rejected";
  return (
    <li data-testid="tree-node" data-credit={node.credit ?? "none"}>
      <div className={flagged ? "flex flex-wrap items-center gap-2 rounded bg-amber-50 px-1.5 py-0.5" : "flex flex-wrap items-center gap-2 px-1.5 py-0.5"}>
        <span className="break-all text-ink">{node.email}</span>
        <Badge>{node.status}</Badge>
        {node.credit ? <Badge tone={CREDIT[node.credit].tone}>{CREDIT[node.credit].label}</Badge> : null}
        {node.referrals > 0 ? <span className="text-xs text-muted">{node.referrals} referrals</span> : null}
      </div>
      <Branch parent={node.id} byParent={byParent} />
    </li>
  );
}

export function ReferralTree({ waitlistId, signupId, email }: { waitlistId: string; signupId: string; email: string }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const regionId = `tree-${signupId}`;
  const open = state.kind !== "closed";

  async function toggle() {
    if (open) return setState({ kind: "closed" });
    setState({ kind: "loading" });
    const result = await ownerFetch<Tree>(`/api/waitlists/${waitlistId}/signups/${signupId}/referrals`);
    setState(result.ok ? { kind: "open", tree: result.data } : { kind: "error", message: result.error.message });
  }

  let body = null;
  if (state.kind === "loading") body = <p className="text-sm text-muted">Loading the tree…</p>;
  if (state.kind === "error") body = <p role="alert" className="text-sm text-red-700">{state.message}</p>;
  if (state.kind === "open") {
    const byParent = new Map<string, TreeNode[]>();
    const root = state.tree.nodes[0];
    for (const n of state.tree.nodes.slice(1)) byParent.set(n.parent_id ?? "", [...(byParent.get(n.parent_id ?? "") ?? []), n]);
    body = root ? (
      <div className="text-sm">
        <ul aria-label={`Referral tree of ${email}`}>
          <TreeItem node={root} byParent={byParent} />
        </ul>
        {state.tree.truncated ? <p className="mt-2 text-xs text-muted">Only the first {state.tree.nodes.length} people are shown.</p> : null}
      </div>
    ) : null;
  }

  return (
    <div>
      <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={regionId} onClick={() => void toggle()}>
        {open ? "Hide referral tree" : "View referral tree"}
        <span className="sr-only"> of {email}</span>
      </Button>
      <div id={regionId} aria-live="polite" className={open ? "mt-2" : undefined}>
        {body}
      </div>
    </div>
  );
}
