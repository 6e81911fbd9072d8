import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { iso, okObject, ownerOp, ref, stringOrNull } from "@/lib/api/owner-openapi/operation";
import { ROLES } from "@/lib/teams/roles";
import {
  acceptInvitationSchema,
  createTeamSchema,
  INVITATION_DAYS,
  INVITES_PER_ADDRESS_PER_DAY,
  TEAMS_PER_ADDRESS_PER_DAY,
  INVITES_PER_INVITER_PER_DAY,
  inviteSchema,
  memberRoleSchema,
  switchTeamSchema,
  TEAM_NAME_MAX,
  updateTeamSchema,
} from "@/lib/teams/schemas";

// Teams, members and invitations (docs/teams.md): one PathModule in OWNER_PATH_MODULES
// (lib/api/owner-openapi/document.ts). ownerOp adds the shared 400/401/403/429 answers.

type Errors = Record<number, [string, string[]]>;

const teamId = pathParam("teamId", "The team's id (a team you are not in answers 404, never 403).");
const notFound = (what = "No team with this id in your account."): Errors => ({ 404: [what, ["not_found"]] });
const role = { enum: [...ROLES] };
const plan = { enum: ["FREE", "PRO"] };
const cookie = {
  "Set-Cookie": { schema: { type: "string" }, description: "waitforge_team=<team id>: the dashboard's current team (HttpOnly, SameSite=Lax)." },
};

