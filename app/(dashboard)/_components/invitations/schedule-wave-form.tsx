"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { WEEKDAYS } from "@/lib/invitations/schedule";
import { WAVE_SIZE_MAX } from "@/lib/invitations/schemas";
import { SelectField } from "../settings/controls";

type Kind = "once" | "daily" | "weekly";

// A scheduled wave: "the top 100 every Monday at 10:00", daily, or once at a date and time, all in the list's
// time zone (the server reads the local times in it).

export function ScheduleWaveForm({ waitlistId, timeZone }: { waitlistId: string; timeZone: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("weekly");
  const [size, setSize] = useState("100");
  const [weekday, setWeekday] = useState("1");
  const [time, setTime] = useState("10:00");
  const [runAt, setRunAt] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const body =
      kind === "once"
        ? { kind, size: Number(size), run_at: runAt }
        : kind === "daily"
          ? { kind, size: Number(size), time }
          : { kind, size: Number(size), weekday: Number(weekday), time };
    setPending(true);
    const result = await ownerFetch(`/api/waitlists/${waitlistId}/waves`, { method: "POST", body });
    setPending(false);
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    setError(null);
    setDone(true);
    router.refresh();
  }

  const fieldError = (name: string) => (error?.field === name ? error.message : null);
  return (
    <form onSubmit={submit} noValidate aria-label="Schedule a wave" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Repeat" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="weekly">Every week</option>
          <option value="daily">Every day</option>
          <option value="once">Once</option>
        </SelectField>
        <Field
          label="People per wave"
          type="number"
          inputMode="numeric"
          min={1}
          max={WAVE_SIZE_MAX}
          value={size}
          error={fieldError("size")}
          onChange={(e) => setSize(e.target.value)}
        />
        {kind === "weekly" ? (
          <SelectField label="Day" value={weekday} onChange={(e) => setWeekday(e.target.value)}>
            {WEEKDAYS.map((d, i) => (
              <option key={d} value={String(i)}>
                {d}
              </option>
            ))}
          </SelectField>
        ) : null}
        {kind === "once" ? (
          <Field
            label="Date and time"
            type="datetime-local"
            value={runAt}
            error={fieldError("run_at")}
            hint={`In ${timeZone}.`}
            onChange={(e) => setRunAt(e.target.value)}
          />
        ) : (
          <Field label="Time" type="time" value={time} error={fieldError("time")} hint={`In ${timeZone}.`} onChange={(e) => setTime(e.target.value)} />
        )}
      </div>
      {error && !error.field?.match(/^(size|run_at|time)$/) ? <FormAlert>{error.message}</FormAlert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Scheduling…" : "Schedule wave"}
        </Button>
        {done ? (
          <p role="status" className="text-sm text-emerald-700">
            Scheduled.
          </p>
        ) : null}
      </div>
    </form>
  );
}
