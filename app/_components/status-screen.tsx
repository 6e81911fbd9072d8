import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

/** The centred layout shared by the 404 and error screens, which render outside the site chrome. */
export function StatusScreen({
  code,
  title,
  body,
  children,
  footnote,
}: {
  code: string;
  title: string;
  body: string;
  children: ReactNode;
  footnote?: ReactNode;
}) {
  return (
    <main className="relative isolate flex min-h-dvh flex-col items-center justify-center px-4 py-16 text-center">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-96 bg-[radial-gradient(50%_60%_at_50%_0%,var(--color-brand-100),transparent)]"
      />
      <Logo className="mb-12" />
      <p className="text-sm font-semibold tracking-wide text-brand-600">{code}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance text-ink sm:text-4xl">{title}</h1>
      <p className="mt-4 max-w-md text-base text-pretty text-muted">{body}</p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">{children}</div>
      {footnote ? <p className="mt-8 font-mono text-xs text-muted">{footnote}</p> : null}
    </main>
  );
}
