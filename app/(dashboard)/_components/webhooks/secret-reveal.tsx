"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "../copy-button";

// A signing secret, shown once (after creating an endpoint or rotating its secret): the server never answers it again.

export function SecretReveal({ secret, onClose, children }: { secret: string; onClose: () => void; children: ReactNode }) {
  return (
    <div role="status" className="space-y-3 rounded-control border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p>{children}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="webhook-secret" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-ink ring-1 ring-amber-200">
          {secret}
        </code>
        <CopyButton value={secret} label="Copy signing secret" />
      </div>
      <Button size="sm" variant="secondary" onClick={onClose}>
        Done
      </Button>
    </div>
  );
}