export const teamPathModule: PathModule = {
  tag: {
    name: "Teams",
    description: `Teams, members and emailed invitations. Roles: owner (members, billing, deleting), admin (settings, letting people in, keys, webhooks, exports), viewer (read-only). An API key sees only its own team and cannot manage members. Invitation links expire after ${INVITATION_DAYS} days.`,
  },
  paths: {
    "/api/teams": {
      get: ownerOp({
        operationId: "listTeams",
        summary: "Your teams with your role in each, and the dashboard's current one (an API key: its own team).",
        ok: { description: "In the order you joined them.", schema: okObject({ teams: { type: "array", items: ref("TeamSummary") }, current_team_id: { type: "string" } }) },
      }),
      post: ownerOp({
        operationId: "createTeam",
        summary: "Create a team; you are its owner and it becomes the dashboard's current team.",
        role: "viewer",
        sessionOnly: true,
        write: true,
        body: createTeamSchema,
        bodyDescription: `name: 1-${TEAM_NAME_MAX} characters, no line breaks, control or invisible formatting characters.`,
        ok: {
          status: 201,
          description: "Created.",
          response: { description: "Created.", headers: cookie, content: { "application/json": { schema: okObject({ team: ref("Team") }) } } },
        },
      }),
    },
    "/api/teams/current": {
      put: ownerOp({
        operationId: "switchTeam",
        summary: "Pick the dashboard's current team (sets the waitforge_team cookie). Not audited.",
        role: "viewer",
        sessionOnly: true,
        write: true,
        body: switchTeamSchema,
        ok: {
          description: "Switched.",
          response: { description: "Switched.", headers: cookie, content: { "application/json": { schema: okObject({ current_team_id: { type: "string" } }) } } },
        },
        errors: notFound(),
      }),
    },
    "/api/teams/{teamId}": {
      get: ownerOp({ operationId: "getTeam", summary: "One team, with your role and its member count.", parameters: [teamId], ok: { description: "The team.", schema: okObject({ team: ref("Team") }) }, errors: notFound() }),
      patch: ownerOp({
        operationId: "updateTeam",
        summary: "Rename the team, or let viewers export personal data (CSV). Owners only.",
        role: "owner",
        sessionOnly: true,
        write: true,
        parameters: [teamId],
        body: updateTeamSchema,
        ok: { description: "The team as stored.", schema: okObject({ team: ref("Team") }) },
        errors: notFound(),
      }),
    },
    "/api/teams/{teamId}/members": {
      get: ownerOp({ operationId: "listTeamMembers", summary: "The team's members: owners, then admins, then viewers.", parameters: [teamId], ok: { description: "The members.", schema: okObject({ members: { type: "array", items: ref("TeamMember") } }) }, errors: notFound() }),
    },
    "/api/teams/{teamId}/members/{userId}": {
      patch: ownerOp({
        operationId: "changeTeamMemberRole",
        summary: "Change a member's role. Owners only; the last owner, and the person whose personal team it is, cannot be demoted (409).",
        description:
          "Demoted to viewer: the read-write API keys they created in this team are revoked. No longer an owner: the pending invitations they sent are revoked. The caller's own role is checked again under the team's lock (403 when it changed meanwhile).",
        role: "owner",
        sessionOnly: true,
        write: true,
        parameters: [teamId, pathParam("userId", "The member's user id (from listTeamMembers).")],
        body: memberRoleSchema,
        ok: { description: "The member with the new role.", schema: okObject({ member: ref("TeamMember") }) },
        errors: { ...notFound("No such team or member in your account."), 409: ["The team's last owner, or the person whose personal team it is.", ["conflict"]] },
      }),
      delete: ownerOp({
        operationId: "removeTeamMember",
        summary: "Remove a member (owners), or leave the team (your own user id, any role).",
        description:
          "Nobody leaves, or is removed from, their own personal team; the last owner cannot leave or be removed (409). What they made stays the team's, except the API keys they created and the pending invitations they sent in it, which are revoked.",
        role: "viewer",
        sessionOnly: true,
        write: true,
        parameters: [teamId, pathParam("userId", "The member's user id; your own to leave.")],
        ok: { description: "Removed, or left.", schema: okObject({ left: { type: "boolean" } }) },
        errors: {
          ...notFound("No such team or member in your account."),
          403: ["Removing someone else needs an owner.", ["forbidden"]],
          409: ["Their personal team, or the team's last owner.", ["conflict"]],
        },
      }),
    },
    "/api/teams/{teamId}/invitations": {
      get: ownerOp({
        operationId: "listTeamInvitations",
        role: "admin",
        summary: "Pending invitations (not accepted, revoked or expired), newest first. Admins and owners.",
        parameters: [teamId],
        ok: { description: "The pending invitations.", schema: okObject({ invitations: { type: "array", items: ref("TeamInvitation") } }) },
        errors: notFound(),
      }),
      post: ownerOp({
        operationId: "inviteToTeam",
        summary: "Invite an address with a role; the link is emailed to it (never answered). Owners only.",
        description: `The link works once, for ${INVITATION_DAYS} days, only for that address and only while the inviter is an owner of the team. In any 24 hours (429 with Retry-After; re-sends count): TEAM_INVITES_PER_DAY invitations a team, ${INVITES_PER_INVITER_PER_DAY} a person across all their teams, ${INVITES_PER_ADDRESS_PER_DAY} to one address from one team, and one address invited by at most ${TEAMS_PER_ADDRESS_PER_DAY} teams. An address with a pending invitation gets a fresh link and the older one stops working (resent: true).`,
        role: "owner",
        sessionOnly: true,
        write: true,
        parameters: [teamId],
        body: inviteSchema,
        ok: { status: 201, description: "Invited and emailed.", schema: okObject({ invitation: ref("TeamInvitation"), resent: { type: "boolean" } }) },
        errors: {
          ...notFound(),
          409: ["The address belongs to a member already.", ["conflict"]],
          429: ["The team, the inviter or the address reached its invitations for the last 24 hours.", ["rate_limited"]],
          500: ["The email could not be sent; nothing was created.", ["internal_error"]],
        },
      }),
    },
    "/api/teams/{teamId}/invitations/{invitationId}": {
      delete: ownerOp({
        operationId: "revokeTeamInvitation",
        summary: "Revoke a pending invitation: its link stops working at once. Owners only.",
        role: "owner",
        sessionOnly: true,
        write: true,
        parameters: [teamId, pathParam("invitationId", "The invitation's id (from listTeamInvitations).")],
        ok: { description: "Revoked.", schema: okObject({}) },
        errors: notFound("No such team or pending invitation in your account."),
      }),
    },
    "/api/invitations/accept": {
      post: ownerOp({
        operationId: "acceptTeamInvitation",
        summary: "Accept a team invitation as the signed-in person; the team becomes the dashboard's current one.",
        description: "Already a member: 200 (already_member: true, your role stays) and the link is used up.",
        role: "viewer",
        sessionOnly: true,
        write: true,
        body: acceptInvitationSchema,
        bodyDescription: "token: the last segment of the emailed /invite/<token> link.",
        ok: {
          description: "Joined.",
          response: {
            description: "Joined.",
            headers: cookie,
            content: {
              "application/json": {
                schema: okObject({
                  team: { type: "object", additionalProperties: false, required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } },
                  role,
                  already_member: { type: "boolean" },
                }),
              },
            },
          },
        },
        errors: {
          403: ["The invitation is for another address than the one signed in.", ["invitation_wrong_account"]],
          410: ["The link is unknown, used, revoked or expired, or its inviter is no longer an owner of the team.", ["invitation_invalid"]],
        },
      }),
    },
  },
  schemas: {
    TeamSummary: {
      type: "object",
      additionalProperties: false,
      required: ["id", "name", "role", "personal", "plan"],
      properties: { id: { type: "string" }, name: { type: "string" }, role, personal: { type: "boolean", description: "Your own personal team (you can't leave it)." }, plan },
    },
    Team: {
      type: "object",
      additionalProperties: false,
      required: ["id", "name", "personal", "plan", "viewers_can_export", "your_role", "member_count"],
      properties: {
        id: { type: "string" },
        name: { type: "string", minLength: 1, maxLength: TEAM_NAME_MAX },
        personal: { type: "boolean", description: "Your own personal team (you can't leave it)." },
        plan,
        viewers_can_export: { type: "boolean", description: "Viewers may download the CSV of personal data." },
        your_role: role,
        member_count: { type: "integer", minimum: 1 },
      },
    },
    TeamMember: {
      type: "object",
      additionalProperties: false,
      required: ["user_id", "email", "name", "role", "joined_at", "you", "personal"],
      properties: {
        user_id: { type: "string" },
        email: { type: "string" },
        name: stringOrNull,
        role,
        joined_at: iso,
        you: { type: "boolean" },
        personal: { type: "boolean", description: "This is the member's personal team: they can't leave it or be removed." },
      },
    },
    TeamInvitation: {
      type: "object",
      additionalProperties: false,
      required: ["id", "email", "role", "invited_by", "created_at", "expires_at"],
      properties: { id: { type: "string" }, email: { type: "string" }, role, invited_by: { ...stringOrNull, description: "The inviter's email." }, created_at: iso, expires_at: iso },
    },
  },
};
