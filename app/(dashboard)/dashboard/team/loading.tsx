import { Card } from "@/components/ui/card";

export default function TeamLoading() {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]" aria-busy="true" aria-label="Loading the team">
      <div className="space-y-8">
        {[0, 1].map((i) => (
          <Card key={i} className="space-y-3 p-6">
            <div className="h-5 w-1/3 animate-pulse rounded bg-zinc-200" />
            <div className="h-3 w-2/3 animate-pulse rounded bg-zinc-100" />
            <div className="h-10 w-full animate-pulse rounded bg-zinc-100" />
            <div className="h-10 w-full animate-pulse rounded bg-zinc-100" />
          </Card>
        ))}
      </div>
      <Card className="h-64 animate-pulse bg-zinc-50" />
    </div>
  );
}
