import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/sign-in-input";

export const metadata: Metadata = { title: "Check your email" };

// Deliberately the same words for every address: whether it already has an account is nobody's business.
export default function CheckYourEmailPage() {
  return (
    <Card>
      <CardContent className="p-8 text-center sm:p-10">
        <div aria-hidden="true" className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 ring-1 ring-brand-200">
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" className="size-6 text-brand-600">
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <path d="m3 7 9 6 9-6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <h1 className="mt-5 text-2xl font-semibold tracking-tight text-ink">Check your email</h1>
        <p className="mt-3 text-sm text-pretty text-muted">
          We&apos;ve sent a sign-in link to the address you entered. Open it in this browser to continue.
        </p>
        <ul className="mt-6 space-y-2 rounded-control bg-surface px-5 py-4 text-left text-sm text-muted ring-1 ring-line">
          <li>The link works once and expires in {MAGIC_LINK_MINUTES} minutes.</li>
          <li>Nothing after a minute or two? Look in spam, or request a new link.</li>
        </ul>
        <ButtonLink href="/sign-in" variant="secondary" className="mt-8">
          Use a different email
        </ButtonLink>
      </CardContent>
    </Card>
  );
}
