import { z } from "zod";
import { storableText } from "@/lib/storable-text";
import { ROLES, type Role } from "@/lib/teams/roles";

// Team inputs at the boundary (client-safe: the dashboard's forms validate with the same schemas).

export const teamIdSchema = z.uuid({ message: "team_id must be a team's id." });

/** `?team_id=` on team-level reads (the waitlists, the keys): the dashboard's chosen team when absent. */
export const teamQuerySchema = z.object({ team_id: teamIdSchema.optional() }).strict();

export const roleSchema = z.enum(ROLES, { message: "role must be owner, admin or viewer." });

// ---- teams, members and invitations (app/api/teams/**, app/api/invitations/accept; docs/teams.md) ----

export const TEAM_NAME_MAX = 80;
export const INVITE_EMAIL_MAX = 254;
/** How long an emailed invitation link works. */
export const INVITATION_DAYS = 7;
/** Team invitations one person may send in any 24 hours, all their teams together (lib/teams/invite-caps.ts). */
export const INVITES_PER_INVITER_PER_DAY = 50;
/** Invitations one team may send one address in any 24 hours, re-sends included. */
export const INVITES_PER_ADDRESS_PER_DAY = 3;
/**
 * Teams that may invite one address in any 24 hours. Counted in teams, not invitations, so nobody can use up an
 * address's allowance with re-sends from one team and block the real team's invitation.
 */
export const TEAMS_PER_ADDRESS_PER_DAY = 10;

/** \p{Cc} (controls, C1 too), \p{Cf} (format: bidi marks and overrides, zero-width characters), U+2028, U+2029. */
const TEAM_NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

const teamName = storableText({ error: "The team's name must be text." })
  .trim()
  .min(1, "Give the team a name.")
  .max(TEAM_NAME_MAX, `A team's name is at most ${TEAM_NAME_MAX} characters.`)
  // It goes into email subjects, one-line headers and the audit log: no control characters (line breaks
  // included), no invisible format characters (bidi overrides that reverse how a name reads, zero-width ones that
  // make two names look alike) and no Unicode line or paragraph separators.
  .refine((v) => !TEAM_NAME_FORBIDDEN.test(v), "A team's name can't contain line breaks, control characters or invisible formatting characters.");

export const createTeamSchema = z.strictObject({ name: teamName });

export const updateTeamSchema = z
  .strictObject({
    name: teamName.optional(),
    viewers_can_export: z.boolean({ error: "viewers_can_export must be true or false." }).optional(),
  })
  .refine((v) => v.name !== undefined || v.viewers_can_export !== undefined, "Send name or viewers_can_export.");

export const switchTeamSchema = z.strictObject({ team_id: teamIdSchema });

export const memberRoleSchema = z.strictObject({ role: roleSchema });

export const inviteSchema = z.strictObject({
  email: z
    .string({ error: "Enter the address to invite." })
    .trim()
    .toLowerCase()
    .min(1, "Enter the address to invite.")
    .max(INVITE_EMAIL_MAX, `Email addresses are at most ${INVITE_EMAIL_MAX} characters.`)
    .pipe(z.email("Enter a valid email address, like alice@example.com.")),
  role: roleSchema,
});

/** The token of an emailed link: 32 random bytes, base64url (43 characters). */
export const INVITE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const acceptInvitationSchema = z.strictObject({
  // Any other string is an unknown token (410 from the accept itself), not a malformed request.
  token: z.string({ error: "token is missing." }).max(200, "This is not an invitation link's token."),
});

export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;
export type InviteInput = z.infer<typeof inviteSchema>;

// What the API answers (client-safe types: the dashboard renders them).

export type TeamSummary = { id: string; name: string; role: Role; personal: boolean; plan: "FREE" | "PRO" };

export type TeamView = {
  id: string;
  name: string;
  /** The caller's own personal team (they can't leave it). */
  personal: boolean;
  plan: "FREE" | "PRO";
  viewers_can_export: boolean;
  your_role: Role;
  member_count: number;
};

export type MemberView = {
  user_id: string;
  email: string;
  name: string | null;
  role: Role;
  joined_at: string;
  /** The caller. */
  you: boolean;
  /** This team is this member's personal team: they can't leave it or be removed from it. */
  personal: boolean;
};

export type InvitationView = {
  id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
};
