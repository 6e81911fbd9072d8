import { Card } from "@/components/ui/card";

// The delivery counts and the failed list shimmer while pg-boss's tables are read.
export default function EmailDeliveryLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading email delivery">
      <div className="h-6 w-40 animate-pulse rounded bg-zinc-200" />
      <div className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Card key={i} className="p-5">
            <div className="h-4 w-24 animate-pulse rounded bg-zinc-100" />
            <div className="mt-3 h-8 w-16 animate-pulse rounded bg-zinc-200" />
          </Card>
        ))}
      </div>
      <Card className="h-48 p-6">
        <div className="h-4 w-56 animate-pulse rounded bg-zinc-100" />
      </Card>
    </div>
  );
}
