import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";

// The end of a settings form: an error not tied to one field, the submit button, and "Saved." once saved.

type Props = { error: string | null; pending: boolean; saved: boolean; label: string; disabled?: boolean };

export function SaveFooter({ error, pending, saved, label, disabled = false }: Props) {
  return (
    <>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || disabled}>
          {pending ? "Saving…" : label}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        ) : null}
      </div>
    </>
  );
}
