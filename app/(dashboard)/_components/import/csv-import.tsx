"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { issuesCsv, type ImportIssue } from "./import-report";
import { WelcomeOption } from "./welcome-option";

// Upload → preview (mapping, counts, first rows; nothing written) → import with live progress → report.

type Preview = {
  columns: string[];
  mapping: Record<string, string>;
  total_rows: number;
  valid_rows: number;
  invalid_rows: number;
  preview: { line: number; email: string; name: string | null; company: string | null; joined_at: string | null }[];
  issues: ImportIssue[];
};
type Done = { imported: number; skipped: number; issues: ImportIssue[]; issues_truncated: boolean };
type State =
  | { step: "pick" }
  | { step: "checking" }
  | { step: "preview"; file: File; preview: Preview }
  | { step: "importing"; processed: number; total: number }
  | { step: "done"; result: Done };

const MAX_MB = 20;

export function CsvImport({ waitlistId }: { waitlistId: string }) {
  const [state, setState] = useState<State>({ step: "pick" });
  const [error, setError] = useState<string | null>(null);
  const [welcome, setWelcome] = useState(false);
  const url = `/api/waitlists/${waitlistId}/import`;

  async function check(file: File) {
    setError(null);
    if (file.size > MAX_MB * 1024 * 1024) return setError(`That file is over ${MAX_MB} MB. Split it and import the parts.`);
    setState({ step: "checking" });
    try {
      const res = await fetch(`${url}?dry_run=1`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
      const body = (await res.json()) as Preview & { ok: boolean; error?: { message: string } };
      if (!body.ok) {
        setState({ step: "pick" });
        return setError(body.error?.message ?? "The file could not be checked.");
      }
      setState({ step: "preview", file, preview: body });
    } catch {
      setState({ step: "pick" });
      setError("Network error: check your connection and try again.");
    }
  }

  async function run(file: File, total: number) {
    setError(null);
    setState({ step: "importing", processed: 0, total });
    try {
      const res = await fetch(welcome ? `${url}?welcome=1` : url, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
        setState({ step: "pick" });
        return setError(body?.error?.message ?? "The import could not start.");
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as { type: string; processed?: number; total?: number; message?: string } & Done;
          if (event.type === "progress") setState({ step: "importing", processed: event.processed ?? 0, total: event.total ?? total });
          if (event.type === "done") setState({ step: "done", result: event });
          if (event.type === "error") setError(event.message ?? "The import stopped.");
        }
      }
    } catch {
      // The import is one transaction: it either finished before the drop or left the list unchanged.
      setError("The connection dropped during the import. Check the signups list; if the people are not there, upload the file again (anyone already on the list is skipped).");
    }
  }

  function downloadReport(issues: ImportIssue[]) {
    const href = URL.createObjectURL(new Blob([issuesCsv(issues)], { type: "text/csv" }));
    const a = Object.assign(document.createElement("a"), { href, download: "import-report.csv" });
    a.click();
    URL.revokeObjectURL(href);
  }

  return (
    <div className="space-y-6">
      {error ? (
        <FormAlert testId="import-error">{error}</FormAlert>
      ) : null}

      {state.step === "pick" || state.step === "checking" ? (
        <label className="flex cursor-pointer flex-col items-center gap-2 rounded-card border-2 border-dashed border-line bg-white px-6 py-10 text-center focus-within:border-brand-600">
          <span className="text-sm font-semibold text-ink">{state.step === "checking" ? "Checking the file…" : "Choose a CSV file"}</span>
          <span className="text-sm text-muted">
            An <code>email</code> column is required; <code>name</code>, <code>company</code>, <code>twitter</code> and{" "}
            <code>joined_at</code> are used when present. Up to {MAX_MB} MB.
          </span>
          <input
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            disabled={state.step === "checking"}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void check(file);
              e.target.value = "";
            }}
          />
        </label>
      ) : null}

      {state.step === "preview" ? (
        <section aria-labelledby="preview-heading" className="space-y-4" data-testid="import-preview">
          <h2 id="preview-heading" className="text-base font-semibold text-ink">
            {state.preview.valid_rows.toLocaleString("en-US")} people ready to import
            {state.preview.invalid_rows > 0 ? `, ${state.preview.invalid_rows.toLocaleString("en-US")} rows will be skipped` : ""}
          </h2>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
            {["email", "name", "company", "twitter", "joined_at"].map((field) => (
              <div key={field} className="rounded-control bg-surface px-3 py-2">
                <dt className="font-mono text-xs text-muted">{field}</dt>
                <dd className="truncate text-ink">{state.preview.mapping[field] ?? "—"}</dd>
              </div>
            ))}
          </dl>
          <div className="overflow-x-auto rounded-card border border-line">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">First rows of the file</caption>
              <thead className="bg-surface text-xs text-muted">
                <tr>{["Line", "Email", "Name", "Company", "Joined"].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody>
                {state.preview.preview.map((r) => (
                  <tr key={r.line} className="border-t border-line">
                    <td className="px-3 py-2 tabular-nums text-muted">{r.line}</td>
                    <td className="px-3 py-2">{r.email}</td>
                    <td className="px-3 py-2">{r.name ?? ""}</td>
                    <td className="px-3 py-2">{r.company ?? ""}</td>
                    <td className="px-3 py-2 text-muted">{r.joined_at?.slice(0, 10) ?? "now"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <WelcomeOption checked={welcome} onChange={setWelcome} />
          <div className="flex gap-3">
            <Button onClick={() => void run(state.file, state.preview.valid_rows)} disabled={state.preview.valid_rows === 0}>
              Import {state.preview.valid_rows.toLocaleString("en-US")} people
            </Button>
            <Button variant="secondary" onClick={() => setState({ step: "pick" })}>
              Choose another file
            </Button>
          </div>
        </section>
      ) : null}

      {state.step === "importing" ? (
        <div role="status" aria-live="polite" className="space-y-2" data-testid="import-progress">
          <p className="text-sm text-ink">
            Importing… {state.processed.toLocaleString("en-US")} of {state.total.toLocaleString("en-US")}
          </p>
          <progress className="h-2 w-full" max={Math.max(1, state.total)} value={state.processed} />
        </div>
      ) : null}

      {state.step === "done" ? (
        <section role="status" className="space-y-3" data-testid="import-done">
          <p className="text-base font-semibold text-ink">
            Imported {state.result.imported.toLocaleString("en-US")} people; skipped {state.result.skipped.toLocaleString("en-US")}.
          </p>
          <div className="flex gap-3">
            {state.result.issues.length > 0 ? (
              <Button variant="secondary" onClick={() => downloadReport(state.result.issues)}>
                Download the report of skipped rows
              </Button>
            ) : null}
            <Button variant="ghost" onClick={() => setState({ step: "pick" })}>
              Import another file
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
