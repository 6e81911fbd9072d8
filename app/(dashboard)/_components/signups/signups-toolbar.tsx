import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input";
import { cn } from "@/lib/ui/cn";
import type { SignupsFilter } from "./signups-filter";
import { SourceSelect } from "./source-select";

const STATUSES: { value: SignupsFilter["status"]; label: string }[] = [
  { value: "all", label: "All" },
  { value: "waiting", label: "Waiting" },
  { value: "pending", label: "Pending" },
  { value: "invited", label: "Invited" },
  { value: "joined", label: "Joined" },
  { value: "removed", label: "Removed" },
];

type Props = {
  filter: SignupsFilter;
  onChange: (next: SignupsFilter, options?: { debounce?: boolean }) => void;
  loading: boolean;
  /** Source labels to offer (the current one is always offered too). */
  sources: string[];
  /**
   * The CSV export of the current status filter (a plain GET: the browser downloads it with the session cookie);
   * null when the person may not export (a viewer, unless the team allows it): no link at all then.
   */
  exportHref: string | null;
};

export function SignupsToolbar({ filter, onChange, loading, sources, exportHref }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="relative min-w-56 flex-1">
        <label htmlFor="signup-search" className="sr-only">
          Search signups
        </label>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400"
        >
          <circle cx="9" cy="9" r="5.5" />
          <path d="m13.5 13.5 3 3" strokeLinecap="round" />
        </svg>
        <input
          id="signup-search"
          type="search"
          value={filter.q}
          maxLength={120}
          placeholder="Search by email, name or company"
          className={cn(inputClasses, "h-10 pl-9")}
          onChange={(e) => onChange({ ...filter, q: e.target.value }, { debounce: true })}
        />
      </div>
      <div role="radiogroup" aria-label="Status" className="inline-flex rounded-control bg-zinc-100 p-1">
        {STATUSES.map((s) => (
          <button
            key={s.value}
            type="button"
            role="radio"
            aria-checked={filter.status === s.value}
            onClick={() => onChange({ ...filter, status: s.value })}
            className={cn(
              "rounded-lg px-3 py-1.5 text-sm font-medium transition-colors",
              filter.status === s.value ? "bg-white text-ink shadow-sm" : "text-muted hover:text-ink",
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      <label className="inline-flex items-center gap-2 text-sm text-muted">
        Order
        <select
          value={filter.order}
          onChange={(e) => onChange({ ...filter, order: e.target.value === "joined" ? "joined" : "position" })}
          className={cn(inputClasses, "h-10 w-auto pr-8")}
        >
          <option value="position">Queue position</option>
          <option value="joined">Newest first</option>
        </select>
      </label>
      <SourceSelect value={filter.source} sources={sources} onChange={(source) => onChange({ ...filter, source })} />
      {exportHref ? (
        <a href={exportHref} download className={buttonClasses({ variant: "secondary" })}>
          Export CSV
        </a>
      ) : null}
      <span aria-live="polite" className="sr-only">
        {loading ? "Loading signups" : ""}
      </span>
    </div>
  );
}
