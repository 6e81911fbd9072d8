import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input";
import { AUDIT_CATEGORIES, CATEGORY_LABELS } from "@/lib/audit/actions";
import { cn } from "@/lib/ui/cn";

// The audit log's filters: a plain GET form (no JavaScript needed), so a filtered view is a link one can share
// with another admin. Sending it starts again at the newest entry (no cursor field).

export type AuditFilterValues = { who: string; category: string; waitlist: string; from: string; to: string };
export type Option = { value: string; label: string };

type Props = {
  values: AuditFilterValues;
  actors: Option[];
  waitlists: Option[];
  /** The filter the server refused, in words (shown above the form). */
  error?: string | null;
};

const selectClasses = cn(inputClasses, "h-10 pr-8");

export function AuditFilters({ values, actors, waitlists, error }: Props) {
  const active = Object.values(values).some((v) => v !== "");
  // A value from the URL that is not offered (a former member, a deleted list) stays selectable.
  const withCurrent = (options: Option[], current: string) =>
    current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;

  return (
    <Card className="p-4">
      <form method="get" action="/dashboard/team/audit" aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
        <FilterSelect label="Who" name="who" value={values.who} any="Anyone" options={withCurrent(actors, values.who)} />
        <FilterSelect
          label="What"
          name="category"
          value={values.category}
          any="Everything"
          options={AUDIT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <FilterSelect label="Waitlist" name="waitlist" value={values.waitlist} any="All waitlists" options={withCurrent(waitlists, values.waitlist)} />
        <label className="space-y-1 text-sm font-medium text-ink">
          <span>From (UTC)</span>
          <input type="date" name="from" defaultValue={values.from} className={cn(inputClasses, "h-10")} />
        </label>
        <label className="space-y-1 text-sm font-medium text-ink">
          <span>To (UTC)</span>
          <input type="date" name="to" defaultValue={values.to} className={cn(inputClasses, "h-10")} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClasses()}>
            Apply filters
          </button>
          {active ? (
            <Link href="/dashboard/team/audit" className={buttonClasses({ variant: "ghost" })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700" data-testid="audit-filter-error">
          {error}
        </p>
      ) : null}
    </Card>
  );
}

/** One of the filter form's selects: "any" first, then the options. */
function FilterSelect(props: { label: string; name: string; value: string; any: string; options: { value: string; label: string }[] }) {
  return (
    <label className="space-y-1 text-sm font-medium text-ink">
      <span>{props.label}</span>
      <select name={props.name} defaultValue={props.value} className={selectClasses}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
