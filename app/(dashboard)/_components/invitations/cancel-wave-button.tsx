"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

export function CancelWaveButton({ waitlistId, waveId, label }: { waitlistId: string; waveId: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setPending(true);
    const result = await ownerFetch(`/api/waitlists/${waitlistId}/waves/${waveId}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <Button variant="ghost" size="sm" onClick={() => void cancel()} disabled={pending} aria-label={`Cancel ${label}`}>
        {pending ? "Cancelling…" : "Cancel"}
      </Button>
    </span>
  );
}
