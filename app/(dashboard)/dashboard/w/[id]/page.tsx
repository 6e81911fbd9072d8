import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { env } from "@/lib/env";
import { appOrigin } from "@/lib/waitlists/hosted";
import { waitlistStats } from "@/lib/waitlists/stats";
import { topSources } from "@/lib/attribution/sources";
import { funnelOf } from "@/lib/invitations/queries";
import { FunnelCard } from "../../../_components/invitations/funnel-card";
import { CopyButton } from "../../../_components/copy-button";
import { PlanPanel } from "../../../_components/billing/plan-panel";
import { PlanBanner } from "../../../_components/plan-banner";
import { ShareAndEmbedCard } from "../../../_components/share-and-embed-card";
import { SignupsChart } from "../../../_components/signups-chart";
import { StatCard } from "../../../_components/stat-card";
import { TopReferrers } from "../../../_components/top-referrers";
import { TopSources } from "../../../_components/top-sources";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; billing?: string }> };

export const metadata: Metadata = { title: "Overview" };

const number = (n: number) => n.toLocaleString("en-US");

export default async function WaitlistOverviewPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const waitlist = await dashboardWaitlist(id);
  const [stats, funnel, sources] = await Promise.all([waitlistStats(waitlist.id), funnelOf(waitlist.id), topSources(waitlist.id)]);
  const origin = appOrigin();
  const hostedUrl = `${origin}/w/${waitlist.slug}`;

  return (
    <div className="space-y-6">
      {search.created === "1" ? (
        <section
          aria-labelledby="live-title"
          className="flex flex-col gap-4 rounded-card border border-emerald-200 bg-emerald-50 p-5 sm:flex-row sm:items-center"
        >
          <div className="flex-1">
            <h2 id="live-title" className="text-sm font-semibold text-emerald-950">
              Your waitlist is live
            </h2>
            <p className="mt-1 text-sm text-emerald-900">
              Anyone with the link can join now:{" "}
              <a href={hostedUrl} target="_blank" rel="noopener" className="font-mono font-medium underline">
                {hostedUrl}
              </a>
            </p>
          </div>
          <div className="flex gap-2">
            <CopyButton value={hostedUrl} label="Copy the link to your live page" />
            {waitlist.canEdit ? (
              <ButtonLink href={`/dashboard/w/${waitlist.id}/settings`} size="sm">
                Customise the page
              </ButtonLink>
            ) : null}
          </div>
        </section>
      ) : null}

      <PlanBanner waitlist={waitlist} freeCap={env().FREE_SIGNUP_CAP} />
      <PlanPanel waitlist={waitlist} billing={search.billing} />

      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatCard
          label="Total signups"
          value={number(stats.total)}
          detail={`${number(stats.waiting)} waiting · ${number(stats.invited)} let in`}
        />
        <StatCard label="Today" value={number(stats.today)} detail="Since midnight UTC" />
        <StatCard label="Last 7 days" value={number(stats.last_7_days)} detail="Including today" />
        <StatCard
          label="Referral share"
          value={`${Math.round(stats.referral_share * 100)}%`}
          detail={`${number(stats.referred)} joined through a friend's link`}
        />
      </dl>

      <FunnelCard funnel={funnel} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Signups per day</CardTitle>
            <CardDescription>The last 30 days, in UTC.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignupsChart perDay={stats.per_day} />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Top referrers</CardTitle>
              <CardDescription>Who brought the most people.</CardDescription>
            </CardHeader>
            <CardContent>
              <TopReferrers referrers={stats.top_referrers} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Top sources</CardTitle>
              <CardDescription>Where people came from, the last 30 days.</CardDescription>
            </CardHeader>
            <CardContent>
              <TopSources waitlistId={waitlist.id} sources={sources} />
            </CardContent>
          </Card>
        </div>
      </div>

      <ShareAndEmbedCard origin={origin} slug={waitlist.slug} />
    </div>
  );
}
