"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

// Inside the dashboard chrome, so the owner keeps their navigation while a page fails.
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Card className="mx-auto max-w-lg">
      <CardContent className="p-8 text-center">
        <p className="text-sm font-semibold text-red-600">Something went wrong</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight text-ink">This page didn&apos;t load</h1>
        <p className="mt-2 text-sm text-muted">
          Your data is safe; this is a problem on our side or a dropped connection. Try again, and if it keeps
          happening, come back in a few minutes.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          {/* retry re-fetches the server components, so a transient database error can clear. */}
          <Button onClick={retry}>Try again</Button>
          <ButtonLink href="/dashboard" variant="secondary">
            Back to your waitlists
          </ButtonLink>
        </div>
        {error.digest ? <p className="mt-6 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
      </CardContent>
    </Card>
  );
}
