"use client";

import { useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { SignupPage } from "@/lib/signups/queries";
import { SignupRowView } from "./signup-row";
import { filterToSearch, isFiltered, SIGNUPS_PAGE_SIZE, type SignupsFilter } from "./signups-filter";
import { SignupsToolbar } from "./signups-toolbar";
import { InviteSelected } from "./invite-selected";
import { FormAlert } from "@/components/ui/form-alert";
import { AnswerColumnsMenu, useAnswerColumns, type AnswerColumn } from "./answer-columns";

type Props = {
  waitlistId: string;
  slug: string;
  totalSignups: number;
  initialFilter: SignupsFilter;
  initialPage: SignupPage;
  /** The list's questions (lib/fields), offered as answer columns. */
  questions?: readonly AnswerColumn[];
  /** The list's recent sources, offered by the source filter. */
  sources: string[];
  /** Letting people in, status changes and removals (admins and owners); a viewer sees the rows only. */
  canEdit: boolean;
  /** The CSV export link (admins and owners; viewers when the team allows it). */
  canExport: boolean;
};

// Keyset paging: the API hands out a cursor for the next page only, so the table remembers the cursor that
// opened each page it has shown (cursors[i] opened page i; page 0 has none) to offer "Previous".

export function SignupsTable({ waitlistId, slug, totalSignups, initialFilter, initialPage, questions = [], sources, canEdit, canExport }: Props) {
  const answerColumns = useAnswerColumns(waitlistId, questions);
  const [filter, setFilter] = useState(initialFilter);
  const [page, setPage] = useState(initialPage);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [total, setTotal] = useState(totalSignups);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const request = useRef<AbortController | null>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pageIndex = cursors.length - 1;

  async function load(next: SignupsFilter, nextCursors: (string | undefined)[]): Promise<void> {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setLoading(true);
    const params = filterToSearch(next, nextCursors.at(-1));
    params.set("limit", String(SIGNUPS_PAGE_SIZE));
    try {
      const result = await ownerFetch<SignupPage>(`/api/waitlists/${waitlistId}/signups?${params}`, {
        signal: controller.signal,
      });
      if (result.ok) {
        // A page emptied by removals: step back rather than show a blank page with "Previous".
        if (result.data.signups.length === 0 && nextCursors.length > 1) return load(next, nextCursors.slice(0, -1));
        setPage({ signups: result.data.signups, next_cursor: result.data.next_cursor });
        setSelected(new Set());
        setCursors(nextCursors);
        setError(null);
      } else {
        setError(result.error.message);
      }
      setLoading(false);
    } catch {
      // Aborted by a newer request, which owns the loading state now.
    }
  }

  function changeFilter(next: SignupsFilter, { debounce = false } = {}) {
    setFilter(next);
    // Keep the filter in the address bar, so a reload or a shared link shows the same view.
    const search = filterToSearch(next).toString();
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
    if (searchTimer.current) clearTimeout(searchTimer.current);
    if (debounce) searchTimer.current = setTimeout(() => void load(next, [undefined]), 250);
    else void load(next, [undefined]);
  }

  const reload = () => load(filter, cursors);
  const filtered = isFiltered(filter);

  return (
    <div className="space-y-4">
      <SignupsToolbar
        filter={filter}
        onChange={changeFilter}
        loading={loading}
        sources={sources}
        exportHref={canExport ? `/api/waitlists/${waitlistId}/export.csv${filter.status === "all" ? "" : `?status=${filter.status}`}` : null}
      />
      {error ? (
        <FormAlert>
          {error}{" "}
          <button type="button" onClick={() => void reload()} className="font-medium underline">
            Try again
          </button>
        </FormAlert>
      ) : null}
      <AnswerColumnsMenu questions={questions} shown={answerColumns.shown} onToggle={answerColumns.toggle} />
      {canEdit ? (
        <InviteSelected
          waitlistId={waitlistId}
          ids={[...selected]}
          onInvited={() => void reload()}
          onError={setError}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      <Card className="overflow-hidden">
        {page.signups.length === 0 ? (
          <EmptyTable filtered={filtered} slug={slug} total={total} onClear={() => changeFilter({ ...filter, q: "", status: "all", source: "" })} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-busy={loading}>
              <caption className="sr-only">People on this waitlist</caption>
              <thead className="border-b border-line bg-surface text-xs font-medium text-muted">
                <tr>
                  <th scope="col" className="w-20 px-4 py-3">#</th>
                  <th scope="col" className="px-4 py-3">Person</th>
                  <th scope="col" className="hidden px-4 py-3 md:table-cell">Referred by</th>
                  <th scope="col" className="hidden px-4 py-3 md:table-cell">Source</th>
                  <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">Referrals</th>
                  <th scope="col" className="hidden px-4 py-3 lg:table-cell">Joined</th>
                  {answerColumns.columns.map((c) => (
                    <th key={c.id} scope="col" className="max-w-56 truncate px-4 py-3">{c.label}</th>
                  ))}
                  <th scope="col" className="px-4 py-3">Status</th>
                  {canEdit ? (
                    <th scope="col" className="px-4 py-3 text-right">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className={loading ? "divide-y divide-line opacity-60 transition-opacity" : "divide-y divide-line"}>
                {page.signups.map((signup) => (
                  <SignupRowView
                    key={signup.id}
                    waitlistId={waitlistId}
                    signup={signup}
                    answerColumns={answerColumns.columns}
                    canEdit={canEdit}
                    onChanged={(removed) => {
                      if (removed) setTotal((t) => Math.max(0, t - 1));
                      void reload();
                    }}
                    onError={setError}
                    selected={selected.has(signup.id)}
                    onSelect={(on) =>
                      setSelected((prev) => {
                        const next = new Set(prev);
                        if (on) next.add(signup.id);
                        else next.delete(signup.id);
                        return next;
                      })
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="flex items-center justify-between gap-3 border-t border-line bg-surface px-4 py-3 text-sm">
          <p className="text-muted">
            Page {pageIndex + 1} · {total.toLocaleString("en-US")} {total === 1 ? "person" : "people"} in total
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={pageIndex === 0 || loading} onClick={() => void load(filter, cursors.slice(0, -1))}>
              Previous
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={!page.next_cursor || loading}
              onClick={() => page.next_cursor && void load(filter, [...cursors, page.next_cursor])}
            >
              Next
            </Button>
          </div>
        </nav>
      </Card>
    </div>
  );
}

function EmptyTable({ filtered, slug, total, onClear }: { filtered: boolean; slug: string; total: number; onClear: () => void }) {
  if (filtered && total > 0) {
    return (
      <div className="px-6 py-14 text-center">
        <p className="text-sm font-medium text-ink">Nobody matches this filter</p>
        <p className="mt-1 text-sm text-muted">Search looks at email, name and company; the source filter at where people came from.</p>
        <Button variant="secondary" size="sm" className="mt-4" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    );
  }
  return (
    <div className="px-6 py-14 text-center">
      <p className="text-sm font-medium text-ink">No signups yet</p>
      <p className="mx-auto mt-1 max-w-sm text-sm text-muted">
        People who join through your hosted page, embed or the API appear here, in queue order.
      </p>
      <ButtonLink href={`/w/${slug}`} target="_blank" rel="noopener" variant="secondary" size="sm" className="mt-4">
        Open your hosted page
      </ButtonLink>
    </div>
  );
}
