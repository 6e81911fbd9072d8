import { Card } from "@/components/ui/card";

export default function ApiKeysLoading() {
  return (
    <div className="mx-auto max-w-3xl space-y-8" aria-busy="true" aria-label="Loading your API keys">
      <div className="space-y-2">
        <div className="h-7 w-40 animate-pulse rounded-lg bg-zinc-200" />
        <div className="h-4 w-full animate-pulse rounded bg-zinc-100" />
      </div>
      {[0, 1].map((i) => (
        <Card key={i} className="space-y-3 p-6">
          <div className="h-5 w-1/3 animate-pulse rounded bg-zinc-200" />
          <div className="h-3 w-2/3 animate-pulse rounded bg-zinc-100" />
          <div className="h-10 w-full animate-pulse rounded bg-zinc-100" />
        </Card>
      ))}
    </div>
  );
}
