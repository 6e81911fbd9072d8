import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

// The sign-in and "check your email" screens: one centred card, no site navigation to wander off into.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative isolate flex min-h-dvh flex-col items-center bg-surface px-4 py-12 sm:py-20">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-96 bg-[radial-gradient(55%_65%_at_50%_0%,var(--color-brand-100),transparent)]"
      />
      <Logo className="mb-10" />
      <main id="main" className="w-full max-w-md">
        {children}
      </main>
      <p className="mt-10 text-center text-xs text-muted">
        No passwords: we email you a single-use link each time you sign in.
      </p>
    </div>
  );
}
