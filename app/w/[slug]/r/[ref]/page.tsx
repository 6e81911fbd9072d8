import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { refCodeFrom } from "@/lib/signup-rules";
import { HostedWaitlist, hostedMetadata, hostedViewport } from "../../_components/hosted-waitlist";

// A shared link, /w/<slug>?ref=CODE, which proxy.ts rewrites here (the address bar keeps the shared URL): the
// hosted page with the sharer's code in the form and the sharer's own card in its link preview, cached per code
// like /w/<slug> itself (see its page.tsx).

type Props = { params: Promise<{ slug: string; ref: string }> };

export const revalidate = 5;
export const dynamic = "error";

export function generateStaticParams(): { slug: string; ref: string }[] {
  return [];
}

async function refOf(params: Props["params"]): Promise<{ slug: string; ref: string }> {
  const { slug, ref } = await params;
  const code = refCodeFrom(ref);
  // The proxy only rewrites well-formed codes; anything else typed here is no page.
  if (!code || code !== ref) notFound();
  return { slug, ref: code };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, ref } = await refOf(params);
  return hostedMetadata(slug, ref);
}

export async function generateViewport({ params }: Props): Promise<Viewport> {
  return hostedViewport((await params).slug);
}

export default async function SharedLinkPage({ params }: Props) {
  const { slug, ref } = await refOf(params);
  return <HostedWaitlist slug={slug} refCode={ref} />;
}
