"use client";

import { useState } from "react";
import { HostedPagePreview, type HostedPagePreviewProps } from "@/components/hosted/hosted-page-preview";
import { cn } from "@/lib/ui/cn";
import type { SettingsDraft } from "./draft";
import { PreviewFrame, type PreviewDevice } from "./preview-frame";

// The settings page's live preview: the hosted page's own preview component (same shell, classes and theme
// variables as /w/<slug>) fed the unsaved draft, inside a frame sized like a real device.

type View = NonNullable<HostedPagePreviewProps["view"]>;

const VIEWS: { value: View; label: string }[] = [
  { value: "form", label: "Signup form" },
  { value: "success", label: "After joining" },
  { value: "full", label: "When full" },
];

function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-lg bg-zinc-100 p-0.5">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          onClick={() => onChange(o.value)}
          className={cn(
            "rounded-md px-2.5 py-1 text-xs font-medium transition-colors",
            value === o.value ? "bg-white text-ink shadow-sm" : "text-muted hover:text-ink",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function HostedPreview({ draft, branding }: { draft: SettingsDraft; branding: boolean }) {
  const [device, setDevice] = useState<PreviewDevice>("desktop");
  const [view, setView] = useState<View>("form");

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-ink">Live preview</p>
        <div className="flex flex-wrap gap-2">
          <Segmented label="Page state" value={view} options={VIEWS} onChange={setView} />
          <Segmented
            label="Preview size"
            value={device}
            options={[
              { value: "desktop", label: "Desktop" },
              { value: "mobile", label: "Mobile" },
            ]}
            onChange={setDevice}
          />
        </div>
      </div>
      <PreviewFrame device={device} title="Live preview of the hosted page">
        <HostedPagePreview
          theme={draft.theme}
          title={draft.title}
          description={draft.description}
          fields={draft.fields}
          branding={branding}
          view={view}
        />
      </PreviewFrame>
      <p className="text-xs text-muted">
        {draft.is_open
          ? "Unsaved changes show here first; visitors see them once you save."
          : "Signups are switched off: once saved, visitors see a \"signups are paused\" notice instead of the form."}
      </p>
    </div>
  );
}
