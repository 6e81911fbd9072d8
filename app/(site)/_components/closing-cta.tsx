import { ButtonLink } from "@/components/ui/button";

export function ClosingCta() {
  return (
    <section aria-labelledby="cta-heading">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <div className="relative isolate overflow-hidden rounded-3xl bg-brand-600 px-6 py-14 text-center shadow-card sm:px-12">
          <div
            aria-hidden="true"
            className="absolute inset-0 -z-10 bg-[radial-gradient(50%_80%_at_50%_0%,var(--color-brand-400),transparent)]"
          />
          <h2 id="cta-heading" className="text-3xl font-semibold tracking-tight text-balance text-white sm:text-4xl">
            Your launch starts with a list
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg text-pretty text-brand-100">
            Free for your first 1,000 signups. Upgrade to Pro when the line gets long.
          </p>
          <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
            <ButtonLink href="/sign-in" variant="inverse" size="lg">
              Create your waitlist
            </ButtonLink>
            <ButtonLink href="/pricing" variant="inverse-ghost" size="lg">
              See pricing
            </ButtonLink>
          </div>
        </div>
      </div>
    </section>
  );
}
