import { Card } from "@/components/ui/card";

// Inside the waitlist layout (header and tabs stay put); only the tab's content shimmers.
export default function WaitlistTabLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Card key={i} className="p-5">
            <div className="h-4 w-24 animate-pulse rounded bg-zinc-100" />
            <div className="mt-3 h-8 w-16 animate-pulse rounded bg-zinc-200" />
          </Card>
        ))}
      </div>
      <Card className="h-72 p-6">
        <div className="h-4 w-40 animate-pulse rounded bg-zinc-200" />
        <div className="mt-8 h-40 animate-pulse rounded-lg bg-zinc-100" />
      </Card>
    </div>
  );
}
