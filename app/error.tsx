"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { StatusScreen } from "./_components/status-screen";

export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    // Production hides the message; the digest ties this screen to the server log line.
    console.error(error);
  }, [error]);

  return (
    <StatusScreen
      code="Something went wrong"
      title="We hit a snag loading this page"
      body="It's on our side, not yours. Try again; if it keeps happening, come back in a minute."
      footnote={error.digest ? `Reference: ${error.digest}` : null}
    >
      {/* retry re-fetches the server components too, so a transient server error can actually clear. */}
      <Button onClick={retry}>Try again</Button>
      <ButtonLink href="/" variant="secondary">
        Back to home
      </ButtonLink>
    </StatusScreen>
  );
}
