import type { Metadata, Viewport } from "next";
import { HostedWaitlist, hostedMetadata, hostedViewport } from "./_components/hosted-waitlist";

// The hosted waitlist page, served from Next's cache (ISR, ● in `next build`): rendered on a slug's first visit,
// then again in the background at most every `revalidate` seconds (the live count, a list that filled up) and
// at once after an owner's edit (lib/waitlists/page-cache.ts). Its CSP is the shared-HTML one (proxy.ts).

type Props = { params: Promise<{ slug: string }> };

// HOSTED_PAGE_REVALIDATE_S (lib/waitlists/page-cache.ts); Next reads segment config as a literal.
export const revalidate = 5;
// A request-time API (headers(), searchParams...) here would be a build error, not a silently dynamic page.
export const dynamic = "error";

/** No slug at build time: each is rendered on its first visit and cached from then on. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return hostedMetadata((await params).slug, null);
}

export async function generateViewport({ params }: Props): Promise<Viewport> {
  return hostedViewport((await params).slug);
}

export default async function HostedWaitlistPage({ params }: Props) {
  return <HostedWaitlist slug={(await params).slug} refCode={null} />;
}
