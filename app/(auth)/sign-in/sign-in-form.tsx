"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestMagicLink } from "@/lib/auth/actions";
import type { SignInState } from "@/lib/auth/sign-in-input";
import { FormAlert } from "@/components/ui/form-alert";

export function SignInForm({ callbackUrl, initialEmail = "" }: { callbackUrl: string; initialEmail?: string }) {
  const initial: SignInState = { email: initialEmail };
  const [state, action, pending] = useActionState(requestMagicLink, initial);

  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {/* key: React resets uncontrolled inputs after an action; remounting keeps what was typed on an error. */}
      <Field
        key={state.email}
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        placeholder="you@company.com"
        defaultValue={state.email}
        error={state.fieldError}
        required
        autoFocus
      />
      {state.formError ? (
        <FormAlert>{state.formError}</FormAlert>
      ) : null}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
