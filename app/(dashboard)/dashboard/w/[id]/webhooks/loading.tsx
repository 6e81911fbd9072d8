import { Card } from "@/components/ui/card";

// Endpoints and the delivery log shimmer while they are read.
export default function WebhooksLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading webhooks">
      <div className="h-6 w-48 animate-pulse rounded bg-zinc-200" />
      {[0, 1].map((i) => (
        <Card key={i} className="h-28 p-5">
          <div className="h-4 w-72 animate-pulse rounded bg-zinc-100" />
          <div className="mt-3 h-4 w-40 animate-pulse rounded bg-zinc-100" />
        </Card>
      ))}
      <Card className="h-48 p-6">
        <div className="h-4 w-56 animate-pulse rounded bg-zinc-100" />
      </Card>
    </div>
  );
}
