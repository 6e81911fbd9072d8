import type { ReactNode } from "react";
import { FONT_VARIABLE_CLASSES } from "@/components/hosted/fonts";
import { safeImageUrl, themeStyle, type ThemeDraft } from "@/components/hosted/theme-style";
import { cn } from "@/lib/ui/cn";

// The frame of every hosted surface: the page at /w/<slug>, the private status page and the dashboard's
// live preview. Presentational only (no hooks, no server imports) so server and client trees can both use it.
// Owner text is rendered as React text nodes; owner images only as http(s) <img> sources.

export type HostedShellProps = {
  theme: ThemeDraft;
  title: string;
  description?: string;
  /** Small line above the title ("Join the waitlist", "Your private status"). */
  eyebrow?: string;
  branding: boolean;
  /** Where "Powered by WaitForge" points; absolute when the page is framed by another site. */
  brandingHref?: string;
  /** "page" fills the viewport; "preview" fits the dashboard's frame. */
  frame?: "page" | "preview";
  /** The form, or the status card. */
  children: ReactNode;
  /** Under the card (social proof). */
  footnote?: ReactNode;
};

export function HostedShell({
  theme,
  title,
  description,
  eyebrow,
  branding,
  brandingHref = "/",
  frame = "page",
  children,
  footnote,
}: HostedShellProps) {
  const logo = safeImageUrl(theme.logo_url);
  const hero = safeImageUrl(theme.hero_image);
  const initial = [...title.trim()][0]?.toUpperCase() ?? "W";
  // A preview sits inside the dashboard's own page: no second <main>, no duplicate ids.
  const page = frame === "page";
  const Main = page ? "main" : "div";

  return (
    <div
      data-hosted-page=""
      className={cn(
        FONT_VARIABLE_CLASSES,
        "relative isolate flex flex-col overflow-hidden bg-(--wf-bg) font-(family-name:--wf-font) text-(color:--wf-text)",
        page ? "min-h-dvh" : "min-h-full",
      )}
      style={themeStyle(theme)}
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[34rem] bg-[radial-gradient(60%_55%_at_50%_0%,var(--wf-tint),transparent)]"
      />
      <header className="mx-auto flex w-full max-w-6xl items-center px-5 pt-6 sm:px-8 sm:pt-8">
        {logo ? (
          // eslint-disable-next-line @next/next/no-img-element -- owners' logos live on any host; next/image would need each host allow-listed
          <img src={logo} alt={title} referrerPolicy="no-referrer" className="h-9 w-auto max-w-44 object-contain" />
        ) : (
          <span className="inline-flex items-center gap-2.5 text-base font-semibold tracking-tight">
            <span
              aria-hidden="true"
              className="inline-flex size-9 items-center justify-center rounded-(--wf-radius) bg-(--wf-primary) text-base font-bold text-(color:--wf-on-primary)"
            >
              {initial}
            </span>
            {title}
          </span>
        )}
      </header>

      <Main
        id={page ? "main" : undefined}
        className={cn(
          "mx-auto grid w-full flex-1 items-center gap-10 px-5 py-10 sm:px-8 sm:py-16",
          hero ? "max-w-6xl lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:gap-16" : "max-w-xl",
        )}
      >
        <section className={cn("min-w-0", !hero && "text-center")} aria-labelledby={page ? "hosted-title" : undefined}>
          {eyebrow ? (
            <p className="inline-flex items-center gap-2 rounded-full bg-(--wf-tint) px-3 py-1 text-xs font-semibold tracking-wide uppercase">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-(--wf-primary)" />
              {eyebrow}
            </p>
          ) : null}
          <h1
            id={page ? "hosted-title" : undefined}
            className="mt-4 text-4xl leading-[1.08] font-bold tracking-tight text-balance break-words sm:text-5xl"
          >
            {title}
          </h1>
          {description ? (
            <p className="mt-4 text-lg leading-relaxed text-pretty break-words whitespace-pre-line text-(color:--wf-muted)">
              {description}
            </p>
          ) : null}
          <div className="mt-8">{children}</div>
          {footnote ? <div className="mt-4 text-sm text-(color:--wf-muted)">{footnote}</div> : null}
        </section>

        {hero ? (
          <figure className="relative min-w-0">
            {/* eslint-disable-next-line @next/next/no-img-element -- as for the logo: arbitrary owner hosts */}
            <img
              src={hero}
              alt=""
              referrerPolicy="no-referrer"
              className="aspect-[4/3] w-full rounded-(--wf-radius-card) border border-(color:--wf-line) object-cover shadow-[0_30px_60px_-30px_rgb(0_0_0/0.45)]"
            />
          </figure>
        ) : null}
      </Main>

      {branding ? (
        <footer className="flex justify-center px-5 pb-6">
          <a
            href={brandingHref}
            target={page ? undefined : "_blank"}
            rel="noopener"
            className="inline-flex items-center gap-1.5 rounded-full border border-(color:--wf-line) bg-(--wf-bg) px-3 py-1 text-xs font-medium text-(color:--wf-muted) transition hover:text-(color:--wf-text)"
          >
            <svg viewBox="0 0 32 32" aria-hidden="true" className="size-3.5">
              <rect width="32" height="32" rx="8" fill="currentColor" />
              <rect x="7" y="8" width="18" height="4" rx="2" fill="var(--wf-bg)" />
              <rect x="7" y="14" width="13" height="4" rx="2" fill="var(--wf-bg)" fillOpacity="0.7" />
              <rect x="7" y="20" width="8" height="4" rx="2" fill="var(--wf-bg)" fillOpacity="0.45" />
            </svg>
            Powered by WaitForge
          </a>
        </footer>
      ) : null}
    </div>
  );
}
