import type { OwnedWaitlist } from "@/lib/waitlists/queries";
import {
  CAPACITY_MAX,
  REFERRAL_BOOST_MAX,
  updateWaitlistSchema,
  type Theme,
  type UpdateWaitlistInput,
} from "@/lib/waitlists/schemas";

// The settings form's state, as the owner types it (numbers as text, colours half-typed), and the one
// function that turns it into the PATCH body with the API's own zod schema, so the inline messages are the
// server's messages.

export type SettingsDraft = {
  title: string;
  description: string;
  theme: Record<keyof Theme, string>;
  fields: { name: boolean; company: boolean; twitter: boolean };
  capacity: string;
  referral_boost: string;
  is_open: boolean;
  /** One site per line (or comma-separated), as typed. */
  allowed_hosts: string;
};

/** Messages keyed by the API's field path ("title", "theme.primary", "capacity"). */
export type FieldErrors = Partial<Record<string, string>>;

export function draftFromWaitlist(w: Pick<OwnedWaitlist, "title" | "description" | "theme" | "fields" | "capacity" | "referral_boost" | "is_open" | "allowed_hosts">): SettingsDraft {
  return {
    title: w.title,
    description: w.description,
    theme: { ...w.theme },
    fields: { ...w.fields },
    capacity: w.capacity === null ? "" : String(w.capacity),
    referral_boost: String(w.referral_boost),
    is_open: w.is_open,
    allowed_hosts: w.allowed_hosts.join("\n"),
  };
}

const WHOLE = /^\s*\d+\s*$/;

export function validateDraft(draft: SettingsDraft): { payload: UpdateWaitlistInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let capacity: number | null = null;
  if (draft.capacity.trim() !== "") {
    if (!WHOLE.test(draft.capacity)) errors.capacity = "Capacity is a whole number, or leave it empty for no limit.";
    else if (Number(draft.capacity) > CAPACITY_MAX) errors.capacity = `At most ${CAPACITY_MAX.toLocaleString("en-US")}.`;
    else capacity = Number(draft.capacity);
  }
  let boost = 0;
  if (!WHOLE.test(draft.referral_boost)) errors.referral_boost = "Enter a whole number of places (0 turns the boost off).";
  else boost = Number(draft.referral_boost);
  if (boost > REFERRAL_BOOST_MAX) errors.referral_boost = `At most ${REFERRAL_BOOST_MAX} places.`;

  const parsed = updateWaitlistSchema.safeParse({
    title: draft.title,
    description: draft.description,
    theme: draft.theme,
    fields: draft.fields,
    capacity,
    referral_boost: boost,
    is_open: draft.is_open,
    allowed_hosts: draft.allowed_hosts.split(/[\s,]+/).filter(Boolean),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // One message for the list, whichever line is wrong.
      const key = issue.path[0] === "allowed_hosts" ? "allowed_hosts" : issue.path.join(".");
      errors[key] ??= issue.message;
    }
  }
  const valid = parsed.success && Object.keys(errors).length === 0;
  return { payload: valid ? parsed.data : null, errors };
}

export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
