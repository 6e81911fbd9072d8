import { countHeld } from "@/lib/review/queries";

// The number of held referral credits beside the "Review" tab; nothing when there are none. The layout has
// already checked that the waitlist is the signed-in owner's.
export async function HeldCountBadge({ waitlistId }: { waitlistId: string }) {
  const held = await countHeld(waitlistId);
  if (held === 0) return null;
  return (
    <span className="ml-1.5 rounded-full bg-amber-500 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums" data-testid="held-count">
      {held}
      <span className="sr-only"> held for review</span>
    </span>
  );
}
