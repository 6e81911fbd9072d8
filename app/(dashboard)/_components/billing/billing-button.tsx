"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

// "Upgrade to Pro" / "Manage billing": asks the owner API for a Stripe URL and goes there. When billing is
// not configured the server says so (503) and the message shows instead of a crash.

type Props = { waitlistId: string; action: "upgrade" | "billing-portal"; label: string; variant?: ButtonVariant };

export function BillingButton({ waitlistId, action, label, variant = "primary" }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/waitlists/${waitlistId}/${action}`, { method: "POST" });
      const body = (await res.json()) as { ok: boolean; url?: string; error?: { message: string } };
      if (body.ok && body.url) {
        window.location.assign(body.url);
        return;
      }
      setError(body.error?.message ?? "Something went wrong. Please try again.");
    } catch {
      setError("Network error: check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant={variant} onClick={go} disabled={pending} aria-busy={pending}>
        {pending ? "Opening Stripe…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
