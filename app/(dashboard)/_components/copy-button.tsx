"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** Copies a value to the clipboard and says so, visibly and to screen readers. */
export function CopyButton({
  value,
  label,
  variant = "secondary",
  className,
}: {
  value: string;
  /** What is copied, for the accessible name: "Copy hosted page link". */
  label: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Clipboard API refused (insecure context, permissions): fall back to a selection copy.
      setState(legacyCopy(value) ? "copied" : "failed");
    }
  }

  return (
    <Button variant={variant} size="sm" onClick={copy} aria-label={label} className={className}>
      <span aria-hidden="true">{state === "copied" ? "Copied" : state === "failed" ? "Press ⌘C" : "Copy"}</span>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Copy failed; select the text and copy it" : ""}
      </span>
    </Button>
  );
}

function legacyCopy(value: string): boolean {
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
