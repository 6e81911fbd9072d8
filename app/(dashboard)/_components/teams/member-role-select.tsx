"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClasses } from "@/components/ui/input";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/teams/roles";
import { cn } from "@/lib/ui/cn";

// An owner's control of one member's role: saved as soon as it changes (the API refuses demoting the last
// owner with a message shown here, and the select goes back to the role they still have).

export function MemberRoleSelect({ teamId, userId, email, role }: { teamId: string; userId: string; email: string; role: Role }) {
  const router = useRouter();
  const [value, setValue] = useState<Role>(role);
  const [state, setState] = useState<{ kind: "idle" | "busy" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function change(next: Role) {
    setValue(next);
    setState({ kind: "busy" });
    const result = await ownerFetch(`/api/teams/${teamId}/members/${encodeURIComponent(userId)}`, { method: "PATCH", body: { role: next } });
    if (!result.ok) {
      setValue(role);
      return setState({ kind: "error", message: result.error.message });
    }
    setState({ kind: "saved" });
    router.refresh();
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <select
        aria-label={`Role of ${email}`}
        value={value}
        disabled={state.kind === "busy"}
        onChange={(e) => void change(e.target.value as Role)}
        className={cn(inputClasses, "h-8 w-auto min-w-28 py-0 pr-8 text-sm")}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {state.kind === "saved" ? (
        <span role="status" className="text-xs text-emerald-700">
          Saved.
        </span>
      ) : null}
      {state.kind === "error" ? (
        <span role="alert" className="max-w-56 text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
