import { StatusLinkForm } from "@/components/hosted/status-link-form";
import type { TurnstileAction } from "@/lib/abuse/turnstile-actions";
import { captchaThemeFor } from "@/lib/waitlists/hosted";
import { toPublicConfig, type PublicWaitlist } from "@/lib/waitlists/public";

// The hosted page's "Email me my link" corner, below the signup form. Everything it needs is in the cached
// public config: no per-request data, so the page stays cacheable.
export function StatusLinkSection({ waitlist, captchaAction }: { waitlist: Omit<PublicWaitlist, "allowedHosts" | "restrictions">; captchaAction: TurnstileAction }) {
  return (
    <div className="mt-6">
      <StatusLinkForm
        slug={waitlist.slug}
        siteKey={toPublicConfig(waitlist).turnstile_site_key}
        captchaTheme={captchaThemeFor(waitlist.theme)}
        captchaAction={captchaAction}
      />
    </div>
  );
}
