import type { z } from "zod";
import { attributionSchema } from "@/lib/attribution/schema";
import type { Attribution } from "@/lib/attribution/rules";
import { AppError } from "@/lib/errors";
import { refCodeFrom } from "@/lib/signup-rules";
import { metadataSchema } from "@/lib/signups/metadata";

// The parts of a signup request beyond the contract's fields: `metadata` and `attribution`, validated here
// before anything is spent (restrictions, captcha, mail caps), and turned into the JSON text the group-commit
// statement stores (lib/signups/mutations.ts). A problem is a 400 invalid_input whose field names it:
// `metadata`, `metadata.<key>`, `attribution` or `attribution.<key>`.

export type SignupExtras = { metadata: string | null; attribution: string | null };

export function parseSignupExtras(body: Record<string, unknown>, ref: string | null | undefined): SignupExtras {
  const metadata = metadataSchema.safeParse(body.metadata);
  if (!metadata.success) throw fieldError("metadata", metadata.error);
  const attribution = attributionSchema.safeParse(body.attribution);
  if (!attribution.success) throw fieldError("attribution", attribution.error);

  // The referral code is the server's to record: the one this request used, whatever the client claims.
  const code = refCodeFrom(ref);
  const stored: Attribution | null = attribution.data || code ? { ...attribution.data, ...(code ? { ref: code } : {}) } : null;
  return {
    metadata: metadata.data ? JSON.stringify(metadata.data) : null,
    attribution: stored ? JSON.stringify(stored) : null,
  };
}

function fieldError(name: string, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const key = issue?.path[0];
  const field = key === undefined ? name : `${name}.${String(key)}`;
  return new AppError("invalid_input", issue?.message ?? `${name} is not valid.`, field);
}
