import type { Metadata } from "next";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Confirmation link not valid", robots: { index: false, follow: false } };

// A confirm link is single-use (confirming deletes it): a used one lands here as a mistyped one does. Both get
// the way to a status link that goes through the inbox, never through the old link.
export default function ConfirmNotFound() {
  return (
    <section className="mx-auto max-w-lg px-6 py-20">
      <Card data-testid="confirm-not-found">
        <CardHeader>
          <CardTitle>This confirmation link was used already, or isn&apos;t valid</CardTitle>
          <CardDescription>
            If you confirmed your email, your place is kept. To see it, open the waitlist&apos;s page and use
            &ldquo;Email me my link&rdquo;: we&apos;ll send your private status link to your inbox. Otherwise, use the
            link from your most recent confirmation email.
          </CardDescription>
        </CardHeader>
      </Card>
    </section>
  );
}
