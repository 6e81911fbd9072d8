import { z } from "zod";

// The owner's review of held referral credits (docs/referral-integrity.md): what the queue lists, what the
// owner decides, in bulk. Client-safe.

export const HOLD_REASONS = ["same_ip", "same_network"] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Human words for a hold reason, for the dashboard and the API's `reason_text`. */
export function holdReasonText(reason: string | null, windowMinutes: number): string {
  const window = windowMinutes % 60 === 0 ? `${windowMinutes / 60} h` : `${windowMinutes} min`;
  switch (reason) {
    case "same_ip":
      return `Several signups from the same IP address credited this referrer within ${window}.`;
    case "same_network":
      return `Many signups from the same network credited this referrer within ${window}.`;
    default:
      return "Held for review.";
  }
}

export const MAX_REVIEW_BATCH = 500;

export const reviewDecisionSchema = z.object({
  action: z.enum(["approve", "reject"], { error: 'action must be "approve" or "reject".' }),
  ids: z
    .array(z.uuid({ error: "Each id must be a signup id." }), { error: "ids must be a list of signup ids." })
    .min(1, "Choose at least one signup.")
    .max(MAX_REVIEW_BATCH, `At most ${MAX_REVIEW_BATCH} signups at once.`),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset: the created_at (ISO) and id of the last row of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

/** How deep a referral tree is shown below the person asked about. */
export const TREE_DEPTH = 3;
export const TREE_MAX_NODES = 500;
