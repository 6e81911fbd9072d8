import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

// Said wherever the dashboard hides or disables a control because of the person's team role, so a greyed-out
// form never looks broken. The API refuses these changes on its own (lib/api/owner-route.ts); this is only
// honesty about what the page offers. Server- and client-safe (no hooks).

export const VIEW_ONLY_TEXT = "You have view access to this team: ask an admin to change this.";

type Props = {
  /** Another reason in the same voice (an owner-only action); the view-only sentence by default. */
  children?: ReactNode;
  /** Said after the view-only sentence (what else this page keeps from the role). */
  more?: ReactNode;
  testId?: string;
  className?: string;
};

export function ViewOnlyNote({ children, more, testId = "view-only-note", className }: Props) {
  return (
    <p role="note" data-testid={testId} className={cn("flex items-start gap-2 rounded-control border border-line bg-surface px-4 py-3 text-sm text-muted", className)}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-zinc-400">
        <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
      </svg>
      <span>
        {children ?? VIEW_ONLY_TEXT}
        {more ? <> {more}</> : null}
      </span>
    </p>
  );
}
