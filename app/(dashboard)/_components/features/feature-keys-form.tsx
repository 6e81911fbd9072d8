"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { FEATURE_KEY_PATTERN, FEATURE_KEYS_PER_WAITLIST, type FeatureKeys } from "@/lib/features/schemas";
import { SaveFooter } from "../save-footer";

// The waitlist's feature keys (docs/feature-waitlists.md): added one at a time (checked here with the server's
// own pattern), removed with their button, saved as a whole. The server's answer replaces the list.
// `readOnly` (a viewer): the keys are listed, every control disabled.

export function FeatureKeysForm({ waitlistId, initial, readOnly }: { waitlistId: string; initial: string[]; readOnly: boolean }) {
  const [keys, setKeys] = useState(initial);
  const [stored, setStored] = useState(initial);
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const dirty = keys.join("\n") !== stored.join("\n");

  function add() {
    const key = draft.trim().toLowerCase();
    if (!key) return;
    if (!FEATURE_KEY_PATTERN.test(key)) return setDraftError("Use lowercase letters, digits and inner hyphens, like ai-search (at most 64).");
    if (keys.includes(key)) return setDraftError("This waitlist already has that key.");
    if (keys.length >= FEATURE_KEYS_PER_WAITLIST) return setDraftError(`At most ${FEATURE_KEYS_PER_WAITLIST} keys per waitlist.`);
    setKeys([...keys, key]);
    setDraft("");
    setDraftError(undefined);
    setSaved(false);
  }

  function onDraftKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault(); // Enter adds the key; the Save button submits
    add();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    setPending(true);
    const result = await ownerFetch<{ features: FeatureKeys }>(`/api/waitlists/${waitlistId}/features`, { method: "PUT", body: { keys } });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setKeys(result.data.features.keys);
    setStored(result.data.features.keys);
    setError(null);
    setSaved(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Feature keys">
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        {keys.length === 0 ? (
          <p className="text-sm text-muted">No feature keys yet: add one to let your product put its users on this list.</p>
        ) : (
          <ul aria-label="Keys of this waitlist" className="flex flex-wrap gap-2">
            {keys.map((key) => (
              <li key={key}>
                <Badge tone="brand" className="font-mono">
                  {key}
                  {readOnly ? null : (
                    <button
                      type="button"
                      onClick={() => { setKeys(keys.filter((k) => k !== key)); setSaved(false); }}
                      aria-label={`Remove ${key}`}
                      className="ml-1 rounded-full px-1 text-brand-700 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                    >
                      ×
                    </button>
                  )}
                </Badge>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-start gap-2">
          <Field
            label="New feature key"
            containerClassName="flex-1"
            placeholder="ai-search"
            value={draft}
            error={draftError}
            hint="Unique across your team's waitlists. Removing a key keeps its members on the list."
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onDraftKey}
            autoComplete="off"
            spellCheck={false}
          />
          {/* Level with the input: below the label (1.25rem) and its gap (0.375rem). */}
          <Button type="button" variant="secondary" onClick={add} className="mt-[1.625rem]">
            Add
          </Button>
        </div>
        <SaveFooter error={error} pending={pending} saved={saved && !dirty} label="Save feature keys" disabled={!dirty || readOnly} />
      </fieldset>
    </form>
  );
}
