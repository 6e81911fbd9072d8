"use client";

import { Turnstile, type TurnstileInstance } from "@marsidev/react-turnstile";
import type { TurnstileAction } from "@/lib/abuse/turnstile-actions";
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
import { CustomQuestions } from "@/components/hosted/custom-questions";
import { postSignup } from "@/components/hosted/signup-answer";
import { emailProblem, SIGNUP_MESSAGES, type FormProblem } from "@/components/hosted/signup-errors";
import { OPTIONAL_FIELDS } from "@/components/hosted/signup-fields";
import { saveSignup, useStoredSignup, type StoredSignup } from "@/components/hosted/signup-storage";
import { SignupSuccess } from "@/components/hosted/signup-success";
import { UnavailableNotice } from "@/components/hosted/unavailable-notice";
import { EMAIL_MAX_LENGTH, TEXT_MAX_LENGTH } from "@/lib/signup-rules";
import type { PublicField } from "@/lib/fields/definitions";
import { collectAnswers, type RawAnswers } from "@/lib/fields/form";
import { validateAnswers } from "@/lib/fields/validate";

// The one client component of the hosted page: the form, posting to the public signup API like any other
// client would. No zod here (it would double the page's JavaScript); the server validates and every answer
// maps to an inline message (signup-errors.ts, shared with the script embed).

export type SignupFormProps = {
  slug: string;
  title: string;
  /** Origin that share links are made absolute against. */
  origin: string;
  fields: { name: boolean; company: boolean; twitter: boolean };
  /** Empty when Turnstile is off (development): no widget, no token. */
  siteKey: string;
  captchaTheme: "light" | "dark";
  /** Which surface this is, as siteverify will report it (lib/abuse/turnstile-origin.ts checks it). */
  captchaAction: TurnstileAction;
  honeypotName: string;
  refCode: string | null;
  initialState: "open" | "full" | "closed";
  /** The owner's own questions (lib/fields), checked here with the server's own validator before sending. */
  questions?: readonly PublicField[];
};

/** A problem on screen, with the request to repeat when it offers a retry. */
type Shown = FormProblem & { body?: Record<string, unknown>; awaitingCaptcha?: boolean };
const NO_QUESTIONS: readonly PublicField[] = [];

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
  const questions = props.questions ?? NO_QUESTIONS;
  const [raw, setRaw] = useState<RawAnswers>({});
  const collected = collectAnswers(questions, raw);

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
    const answer = await postSignup("", slug, body);
    setPending(false);
    if (answer.ok) {
      // Our own origin: the status token may stay in this browser (the script embed never keeps it).
      const result: StoredSignup = { ...answer.signup, savedAt: Date.now() };
      setJustNow(result);
      saveSignup(slug, result);
      return;
    }
    const next = answer.problem;
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
    const invalid = emailProblem(email);
    if (invalid) {
      setProblem(invalid);
      form.current?.querySelector<HTMLInputElement>('[name="email"]')?.focus();
      return;
    }
    if (siteKey && !token.current) {
      setProblem({ message: SIGNUP_MESSAGES.captcha_pending, awaitingCaptcha: true });
      return;
    }
    const checked = validateAnswers(questions, collected.answers);
    if (!checked.ok) {
      setProblem({ field: checked.field as FormProblem["field"], message: checked.message });
      form.current?.querySelector<HTMLElement>(`[name="${checked.field}"]`)?.focus();
      return;
    }
    const body: Record<string, unknown> = { email, [honeypotName]: String(data.get(honeypotName) ?? "") };
    if (questions.length > 0) body.answers = checked.answers;
    for (const f of OPTIONAL_FIELDS) if (fields[f.id] && value(f.id)) body[f.id] = value(f.id);
    if (props.refCode) body.ref = props.refCode;
    if (token.current) body.turnstile = token.current;
    void send(body);
  }

  const fieldError = (id: string) => (problem?.field === id ? problem.message : null);
  const formError = problem && !problem.field ? problem : null;

  return (
    <form ref={form} noValidate onSubmit={onSubmit} className={`${cardClass} space-y-4`} aria-label={`Join the ${props.title} waitlist`}>
      <Input id="email" label="Email" type="email" autoComplete="email" placeholder="you@example.com" required error={fieldError("email")} />
      {OPTIONAL_FIELDS.filter((f) => fields[f.id]).map((f) => (
        <Input key={f.id} id={f.id} label={f.label} optional autoComplete={f.autoComplete} placeholder={f.placeholder} error={fieldError(f.id)} />
      ))}
      <CustomQuestions
        fields={questions}
        values={raw}
        shown={collected.shown}
        onChange={(id, value) => setRaw((r) => ({ ...r, [id]: value }))}
        errorFor={(id) => fieldError(`answers.${id}`)}
      />

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
          options={{ size: "flexible", theme: props.captchaTheme, action: props.captchaAction, appearance: "interaction-only" }}
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
        maxLength={id === "email" ? EMAIL_MAX_LENGTH : TEXT_MAX_LENGTH}
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
