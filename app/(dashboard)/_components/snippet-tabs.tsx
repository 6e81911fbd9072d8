"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/ui/cn";
import { SnippetBlock } from "./snippet-block";

export type Snippet = { id: string; label: string; description: string; title: string; code: string; copyLabel: string };

/** The embed options as tabs (WAI-ARIA tabs pattern: arrow keys move between them). All panels stay in the DOM. */
export function SnippetTabs({ snippets }: { snippets: Snippet[] }) {
  const [active, setActive] = useState(snippets[0]?.id ?? "");
  const base = useId();

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = snippets[(index + step + snippets.length) % snippets.length];
    if (!next) return;
    setActive(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label="Ways to embed" className="flex gap-1 border-b border-line">
        {snippets.map((s, i) => (
          <button
            key={s.id}
            id={`${base}-tab-${s.id}`}
            type="button"
            role="tab"
            aria-selected={active === s.id}
            aria-controls={`${base}-panel-${s.id}`}
            tabIndex={active === s.id ? 0 : -1}
            onClick={() => setActive(s.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium transition-colors",
              active === s.id ? "border-brand-600 text-ink" : "border-transparent text-muted hover:text-ink",
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      {snippets.map((s) => (
        <div
          key={s.id}
          id={`${base}-panel-${s.id}`}
          role="tabpanel"
          aria-labelledby={`${base}-tab-${s.id}`}
          hidden={active !== s.id}
          className="pt-4"
        >
          <p className="mb-3 text-sm text-muted">{s.description}</p>
          <SnippetBlock title={s.title} code={s.code} copyLabel={s.copyLabel} testId={`snippet-${s.id}`} />
        </div>
      ))}
    </div>
  );
}
