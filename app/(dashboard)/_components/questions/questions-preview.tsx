"use client";

import { useState } from "react";
import { CustomQuestions } from "@/components/hosted/custom-questions";
import { cardClass, inputClass, labelClass, primaryButtonClass } from "@/components/hosted/form-styles";
import { HostedShell } from "@/components/hosted/hosted-shell";
import type { ThemeDraft } from "@/components/hosted/theme-style";
import { toPublicFields, type FieldDefinition } from "@/lib/fields/definitions";
import { collectAnswers, type RawAnswers } from "@/lib/fields/form";
import { validateAnswers } from "@/lib/fields/validate";

// The signup form as visitors will see it with the questions being edited: the hosted page's shell, theme and
// question components, live. Answering here shows conditional questions appearing; "Check answers" runs the
// same validator the server runs. Nothing is sent.

type Props = { theme: ThemeDraft; title: string; branding: boolean; fields: readonly FieldDefinition[] };

export function QuestionsPreview({ theme, title, branding, fields }: Props) {
  const questions = toPublicFields(fields);
  const [raw, setRaw] = useState<RawAnswers>({});
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [checked, setChecked] = useState(false);
  const collected = collectAnswers(questions, raw);

  function check() {
    const verdict = validateAnswers(questions, collected.answers);
    setProblem(verdict.ok ? null : { field: verdict.field, message: verdict.message });
    setChecked(verdict.ok);
  }

  return (
    <div className="overflow-hidden rounded-xl border border-line" data-testid="questions-preview">
      <HostedShell theme={theme} title={title} eyebrow="Join the waitlist" branding={branding} frame="preview">
        <div className={`${cardClass} space-y-4`}>
          <div>
            <span className={labelClass}>Email</span>
            <span className={`${inputClass} mt-1.5 flex items-center text-(color:--wf-muted)`}>you@example.com</span>
          </div>
          <CustomQuestions
            fields={questions}
            values={raw}
            shown={collected.shown}
            onChange={(id, value) => {
              setRaw((r) => ({ ...r, [id]: value }));
              setChecked(false);
            }}
            errorFor={(id) => (problem?.field === `answers.${id}` ? problem.message : null)}
          />
          <button type="button" className={primaryButtonClass} onClick={check}>
            Check answers
          </button>
          <p aria-live="polite" className="text-center text-xs text-(color:--wf-muted)">
            {checked ? "These answers would be accepted." : "Preview only: nothing is sent."}
          </p>
        </div>
      </HostedShell>
    </div>
  );
}
