import { Card } from "@/components/ui/card";

export default function WaitlistsLoading() {
  return (
    <div className="space-y-8" aria-busy="true" aria-label="Loading your waitlists">
      <div className="space-y-2">
        <div className="h-7 w-48 animate-pulse rounded-lg bg-zinc-200" />
        <div className="h-4 w-72 animate-pulse rounded bg-zinc-100" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Card key={i} className="h-52 p-5">
            <div className="h-5 w-2/3 animate-pulse rounded bg-zinc-200" />
            <div className="mt-2 h-3 w-1/3 animate-pulse rounded bg-zinc-100" />
            <div className="mt-8 h-8 w-1/4 animate-pulse rounded bg-zinc-200" />
            <div className="mt-4 h-1.5 w-full animate-pulse rounded-full bg-zinc-100" />
          </Card>
        ))}
      </div>
    </div>
  );
}
