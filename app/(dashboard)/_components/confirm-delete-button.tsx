"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// The dashboard's one "ask first, in place" DELETE: revoking a key or an invitation, removing a member or leaving
// a team. Focus follows the question: onto the confirming button when asked, back onto the first button after
// "Keep"/"Cancel". A refusal is shown in place; success refreshes the page (or goes to `then`).

type Props = {
  /** The DELETE request's path. */
  path: string;
  /** The first button's text and accessible name. */
  label: string;
  ariaLabel: string;
  /** What answering yes does, in a few words, shown beside the question. */
  warning: string;
  confirm: string;
  pendingText: string;
  cancel?: string;
  /** Where to go after success (leaving a team); the page refreshes in place otherwise. */
  then?: string;
};

export function ConfirmDeleteButton({ path, label, ariaLabel, warning, confirm, pendingText, cancel = "Keep", then }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setPending(true);
    setError(null);
    const result = await ownerFetch(path, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setConfirming(false);
    if (then) router.push(then);
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button
        variant="ghost"
        size="sm"
        autoFocus={asked}
        aria-label={ariaLabel}
        onClick={() => {
          setAsked(true);
          setConfirming(true);
        }}
      >
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`${ariaLabel}?`} className="flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-muted">{warning}</span>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <Button autoFocus variant="danger" size="sm" disabled={pending} onClick={() => void run()}>
        {pending ? pendingText : confirm}
      </Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
        {cancel}
      </Button>
    </div>
  );
}
