import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function StatCard({ label, value, detail }: { label: string; value: string; detail?: ReactNode }) {
  return (
    <Card className="p-4 sm:p-5">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="mt-2 text-2xl font-semibold sm:text-3xl tracking-tight text-ink tabular-nums">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-muted">{detail}</dd> : null}
    </Card>
  );
}
