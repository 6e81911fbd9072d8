"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "../copy-button";

/** The secret of a key just created, shown this once, with a copy button. */
export function NewKeySecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves here so keyboard and screen-reader users land on the secret (the form they used is gone).
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby="new-key-title" className="space-y-4 rounded-control border border-amber-200 bg-amber-50 p-4" data-testid="new-key">
      <h3 id="new-key-title" ref={heading} tabIndex={-1} className="text-sm font-semibold text-ink outline-none">
        Your new key “{name}”
      </h3>
      <p className="text-sm text-amber-900">
        Copy it now and store it somewhere safe, like your server’s secrets. <strong>You won’t see it again</strong>: we
        only keep a fingerprint of it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-key-secret"
          className="min-w-0 flex-1 break-all rounded-control border border-line bg-white px-3 py-2 font-mono text-sm text-ink"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="Copy API key" />
      </div>
      <Button variant="secondary" size="sm" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
