import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { StatusScreen } from "./_components/status-screen";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusScreen
      code="404"
      title="This page isn't on the list"
      body="The link may be mistyped, or the waitlist it pointed to has been removed."
    >
      <ButtonLink href="/">Back to home</ButtonLink>
      <ButtonLink href="/w/demo" variant="secondary">
        See the demo waitlist
      </ButtonLink>
    </StatusScreen>
  );
}
