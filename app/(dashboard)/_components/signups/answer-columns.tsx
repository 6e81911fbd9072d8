"use client";

import { useMemo, useSyncExternalStore } from "react";
import type { FieldDefinition } from "@/lib/fields/definitions";

// The owner's questions as optional columns of the signups table: a "Columns" menu chooses which answers show,
// remembered per waitlist in this browser (localStorage). Archived questions can be shown too: their answers
// are kept. By default the first three active questions show.

export type AnswerColumn = Pick<FieldDefinition, "id" | "label" | "type" | "archived">;

const DEFAULT_SHOWN = 3;
const storageKey = (waitlistId: string) => `waitforge:signup-columns:${waitlistId}`;

const CHANGED = "waitforge:signup-columns";

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the defaults apply
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

export function useAnswerColumns(waitlistId: string, questions: readonly AnswerColumn[]) {
  const key = storageKey(waitlistId);
  // The server render cannot know this browser's choice: it renders the defaults (null snapshot).
  const stored = useSyncExternalStore(subscribe, () => readStored(key), () => null);
  const shown = useMemo<readonly string[]>(() => {
    try {
      const saved: unknown = JSON.parse(stored ?? "null");
      if (Array.isArray(saved)) return saved.filter((v): v is string => typeof v === "string");
    } catch {
      // garbled: the defaults
    }
    return questions.filter((q) => !q.archived).slice(0, DEFAULT_SHOWN).map((q) => q.id);
  }, [stored, questions]);

  function toggle(id: string, on: boolean) {
    const next = on ? [...shown, id] : shown.filter((v) => v !== id);
    try {
      window.localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Not remembered.
    }
    window.dispatchEvent(new Event(CHANGED));
  }

  // In question order, whatever order they were ticked in.
  const columns = questions.filter((q) => shown.includes(q.id));
  return { columns, shown, toggle };
}

export function AnswerColumnsMenu({ questions, shown, onToggle }: { questions: readonly AnswerColumn[]; shown: readonly string[]; onToggle: (id: string, on: boolean) => void }) {
  if (questions.length === 0) return null;
  return (
    <details className="relative inline-block text-sm">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-lg bg-white px-3 font-medium text-ink ring-1 ring-line ring-inset hover:bg-surface">
        Columns <span className="text-muted">({shown.filter((id) => questions.some((q) => q.id === id)).length})</span>
      </summary>
      <fieldset className="absolute left-0 z-20 mt-2 w-72 space-y-2 rounded-xl border border-line bg-white p-3 shadow-lg">
        <legend className="sr-only">Answers to show as columns</legend>
        {questions.map((q) => (
          <label key={q.id} className="flex items-center gap-2">
            <input type="checkbox" className="size-4 accent-brand-600" checked={shown.includes(q.id)} onChange={(e) => onToggle(q.id, e.target.checked)} />
            <span className="truncate">{q.label}</span>
            {q.archived ? <span className="text-xs text-muted">(archived)</span> : null}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** An answer as a table cell shows it. */
export function answerText(value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

export function AnswerCells({ columns, answers }: { columns: readonly AnswerColumn[]; answers: Record<string, unknown> | null | undefined }) {
  return (
    <>
      {columns.map((c) => (
        <td key={c.id} className="max-w-56 truncate px-4 py-3 text-muted" title={answerText(answers?.[c.id])}>
          {answerText(answers?.[c.id])}
        </td>
      ))}
    </>
  );
}
