import { buttonClasses } from "@/components/ui/button";

// The CSV export with its filters: a plain GET form (no JavaScript), so the browser downloads the streamed
// file with the session cookie. Empty dates mean "no bound".

export function ExportForm({ waitlistId }: { waitlistId: string }) {
  const control = "mt-1 block h-9 rounded-control border border-line bg-white px-2 text-sm text-ink";
  return (
    <details className="rounded-card border border-line bg-white px-5 py-4 shadow-card">
      <summary className="cursor-pointer text-sm font-semibold text-ink">Export with filters</summary>
      <form method="get" action={`/api/waitlists/${waitlistId}/export.csv`} className="mt-4 flex flex-wrap items-end gap-4" data-testid="export-form">
        <label className="text-sm text-muted">
          Status
          <select name="status" defaultValue="all" className={control}>
            <option value="all">Everyone</option>
            <option value="waiting">Waiting</option>
            <option value="invited">Invited</option>
            <option value="joined">Joined</option>
            <option value="removed">Removed</option>
            <option value="pending">Pending (not confirmed)</option>
          </select>
        </label>
        <label className="flex items-center gap-2 self-center text-sm text-muted">
          <input type="checkbox" name="include_pending" value="1" />
          Include pending (unconfirmed)
        </label>
        <label className="text-sm text-muted">
          Joined on or after
          <input type="date" name="joined_after" className={control} />
        </label>
        <label className="text-sm text-muted">
          Joined before
          <input type="date" name="joined_before" className={control} />
        </label>
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Download CSV
        </button>
        <p className="basis-full text-xs text-muted">
          Columns: position, email, name, company, twitter, ref_code, referred_by, referrals, status, joined_at (UTC).
          Cells that a spreadsheet would run as a formula start with an apostrophe.
        </p>
      </form>
    </details>
  );
}
