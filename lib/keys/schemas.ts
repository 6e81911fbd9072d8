import { z } from "zod";

// Client-safe: the create form checks with the same schema the API parses with.

export const KEY_NAME_MAX = 60;
/** Active (unrevoked) keys one owner may hold; revoked ones do not count. */
export const MAX_ACTIVE_KEYS = 25;
export const KEY_SCOPES = ["read", "write"] as const;

export const createKeySchema = z.strictObject({
  name: z
    .string({ error: "Give the key a name." })
    .trim()
    .min(1, "Give the key a name.")
    .max(KEY_NAME_MAX, `At most ${KEY_NAME_MAX} characters.`),
  scope: z.enum(KEY_SCOPES, { error: "Choose read or write." }),
  /** The team the key acts for (an admin or owner there); the dashboard's chosen team when absent. */
  team_id: z.uuid({ message: "team_id must be a team's id." }).optional(),
});

export type CreateKeyInput = z.infer<typeof createKeySchema>;

/** A key as lists show it: never the secret, only its first characters. */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scope: (typeof KEY_SCOPES)[number];
  created_at: string;
  last_used_at: string | null;
  /** Who created it (their keys are revoked when they leave the team); null when unknown. */
  created_by_email: string | null;
};
