import { inputClasses } from "@/components/ui/input";
import { cn } from "@/lib/ui/cn";

// The signups table's source filter: every source, or one of the list's recent ones (the overview's "Top
// sources" links here with ?source=, which may name a source not in the list: it is offered as well).

export function SourceSelect({ value, sources, onChange }: { value: string; sources: string[]; onChange: (source: string) => void }) {
  const options = value && !sources.includes(value) ? [value, ...sources] : sources;
  return (
    <label className="inline-flex items-center gap-2 text-sm text-muted">
      Source
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cn(inputClasses, "h-10 w-auto max-w-48 pr-8")}
        data-testid="source-filter"
      >
        <option value="">All sources</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
