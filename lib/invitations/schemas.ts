import { z } from "zod";
import { dateTimeExists, isTimeZone } from "@/lib/invitations/schedule";
import { REF_CODE_ALPHABET, REF_CODE_LENGTH } from "@/lib/signups/schemas";
import { storableText } from "@/lib/storable-text";

// Letting people in, at every boundary (owner API and dashboard forms): invitations now, scheduled waves, the
// invitation settings and invite codes. Zod only, client-safe.

/** Most people one invitation or one wave lets in. */
export const WAVE_SIZE_MAX = 10_000;
/** Most scheduled (not yet done or cancelled) waves per list. */
export const SCHEDULED_WAVES_MAX = 20;
export const INVITE_MESSAGE_MAX = 2000;
/** Most people chosen by id in one invitation (a page of the signups table is at most 200). */
export const INVITE_IDS_MAX = 1000;

const size = z
  .number({ error: "Give the number of people as a whole number." })
  .int("Give the number of people as a whole number.")
  .min(1, "Invite at least 1 person.")
  .max(WAVE_SIZE_MAX, `At most ${WAVE_SIZE_MAX.toLocaleString("en-US")} people at once.`);

/** POST /api/waitlists/:id/invitations: the top N waiting people, or chosen people. */
export const inviteRequestSchema = z.union([
  z.object({ top: size }).strict(),
  z
    .object({
      signup_ids: z
        .array(z.uuid("Signup ids are UUIDs."), { error: "signup_ids is a list of signup ids." })
        .min(1, "Choose at least one person.")
        .max(INVITE_IDS_MAX, `At most ${INVITE_IDS_MAX} people by id at once.`),
    })
    .strict(),
], { error: "Send {\"top\": N} or {\"signup_ids\": [...]}." });

export type InviteRequest = z.infer<typeof inviteRequestSchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 10:00 (24-hour).");
const weekday = z.number().int().min(0, "Weekday is 0 (Sunday) to 6 (Saturday).").max(6, "Weekday is 0 (Sunday) to 6 (Saturday).");

/**
 * POST /api/waitlists/:id/waves. `run_at` for a one-off wave: an ISO 8601 time with Z or an offset, or a local
 * "YYYY-MM-DDTHH:MM" read in the waitlist's time zone; it must be in the future.
 */
export const createWaveSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("once"),
        size,
        run_at: z.string().trim().min(1, "Give the date and time.").max(40).refine(dateTimeExists, "That date does not exist."),
      })
      .strict(),
    z.object({ kind: z.literal("daily"), size, time: timeOfDay }).strict(),
    z.object({ kind: z.literal("weekly"), size, weekday, time: timeOfDay }).strict(),
  ],
  { error: "kind is once, daily or weekly." },
);

export type CreateWaveInput = z.infer<typeof createWaveSchema>;

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, "Use an IANA time zone name such as Europe/Berlin or America/New_York.");

/** PATCH /api/waitlists/:id/invitation-settings. */
export const invitationSettingsSchema = z
  .object({
    invite_url: storableText()
      .trim()
      .max(2048, "Keep the link under 2048 characters.")
      .refine((v) => v === "" || /^https:\/\/[^\s"'<>]+$/i.test(v), "Use an https:// link, or leave it empty.")
      .transform((v) => (v === "" ? null : v))
      .nullable(),
    invite_message: storableText().max(INVITE_MESSAGE_MAX, `At most ${INVITE_MESSAGE_MAX} characters.`),
    require_invite_code: z.boolean(),
    time_zone: timeZoneSchema,
  })
  .partial()
  .strict();

export type InvitationSettingsInput = z.infer<typeof invitationSettingsSchema>;

export type InvitationSettings = {
  invite_url: string | null;
  invite_message: string;
  require_invite_code: boolean;
  time_zone: string;
};

/** An invite code as people type it: case and spaces forgiven. */
export const INVITE_CODE_PATTERN = new RegExp(`^[${REF_CODE_ALPHABET}]{${REF_CODE_LENGTH}}$`);

export function normalizeInviteCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, "").toUpperCase();
  return INVITE_CODE_PATTERN.test(code) ? code : null;
}
