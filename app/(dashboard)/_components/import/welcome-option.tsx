// The import's opt-in for welcome emails, with the reason it is off by default.
export function WelcomeOption({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-3 rounded-control bg-surface px-4 py-3 text-sm">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-4 accent-brand-600"
        aria-describedby="import-welcome-why"
      />
      <span>
        <span className="font-medium text-ink">Send the welcome email to imported people</span>
        <span id="import-welcome-why" className="mt-0.5 block text-muted">
          Off by default: these people signed up somewhere else and may not expect mail from this list, and a surprise
          email to a whole list gets marked as spam. Turn it on when they already expect to hear from you. Each person
          gets it once, with their place and share link.
        </span>
      </span>
    </label>
  );
}
