"use client";

import { Turnstile, type TurnstileInstance } from "@marsidev/react-turnstile";
import { useRef, useState, type FormEvent } from "react";
import type { TurnstileAction } from "@/lib/abuse/turnstile-actions";
import { errorClass, inputClass, labelClass, secondaryButtonClass } from "@/components/hosted/form-styles";
import { emailProblem, NETWORK_PROBLEM, SIGNUP_MESSAGES } from "@/components/hosted/signup-errors";
import { EMAIL_MAX_LENGTH } from "@/lib/signup-rules";

// "Email me my link": a person who lost their private status link asks for it by email. Folded away until
// asked for, so the page's one captcha at first sight is the signup's. The server answers the same whether or
// not the address is on the list; this form shows that answer as it is.

export type StatusLinkFormProps = { slug: string; siteKey: string; captchaTheme: "light" | "dark"; captchaAction: TurnstileAction };

type Shown = { kind: "sent" | "error"; message: string };

const FALLBACK = "Something went wrong on our side. Please try again in a moment.";

export function StatusLinkForm(props: StatusLinkFormProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const token = useRef<string | null>(null);
  const turnstile = useRef<TurnstileInstance>(null);

  if (!open) {
    return (
      <p className="text-center text-sm text-(color:--wf-muted)">
        Already on the list?{" "}
        <button type="button" className="font-medium underline underline-offset-4 hover:text-(color:--wf-text)" onClick={() => setOpen(true)}>
          Email me my status link
        </button>
      </p>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const invalid = emailProblem(email);
    if (invalid) return setShown({ kind: "error", message: invalid.message });
    if (props.siteKey && !token.current) return setShown({ kind: "error", message: SIGNUP_MESSAGES.captcha_pending });
    setPending(true);
    setShown(null);
    const answer = await post(props.slug, { email, ...(token.current ? { turnstile: token.current } : {}) });
    // Each captcha token is spent by one request.
    token.current = null;
    turnstile.current?.reset();
    setPending(false);
    setShown(answer);
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Email me my status link" className="space-y-3" data-testid="status-link-form">
      <div>
        <label htmlFor="wf-status-link-email" className={labelClass}>
          Your email on the list
        </label>
        <input
          id="wf-status-link-email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={EMAIL_MAX_LENGTH}
          placeholder="you@example.com"
          className={`${inputClass} mt-1.5`}
        />
      </div>
      {props.siteKey ? (
        <Turnstile
          ref={turnstile}
          siteKey={props.siteKey}
          options={{ size: "flexible", theme: props.captchaTheme, action: props.captchaAction, appearance: "interaction-only" }}
          onSuccess={(t) => (token.current = t)}
          onExpire={() => (token.current = null)}
          onError={() => (token.current = null)}
        />
      ) : null}
      {shown ? (
        <p role={shown.kind === "error" ? "alert" : "status"} className={shown.kind === "error" ? errorClass : "text-sm"} data-testid="status-link-answer">
          {shown.message}
        </p>
      ) : null}
      <button type="submit" className={`${secondaryButtonClass} w-full`} aria-disabled={pending} disabled={pending}>
        {pending ? "Sending…" : "Email me my link"}
      </button>
    </form>
  );
}

async function post(slug: string, body: Record<string, string>): Promise<Shown> {
  try {
    const res = await fetch(`/api/public/${encodeURIComponent(slug)}/status-link`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as { ok?: boolean; message?: string; error?: { message?: string } } | null;
    if (res.ok && json?.ok && typeof json.message === "string") return { kind: "sent", message: json.message };
    const message = json?.error?.message;
    return { kind: "error", message: typeof message === "string" && message.length < 300 ? message : FALLBACK };
  } catch {
    return { kind: "error", message: NETWORK_PROBLEM.message };
  }
}
