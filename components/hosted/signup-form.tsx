"use client";

import { Turnstile, type TurnstileInstance } from "@marsidev/react-turnstile";
import { useRef, useState, type FormEvent, type InputHTMLAttributes } from "react";
import {
  cardClass,
  errorClass,
  fieldErrorClass,
  inputClass,
  labelClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/hosted/form-styles";
import { NETWORK_PROBLEM, problemFromResponse, type FormProblem } from "@/components/hosted/signup-errors";
import { saveSignup, useStoredSignup, type StoredSignup } from "@/components/hosted/signup-storage";
import { SignupSuccess } from "@/components/hosted/signup-success";
import { UnavailableNotice } from "@/components/hosted/unavailable-notice";

// The one client component of the hosted page: the form, posting to the public signup API like any other
// client would. No zod here (it would double the page's JavaScript); the server validates and every answer
// maps to an inline message (signup-errors.ts).

export type SignupFormProps = {
  slug: string;
  title: string;
  /** Origin that share links are made absolute against. */
  origin: string;
  fields: { name: boolean; company: boolean; twitter: boolean };
  /** Empty when Turnstile is off (development): no widget, no token. */
  siteKey: string;
  captchaTheme: "light" | "dark";
  honeypotName: string;
  refCode: string | null;
  initialState: "open" | "full" | "closed";
};

/** A problem on screen, with the request to repeat when it offers a retry. */
type Shown = FormProblem & { body?: Record<string, unknown>; awaitingCaptcha?: boolean };

type OptionalField = "name" | "company" | "twitter";
const OPTIONAL: { id: OptionalField; label: string; autoComplete: string; placeholder: string }[] = [
  { id: "name", label: "Name", autoComplete: "name", placeholder: "Ada Lovelace" },
  { id: "company", label: "Company", autoComplete: "organization", placeholder: "Analytical Engines" },
  { id: "twitter", label: "X / Twitter", autoComplete: "off", placeholder: "@handle" },
];

export function SignupForm(props: SignupFormProps) {
  const { slug, fields, siteKey, honeypotName } = props;
  const stored = useStoredSignup(slug);
  const [justNow, setJustNow] = useState<StoredSignup | null>(null);
  const [state, setState] = useState(props.initialState);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Shown | null>(null);
  const token = useRef<string | null>(null);
  const turnstile = useRef<TurnstileInstance>(null);
  const form = useRef<HTMLFormElement>(null);

  const signup = justNow ?? stored;
  if (signup) {
    return (
      <div className={cardClass}>
        <SignupSuccess
          slug={slug}
          title={props.title}
          origin={props.origin}
          signup={signup}
          fresh={justNow !== null}
          onReset={() => {
            setJustNow(null);
            saveSignup(slug, null);
          }}
        />
      </div>
    );
  }
  if (state !== "open") return <UnavailableNotice state={state} />;

  async function send(body: Record<string, unknown>) {
    setPending(true);
    setProblem(null);
    let res: Response;
    try {
      res = await fetch(`/api/public/${encodeURIComponent(slug)}/signup`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      setPending(false);
      setProblem({ ...NETWORK_PROBLEM, body });
      return;
    }
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    setPending(false);
    if (res.ok && json?.ok === true && typeof json.ref_code === "string") {
      const result: StoredSignup = {
        position: typeof json.position === "number" ? json.position : null,
        refCode: json.ref_code,
        sharePath:
          typeof json.share_path === "string" ? json.share_path : `/w/${slug}?ref=${encodeURIComponent(json.ref_code)}`,
        statusToken: typeof json.status_token === "string" ? json.status_token : undefined,
        duplicate: json.duplicate === true,
        invited: json.status === "invited",
        savedAt: Date.now(),
      };
      setJustNow(result);
      saveSignup(slug, result);
      return;
    }
    const next = problemFromResponse(res.status, json);
    if (next.resetCaptcha) {
      token.current = null;
      turnstile.current?.reset();
    }
    if (next.state) setState(next.state);
    setProblem({ ...next, body });
    if (next.field) form.current?.querySelector<HTMLInputElement>(`[name="${next.field}"]`)?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const email = value("email");
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setProblem({ field: "email", message: email ? "Enter a valid email address, like alice@example.com." : "Enter your email address." });
      form.current?.querySelector<HTMLInputElement>('[name="email"]')?.focus();
      return;
    }
    if (siteKey && !token.current) {
      setProblem({ message: "One moment: the human check is still running. Try again in a second.", awaitingCaptcha: true });
      return;
    }
    const body: Record<string, unknown> = { email, [honeypotName]: String(data.get(honeypotName) ?? "") };
    for (const f of OPTIONAL) if (fields[f.id] && value(f.id)) body[f.id] = value(f.id);
    if (props.refCode) body.ref = props.refCode;
    if (token.current) body.turnstile = token.current;
    void send(body);
  }

  const fieldError = (id: string) => (problem?.field === id ? problem.message : null);
  const formError = problem && !problem.field ? problem : null;

  return (
    <form ref={form} noValidate onSubmit={onSubmit} className={`${cardClass} space-y-4`} aria-label={`Join the ${props.title} waitlist`}>
      <Input id="email" label="Email" type="email" autoComplete="email" placeholder="you@example.com" required error={fieldError("email")} />
      {OPTIONAL.filter((f) => fields[f.id]).map((f) => (
        <Input key={f.id} id={f.id} label={f.label} optional autoComplete={f.autoComplete} placeholder={f.placeholder} error={fieldError(f.id)} />
      ))}

      {/* The honeypot: off-screen, out of the tab order and hidden from screen readers; bots fill it. */}
      <div aria-hidden="true" className="pointer-events-none absolute -left-[9999px] size-px overflow-hidden">
        <label>
          Website
          <input type="text" name={honeypotName} tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      {siteKey ? (
        <Turnstile
          ref={turnstile}
          siteKey={siteKey}
          // Most visitors pass without a challenge; the widget takes room only when one is needed.
          options={{ size: "flexible", theme: props.captchaTheme, action: "signup", appearance: "interaction-only" }}
          onSuccess={(t) => {
            token.current = t;
            setProblem((p) => (p?.awaitingCaptcha ? null : p));
          }}
          onExpire={() => (token.current = null)}
          onError={() => {
            token.current = null;
          }}
        />
      ) : null}

      {formError ? (
        <div role="alert" className={errorClass} data-testid="form-error">
          <p>{formError.message}</p>
          {formError.retry && formError.body ? (
            <button
              type="button"
              className={`${secondaryButtonClass} mt-2 h-8 border-red-300 bg-white text-red-800`}
              onClick={() => formError.body && void send(formError.body)}
            >
              Try again
            </button>
          ) : null}
        </div>
      ) : null}

      <button type="submit" className={primaryButtonClass} aria-disabled={pending} disabled={pending}>
        {pending ? "Joining…" : "Join the waitlist"}
      </button>
      <p className="text-center text-xs text-(color:--wf-muted)">No spam. Just a note when it&apos;s your turn.</p>
    </form>
  );
}

function Input({
  id,
  label,
  optional,
  error,
  ...rest
}: { id: string; label: string; optional?: boolean; error: string | null } & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = `wf-${id}`;
  return (
    <div>
      <label htmlFor={inputId} className={labelClass}>
        {label}
        {optional ? <span className="ml-1 font-normal text-(color:--wf-muted)">(optional)</span> : null}
      </label>
      <input
        id={inputId}
        name={id}
        maxLength={id === "email" ? 254 : 120}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        className={`${inputClass} mt-1.5`}
        {...rest}
      />
      {error ? (
        <p id={`${inputId}-error`} className={fieldErrorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
