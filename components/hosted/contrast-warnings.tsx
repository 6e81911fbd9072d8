import { checkThemeContrast, formatRatio } from "@/lib/waitlists/contrast";

// WCAG AA warnings for the dashboard's theme editor. Advice only: the hosted page renders the owner's
// colours regardless.

export function ContrastWarnings({ theme }: { theme: { primary: string; bg: string; text: string } }) {
  const failing = checkThemeContrast(theme).filter((c) => !c.passes);
  if (failing.length === 0) return null;
  return (
    <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-3.5 py-3 text-sm text-amber-900">
      <p className="font-medium">Some colours may be hard to read (WCAG AA)</p>
      <ul className="mt-1.5 list-disc space-y-0.5 pl-5">
        {failing.map((c) => (
          <li key={c.id} data-check={c.id}>
            {c.label}: {formatRatio(c.ratio)}, needs {c.required}:1
          </li>
        ))}
      </ul>
    </div>
  );
}
