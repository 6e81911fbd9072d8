import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

export const metadata: Metadata = { title: "Not found" };

// The same answer for a waitlist that doesn't exist and one that belongs to someone else.
export default function DashboardNotFound() {
  return (
    <Card className="mx-auto max-w-lg">
      <CardContent className="p-8 text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight text-ink">No such waitlist in your account</h1>
        <p className="mt-2 text-sm text-muted">
          It may have been deleted, or the link belongs to another account. Check you&apos;re signed in with the
          right email.
        </p>
        <ButtonLink href="/dashboard" className="mt-6">
          Back to your waitlists
        </ButtonLink>
      </CardContent>
    </Card>
  );
}
