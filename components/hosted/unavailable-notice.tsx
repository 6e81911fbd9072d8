import { cardClass } from "@/components/hosted/form-styles";

// Shown instead of the form when the list cannot take signups: no form that can only fail.

export function UnavailableNotice({ state }: { state: "full" | "closed" }) {
  const full = state === "full";
  return (
    <div className={cardClass} role="status" data-testid={`waitlist-${state}`}>
      <div className="text-center">
        <p
          aria-hidden="true"
          className="mx-auto inline-flex size-11 items-center justify-center rounded-full bg-(--wf-tint) text-xl"
        >
          {full ? "✦" : "⏸"}
        </p>
        <h2 className="mt-3 text-lg font-semibold">{full ? "This waitlist is full" : "Signups are paused"}</h2>
        <p className="mx-auto mt-1.5 max-w-sm text-sm text-pretty text-(color:--wf-muted)">
          {full
            ? "Every spot has been claimed, so it isn't taking new signups. Thanks for your interest!"
            : "This waitlist isn't taking signups right now. Check back soon."}
        </p>
      </div>
    </div>
  );
}
