import { Card } from "@/components/ui/card";

// The queue shimmers while the held credits are read.
export default function ReviewLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the review queue">
      <div className="h-6 w-40 animate-pulse rounded bg-zinc-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-zinc-100" />
      <Card className="space-y-3 p-6">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-4 w-full animate-pulse rounded bg-zinc-100" />
        ))}
      </Card>
    </div>
  );
}
