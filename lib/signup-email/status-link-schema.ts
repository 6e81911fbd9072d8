import { z } from "zod";
import { emailSchema } from "@/lib/signups/schemas";

// "Email me my link" (POST /api/public/:slug/status-link): client-safe, shared by the route and the OpenAPI text.

/** Largest accepted request body, checked on the raw bytes before any JSON parsing. */
export const STATUS_LINK_MAX_BYTES = 4 * 1024;

/** The one answer, listed or not: the route never tells whether an address is on the list. */
export const STATUS_LINK_ANSWER = "If that address is on the list, we've sent its link.";

export const statusLinkRequestSchema = z.object({
  email: emailSchema,
  turnstile: z.string().max(4096, "The captcha token is too long.").nullish(),
});
