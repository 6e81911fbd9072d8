import { useId, type ReactNode } from "react";
import { Input, type InputProps } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/ui/cn";

export type FieldProps = Omit<InputProps, "id"> & {
  label: ReactNode;
  /** Shown under the input; also marks the input invalid for assistive technology. */
  error?: string | null;
  hint?: ReactNode;
  id?: string;
  containerClassName?: string;
};

/** Label + input + hint/error, wired so screen readers announce the message with the field. */
export function Field({ label, error, hint, id, containerClassName, required, ...inputProps }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId, inputProps["aria-describedby"]].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("space-y-1.5", containerClassName)}>
      <Label htmlFor={inputId}>
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      <Input
        {...inputProps}
        id={inputId}
        required={required}
        aria-invalid={error ? true : inputProps["aria-invalid"]}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
