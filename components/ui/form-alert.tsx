import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

/** A form-level error (not tied to one field), announced to screen readers as it appears. */
export function FormAlert({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <p role="alert" data-testid={testId} className={cn("rounded-control border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800", className)}>
      {children}
    </p>
  );
}
