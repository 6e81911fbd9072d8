import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS, type Role } from "@/lib/teams/roles";
import type { MemberView } from "@/lib/teams/schemas";
import { MemberRoleSelect } from "./member-role-select";
import { RemoveMemberButton } from "./remove-member-button";

// The team's members. Owners get a role control and Remove on each row; everyone gets Leave on their own row.
// The person whose personal team it is always stays an owner there: nobody gets a role control or Remove for
// them (not even they themselves), and they get no Leave (the API refuses all of it with 409 too).

const date = (iso: string) => new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
const TONE: Record<Role, "brand" | "neutral" | "warning"> = { owner: "brand", admin: "warning", viewer: "neutral" };

type Props = { teamId: string; teamName: string; members: MemberView[]; yourRole: Role };

export function MembersTable({ teamId, teamName, members, yourRole }: Props) {
  const owner = yourRole === "owner";
  const soleOwner = members.filter((m) => m.role === "owner").length === 1;
  return (
    <div className="-mx-6 overflow-x-auto px-6">
      <table className="w-full min-w-[36rem] text-left text-sm" aria-label="Members">
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Member</th>
            <th scope="col" className="py-2 pr-4 font-medium">Role</th>
            <th scope="col" className="py-2 pr-4 font-medium">Joined</th>
            <th scope="col" className="py-2 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((m) => (
            <tr key={m.user_id} data-testid="team-member">
              <td className="py-3 pr-4 align-top">
                <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
                  <span className="break-all">{m.name ?? m.email}</span>
                  {m.you ? <Badge tone="success">you</Badge> : null}
                </p>
                {m.name ? <p className="break-all text-xs text-muted">{m.email}</p> : null}
                {m.personal ? (
                  <p className="text-xs text-muted" data-testid="personal-owner">
                    {m.you ? "Your personal team: you always stay its owner." : "Their personal team: they always stay an owner."}
                  </p>
                ) : null}
              </td>
              <td className="py-3 pr-4 align-top">
                {owner && !m.personal ? (
                  <MemberRoleSelect teamId={teamId} userId={m.user_id} email={m.email} role={m.role} />
                ) : (
                  <Badge tone={TONE[m.role]}>{ROLE_LABELS[m.role]}</Badge>
                )}
              </td>
              <td className="py-3 pr-4 align-top text-muted">{date(m.joined_at)}</td>
              <td className="py-3 text-right align-top">
                {m.personal ? null : m.role === "owner" && soleOwner ? (
                  // The API refuses it too (409): say why instead of offering a button that can only fail.
                  m.you ? <span className="text-xs text-muted">Last owner: make someone else an owner to leave.</span> : null
                ) : m.you || owner ? (
                  <RemoveMemberButton teamId={teamId} userId={m.user_id} email={m.email} self={m.you} teamName={teamName} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
