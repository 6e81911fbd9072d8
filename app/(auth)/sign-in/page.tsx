import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { currentOwner } from "@/lib/auth/session";
import { authErrorMessage, MAGIC_LINK_MINUTES, safeCallbackUrl, signInFormSchema } from "@/lib/auth/sign-in-input";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: Props) {
  const search = await searchParams;
  const callbackUrl = safeCallbackUrl(first(search.callbackUrl));
  // Already signed in (a valid session, not just a cookie): straight on to where they were going.
  if (await currentOwner()) redirect(callbackUrl);

  const error = authErrorMessage(first(search.error));
  // A team invitation's page sends people here with the invited address (?email=): filled in, never trusted.
  const prefill = signInFormSchema.safeParse({ email: first(search.email) ?? "" });
  const signedOut = first(search.signedOut) === "1";

  return (
    <Card>
      <CardContent className="p-8 sm:p-10">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Sign in to WaitForge</h1>
        <p className="mt-2 text-sm text-muted">
          Enter your email and we&apos;ll send you a sign-in link. New here? The same link creates your account.
        </p>
        {error ? (
          <div role="alert" className="mt-6 rounded-control border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {error}
          </div>
        ) : null}
        {signedOut && !error ? (
          <div role="status" className="mt-6 rounded-control border border-line bg-surface px-4 py-3 text-sm text-muted">
            You&apos;re signed out. See you soon.
          </div>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} initialEmail={prefill.success ? prefill.data.email : ""} />
        <p className="mt-6 text-xs text-muted">
          The link works once and expires after {MAGIC_LINK_MINUTES} minutes.
        </p>
      </CardContent>
    </Card>
  );
}
