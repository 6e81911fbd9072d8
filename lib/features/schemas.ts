import { z } from "zod";
import { emailSchema, TEXT_MAX_LENGTH } from "@/lib/signups/schemas";
import { storableText } from "@/lib/storable-text";

// Feature waitlists (docs/feature-waitlists.md): the shapes of the owner's feature keys and of the product API
// (/api/v1). Client-safe (zod only): the dashboard's form checks keys with the same rule.

/** Lowercase slug: letters, digits and inner hyphens, 1-64 characters (the same CHECK is in the migration). */
export const FEATURE_KEY_PATTERN = /^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/;
export const FEATURE_KEY_MAX_LENGTH = 64;
/** Keys per waitlist: aliases of one list (a renamed feature, a beta and its GA name), not a catalogue. */
export const FEATURE_KEYS_PER_WAITLIST = 20;

/** A product's own user id: 1-128 printable ASCII characters (no spaces), so it is safe in a path and a CSV. */
export const EXTERNAL_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;
export const EXTERNAL_ID_MAX_LENGTH = 128;

export const featureKeySchema = z
  .string({ error: "A feature key is text." })
  .trim()
  .toLowerCase()
  .max(FEATURE_KEY_MAX_LENGTH, `Feature keys are at most ${FEATURE_KEY_MAX_LENGTH} characters.`)
  .regex(FEATURE_KEY_PATTERN, "Use lowercase letters, digits and hyphens, like ai-search.");

/** PUT /api/waitlists/:id/features: the whole set of the waitlist's keys. */
export const featureKeysPutSchema = z
  .object({
    keys: z
      .array(featureKeySchema, { error: "Send keys as a list of strings." })
      .max(FEATURE_KEYS_PER_WAITLIST, `At most ${FEATURE_KEYS_PER_WAITLIST} feature keys per waitlist.`)
      .transform((keys) => [...new Set(keys)]),
  })
  .strict();

export type FeatureKeysPut = z.infer<typeof featureKeysPutSchema>;
/** The owner API's answer: the waitlist's keys, sorted. */
export type FeatureKeys = { keys: string[] };

/** Path parameters of /api/v1/features/{feature_key}/members/{external_user_id}; a key is matched exactly. */
export const memberPathSchema = z.object({
  feature_key: z.string().max(FEATURE_KEY_MAX_LENGTH).regex(FEATURE_KEY_PATTERN, "Not a feature key (lowercase letters, digits and hyphens)."),
  external_user_id: z
    .string()
    .regex(EXTERNAL_ID_PATTERN, `Use 1 to ${EXTERNAL_ID_MAX_LENGTH} printable ASCII characters, without spaces.`),
});

export const externalIdPathSchema = memberPathSchema.pick({ external_user_id: true });

/**
 * PUT body. The email is needed the first time (the member gets the list's emails: welcome, invitation); once
 * they are a member a PUT may send nothing, and what it sends changes nothing (PUT is "be a member").
 */
export const memberPutSchema = z
  .object({
    email: emailSchema.optional(),
    name: storableText({ error: "name must be text." })
      .trim()
      .max(TEXT_MAX_LENGTH, `name is at most ${TEXT_MAX_LENGTH} characters.`)
      .transform((v) => (v === "" ? null : v))
      .nullish(),
  })
  .strict();

export type MemberPut = z.infer<typeof memberPutSchema>;

/** The seed's answer for one feature of one user, plus our place-in-line fields when they are a member. */
export type MemberView = {
  feature_key: string;
  signed_up: boolean;
  waitlist_id: string;
  status?: "pending" | "waiting" | "invited" | "joined";
  position?: number | null;
  ref_code?: string;
  links: { self: string };
};

export type MembershipItem = Required<Omit<MemberView, "signed_up">> & { signed_up: true; created_at: string };
