import { z } from "zod";
import { ROLES } from "@/lib/teams/roles";

// Team inputs at the boundary (client-safe: the dashboard's forms validate with the same schemas).

export const teamIdSchema = z.uuid({ message: "team_id must be a team's id." });

/** `?team_id=` on team-level reads (the waitlists, the keys): the dashboard's chosen team when absent. */
export const teamQuerySchema = z.object({ team_id: teamIdSchema.optional() }).strict();

export const roleSchema = z.enum(ROLES, { message: "role must be owner, admin or viewer." });
