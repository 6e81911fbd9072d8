import "server-only";
import { AppError } from "@/lib/errors";
import { verifyTurnstile } from "@/lib/abuse/turnstile";
import { captchaOriginProblem } from "@/lib/abuse/turnstile-origin";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// The one Turnstile gate of every public form of a waitlist (the signup, "email me my link"): siteverify
// must pass, and the token must have been solved where this waitlist takes requests from
// (lib/abuse/turnstile-origin.ts). Throws turnstile_failed otherwise.

export type CaptchaPolicy = { slug: string; allowedHosts: string[] };

/** `retryScope` names what the token is spent on (see verifyTurnstile). */
export async function requireCaptcha(
  waitlist: CaptchaPolicy,
  token: string | null | undefined,
  ip: string,
  retryScope: string,
): Promise<void> {
  const captcha = await verifyTurnstile(token ?? undefined, ip, retryScope);
  const originProblem =
    captcha.ok && env().turnstileMode === "enforce"
      ? captchaOriginProblem(captcha, { appHostname: new URL(env().appOrigin).hostname, allowedHosts: waitlist.allowedHosts })
      : null;
  if (originProblem) {
    logger.info("request refused: captcha from elsewhere", { slug: waitlist.slug, problem: originProblem });
    throw new AppError(
      "turnstile_failed",
      "This form isn't allowed on this site. Use the waitlist's own page instead.",
      "turnstile",
    );
  }
  if (!captcha.ok) {
    throw new AppError(
      "turnstile_failed",
      captcha.reason === "missing-input-response"
        ? "Complete the captcha, then submit again."
        : "The captcha check failed or expired. Please complete it again.",
      "turnstile",
    );
  }
}
