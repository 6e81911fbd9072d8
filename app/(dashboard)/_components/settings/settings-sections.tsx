import type { ReactNode } from "react";
import { ContrastWarnings } from "@/components/hosted/contrast-warnings";
import { FONT_LABELS } from "@/components/hosted/fonts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ALLOWED_HOSTS_MAX, DESCRIPTION_MAX, THEME_FONTS, THEME_RADII, TITLE_MAX, type Theme } from "@/lib/waitlists/schemas";
import { cn } from "@/lib/ui/cn";
import { ColorField, SelectField, SwitchField, TextAreaField } from "./controls";
import type { FieldErrors, SettingsDraft } from "./draft";

// The settings form's sections. Stateless: the parent owns the draft and the error messages.

type Props = {
  draft: SettingsDraft;
  errors: FieldErrors;
  update: (change: (d: SettingsDraft) => SettingsDraft) => void;
};

const RADIUS_LABELS: Record<Theme["radius"], string> = { none: "Square", soft: "Soft", round: "Round" };

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">{children}</CardContent>
    </Card>
  );
}

export function PageSection({ draft, errors, update }: Props) {
  return (
    <Section title="Page" description="What visitors read above the form.">
      <Field
        label="Title"
        value={draft.title}
        maxLength={TITLE_MAX + 20}
        error={errors.title}
        onChange={(e) => update((d) => ({ ...d, title: e.target.value }))}
      />
      <TextAreaField
        label="Description"
        value={draft.description}
        rows={3}
        hint={`${draft.description.trim().length} of ${DESCRIPTION_MAX} characters. Line breaks are kept.`}
        error={errors.description}
        onChange={(e) => update((d) => ({ ...d, description: e.target.value }))}
      />
    </Section>
  );
}

export function ThemeSection({ draft, errors, update }: Props) {
  const setTheme = (key: keyof Theme, value: string) => update((d) => ({ ...d, theme: { ...d.theme, [key]: value } }));
  return (
    <Section title="Look" description="Your brand colours, type and shapes.">
      <div className="grid gap-4 sm:grid-cols-3">
        <ColorField label="Primary" value={draft.theme.primary} error={errors["theme.primary"]} onChange={(v) => setTheme("primary", v)} />
        <ColorField label="Background" value={draft.theme.bg} error={errors["theme.bg"]} onChange={(v) => setTheme("bg", v)} />
        <ColorField label="Text" value={draft.theme.text} error={errors["theme.text"]} onChange={(v) => setTheme("text", v)} />
      </div>
      <ContrastWarnings theme={draft.theme} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Font" value={draft.theme.font} error={errors["theme.font"]} onChange={(e) => setTheme("font", e.target.value)}>
          {THEME_FONTS.map((f) => (
            <option key={f} value={f}>
              {FONT_LABELS[f]}
            </option>
          ))}
        </SelectField>
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-ink">Corners</legend>
          <div className="mt-1.5 grid grid-cols-3 gap-2">
            {THEME_RADII.map((r) => (
              <label
                key={r}
                className={cn(
                  "flex h-10 cursor-pointer items-center justify-center gap-2 rounded-control text-sm ring-1 ring-inset transition-colors",
                  "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500",
                  draft.theme.radius === r ? "bg-brand-50 font-medium text-brand-700 ring-brand-300" : "bg-white text-ink ring-zinc-300 hover:bg-surface",
                )}
              >
                <input type="radio" name="radius" value={r} checked={draft.theme.radius === r} onChange={() => setTheme("radius", r)} className="sr-only" />
                {RADIUS_LABELS[r]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <Field
        label="Logo URL"
        type="url"
        value={draft.theme.logo_url}
        placeholder="https://example.com/logo.svg"
        hint="Shown top left instead of your initial. Leave empty for none."
        error={errors["theme.logo_url"]}
        onChange={(e) => setTheme("logo_url", e.target.value)}
      />
      <Field
        label="Hero image URL"
        type="url"
        value={draft.theme.hero_image}
        placeholder="https://example.com/screenshot.png"
        hint="A product shot beside the form (4:3 works best)."
        error={errors["theme.hero_image"]}
        onChange={(e) => setTheme("hero_image", e.target.value)}
      />
    </Section>
  );
}

export function FieldsSection({ draft, update }: Props) {
  const toggle = (key: keyof SettingsDraft["fields"]) => (on: boolean) =>
    update((d) => ({ ...d, fields: { ...d.fields, [key]: on } }));
  return (
    <Section title="Signup form" description="Email is always asked for. Extra fields are optional for visitors.">
      <SwitchField label="Name" checked={draft.fields.name} onChange={toggle("name")} />
      <SwitchField label="Company" checked={draft.fields.company} onChange={toggle("company")} />
      <SwitchField label="X / Twitter handle" checked={draft.fields.twitter} onChange={toggle("twitter")} />
    </Section>
  );
}

export function LimitsSection({ draft, errors, update }: Props) {
  return (
    <Section title="Limits and referrals" description="How many people you take, and how far a referral moves someone up.">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Capacity"
          inputMode="numeric"
          value={draft.capacity}
          placeholder="No limit"
          hint="Signups stop at this number. Empty means no limit of your own."
          error={errors.capacity}
          onChange={(e) => update((d) => ({ ...d, capacity: e.target.value }))}
        />
        <Field
          label="Referral boost"
          inputMode="numeric"
          value={draft.referral_boost}
          hint="Places gained per friend who joins through someone's link."
          error={errors.referral_boost}
          onChange={(e) => update((d) => ({ ...d, referral_boost: e.target.value }))}
        />
      </div>
      <SwitchField
        label="Taking signups"
        hint={draft.is_open ? "The form is open." : "Closed: visitors see that signups are paused."}
        checked={draft.is_open}
        onChange={(on) => update((d) => ({ ...d, is_open: on }))}
      />
    </Section>
  );
}

export function EmbedSection({ draft, errors, update }: Props) {
  return (
    <Section
      title="Where your form may appear"
      description="The embed and your own forms work on any site unless you list some. With a list, signups whose captcha was solved anywhere else are refused; your WaitForge page always works."
    >
      <TextAreaField
        label="Allowed sites"
        value={draft.allowed_hosts}
        rows={3}
        placeholder={"acme.com\n*.acme.dev"}
        hint={`One hostname per line, *.domain for its subdomains; up to ${ALLOWED_HOSTS_MAX}. Empty: any site.`}
        error={errors.allowed_hosts}
        onChange={(e) => update((d) => ({ ...d, allowed_hosts: e.target.value }))}
      />
    </Section>
  );
}
