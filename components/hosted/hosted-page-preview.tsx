import { cardClass, inputClass, labelClass, primaryButtonClass } from "@/components/hosted/form-styles";
import { HostedShell } from "@/components/hosted/hosted-shell";
import type { ThemeDraft } from "@/components/hosted/theme-style";
import { UnavailableNotice } from "@/components/hosted/unavailable-notice";
import { cn } from "@/lib/ui/cn";

// The hosted page as the dashboard shows it while an owner edits: the same shell, classes and theme
// variables as /w/<slug>, with a static stand-in for the form. `inert` keeps it out of the dashboard's tab
// order and away from clicks. Safe in client components (no hooks, no server imports), so a draft theme
// can re-render it on every keystroke; invalid draft values fall back inside themeStyle().

export type HostedPagePreviewProps = {
  theme: ThemeDraft;
  title: string;
  description?: string;
  fields: { name: boolean; company: boolean; twitter: boolean };
  branding: boolean;
  /** Which state of the page to show. */
  view?: "form" | "success" | "full";
  className?: string;
};

const OPTIONAL = [
  { id: "name", label: "Name", placeholder: "Ada Lovelace" },
  { id: "company", label: "Company", placeholder: "Analytical Engines" },
  { id: "twitter", label: "X / Twitter", placeholder: "@handle" },
] as const;

export function HostedPagePreview({ theme, title, description, fields, branding, view = "form", className }: HostedPagePreviewProps) {
  return (
    <div inert className={cn("h-full", className)} data-testid="hosted-page-preview">
      <HostedShell
        theme={theme}
        title={title.trim() || "Your waitlist"}
        description={description}
        eyebrow={view === "full" ? undefined : "Join the waitlist"}
        branding={branding}
        frame="preview"
      >
        {view === "full" ? <UnavailableNotice state="full" /> : view === "success" ? <SuccessPreview /> : <FormPreview fields={fields} />}
      </HostedShell>
    </div>
  );
}

function FormPreview({ fields }: { fields: HostedPagePreviewProps["fields"] }) {
  return (
    <div className={`${cardClass} space-y-4`}>
      <div>
        <span className={labelClass}>Email</span>
        <span className={`${inputClass} mt-1.5 flex items-center text-(color:--wf-muted)`}>you@example.com</span>
      </div>
      {OPTIONAL.filter((f) => fields[f.id]).map((f) => (
        <div key={f.id}>
          <span className={labelClass}>
            {f.label} <span className="font-normal text-(color:--wf-muted)">(optional)</span>
          </span>
          <span className={`${inputClass} mt-1.5 flex items-center text-(color:--wf-muted)`}>{f.placeholder}</span>
        </div>
      ))}
      <span className={primaryButtonClass}>Join the waitlist</span>
      <p className="text-center text-xs text-(color:--wf-muted)">No spam. Just a note when it&apos;s your turn.</p>
    </div>
  );
}

function SuccessPreview() {
  return (
    <div className={cardClass}>
      <div className="space-y-4 text-center">
        <p className="text-lg font-semibold">You&apos;re on the list!</p>
        <p>
          <span className="block text-sm text-(color:--wf-muted)">You&apos;re</span>
          <span className="block text-6xl leading-none font-bold tracking-tight text-(color:--wf-primary)">#47</span>
        </p>
        <p className="text-sm text-(color:--wf-muted)">Every friend who joins with your link moves you up the line.</p>
        <span className={`${inputClass} flex items-center font-mono text-sm`}>…/w/your-slug?ref=XY9ZW8V7</span>
      </div>
    </div>
  );
}
