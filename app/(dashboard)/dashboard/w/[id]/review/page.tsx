import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { listHeld } from "@/lib/review/queries";
import { Referrers } from "../../../../_components/review/referrers";
import { ReviewQueue } from "../../../../_components/review/review-queue";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Referral review" };

type Props = { params: Promise<{ id: string }> };

// The oldest held credits first; deciding on them brings the next ones in.
const PAGE = 200;

export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id, `/dashboard/w/${id}/review`);
  const { held, total } = await listHeld(waitlist.id, { limit: PAGE });

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Referral review</h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          When many friends join one referrer from one IP address or network in a short time, their credit is held
          here instead of moving the referrer up. Approve to give the credit; reject to remove the person from the
          list. The thresholds are in{" "}
          <Link href={`/dashboard/w/${waitlist.id}/restrictions`} className="text-brand-700 hover:underline">
            Restrictions
          </Link>
          .
        </p>
      </div>
      {waitlist.canEdit ? null : <ViewOnlyNote />}
      {total > 0 ? (
        <p className="text-sm text-muted" data-testid="held-total">
          {total === 1 ? "1 credit is" : `${total.toLocaleString("en-US")} credits are`} waiting for review
          {total > held.length ? `; the oldest ${held.length} are listed` : ""}.
        </p>
      ) : null}
      {/* Rendered when empty too, so the outcome of the decision that emptied the queue stays announced. */}
      <ReviewQueue
        waitlistId={waitlist.id}
        held={held}
        canEdit={waitlist.canEdit}
        empty={
          <Card className="px-6 py-10 text-center" data-testid="review-empty">
            <p className="text-sm font-semibold text-ink">Nothing to review</p>
            <p className="mt-1 text-sm text-muted">
              Credits are held here when many friends join one referrer from one IP or network.
            </p>
          </Card>
        }
      />
      {total > 0 ? <Referrers waitlistId={waitlist.id} held={held} /> : null}
    </div>
  );
}
