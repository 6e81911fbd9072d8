import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { requireCaptcha } from "@/lib/abuse/require-captcha";
import { logger } from "@/lib/log";
import { checkSignupAnswers } from "@/lib/fields/signup";
import { checkRestrictions } from "@/lib/restrictions/check";
import { resendConfirmation, spendConfirmationMail } from "@/lib/signups/confirmation";
import { createSignup } from "@/lib/signups/mutations";
import {
  HONEYPOT_FIELD,
  signupRequestSchema,
  type SignupCreated,
  type SignupDuplicate,
} from "@/lib/signups/schemas";
import { expireHostedPageAfterRefusal } from "@/lib/waitlists/page-cache";
import type { PublicWaitlist } from "@/lib/waitlists/public";

// One signup, from an untrusted JSON object to the documented answer. The API route, the hosted page and the
// embed all end up here.

export function sharePath(slug: string, refCode: string): string {
  return `/w/${slug}?ref=${refCode}`;
}

export async function signUp(
  waitlist: PublicWaitlist,
  body: Record<string, unknown>,
  ip: string,
  headers: Headers = new Headers(),
): Promise<SignupCreated | SignupDuplicate> {
  const honeypot = body[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== null && honeypot !== "") {
    logger.info("signup refused: honeypot filled", { slug: waitlist.slug });
    throw new AppError("honeypot_triggered", "This request looks automated, so it was not accepted.", HONEYPOT_FIELD);
  }
  const parsed = signupRequestSchema.safeParse(body);
  if (!parsed.success) throw toApiError(parsed.error);
  const input = parsed.data;
  const answers = checkSignupAnswers(waitlist.customFields, input.answers);

  if (!waitlist.isOpen) throw new AppError("waitlist_closed", "This waitlist is not taking signups right now.");
  await checkRestrictions(
    waitlist,
    {
      email: input.email,
      name: waitlist.fields.name ? input.name : null,
      company: waitlist.fields.company ? input.company : null,
      twitter: waitlist.fields.twitter ? input.twitter : null,
    },
    headers,
  );

  await requireCaptcha(waitlist, input.turnstile, ip, `${waitlist.id}:${input.email}`);

  // Double opt-in mails whoever this address is: the caps are spent before anything is stored, so a refusal
  // (429 too_many_emails) stores nothing. The stored list decides under its lock whether the newcomer is
  // pending; this cached copy can lag an owner's switch by a moment, which costs at most one uncounted email.
  if (waitlist.doubleOptIn) await spendConfirmationMail(input.email, ip);

  const result = await createSignup({
    waitlistId: waitlist.id,
    email: input.email,
    // Optional fields are stored only when the waitlist asks for them.
    name: waitlist.fields.name ? input.name : null,
    company: waitlist.fields.company ? input.company : null,
    twitter: waitlist.fields.twitter ? input.twitter : null,
    ref: input.ref,
    ip,
    answers,
  });

  switch (result.kind) {
    case "created":
      return {
        ok: true,
        position: result.position,
        ref_code: result.refCode,
        share_path: sharePath(waitlist.slug, result.refCode),
        // A pending signup's submitter is anyone who typed the address: the status link comes with confirming.
        ...(result.pending ? { status: "pending" as const } : { status_token: result.statusToken }),
      };
    case "duplicate":
      if (result.status === "PENDING" && waitlist.doubleOptIn) await resendConfirmation(waitlist.id, input.email);
      return {
        ok: true,
        duplicate: true,
        position: result.position,
        ref_code: result.refCode,
        ...(result.status === "INVITED" ? { status: "invited" as const } : {}),
        ...(result.status === "PENDING" ? { status: "pending" as const } : {}),
      };
    case "full":
      // The cached hosted page may still offer the form: the next visitor gets the full state.
      expireHostedPageAfterRefusal(waitlist.slug);
      throw new AppError("waitlist_full", "This waitlist is full and is not taking new signups.");
    case "closed":
      expireHostedPageAfterRefusal(waitlist.slug);
      throw new AppError("waitlist_closed", "This waitlist is not taking signups right now.");
    case "not_found":
      throw new AppError("not_found", "There is no waitlist at this address.");
  }
}

function toApiError(error: z.ZodError): AppError {
  const emailIssue = error.issues.find((i) => i.path[0] === "email");
  if (emailIssue) return new AppError("invalid_email", emailIssue.message, "email");
  const first = error.issues[0];
  const field = first ? String(first.path[0] ?? "") : "";
  return new AppError("invalid_input", first?.message ?? "The request is invalid.", field || undefined);
}
