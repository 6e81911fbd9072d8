import { Card } from "@/components/ui/card";

// The filters and the first rows shimmer while the log is read.
export default function AuditLogLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the audit log">
      <div className="h-4 w-full max-w-3xl animate-pulse rounded bg-zinc-100" />
      <Card className="h-24 p-4">
        <div className="h-10 w-full animate-pulse rounded bg-zinc-100" />
      </Card>
      <Card className="space-y-3 p-4">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="h-10 w-full animate-pulse rounded bg-zinc-100" />
        ))}
      </Card>
    </div>
  );
}
